package dev.newsroom.indexer.internal;

import java.io.IOException;
import java.util.List;

/** Where index operations go: one bulk request, one outcome per operation in the same order. */
public interface BulkSink {
    /**
     * @throws IOException when the request as a whole failed (unreachable, refused, timed out);
     *                     every operation is then to be retried
     */
    List<ItemOutcome> write(List<IndexAction> actions) throws IOException;
}
