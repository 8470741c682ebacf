package dev.newsroom.indexer.internal;

import dev.newsroom.model.DeadLetter;
import java.io.IOException;
import java.util.List;

/** Where records that can never be indexed go. */
public interface DeadLetterSink {
    /** One dead letter and the key of the record it stands for. */
    record Letter(byte[] key, DeadLetter deadLetter) {}

    /**
     * Sends the letters and returns once the dead-letter topic acknowledged every one.
     *
     * @throws IOException when any letter was not acknowledged; all are then to be sent again
     */
    void send(List<Letter> letters) throws IOException;
}
