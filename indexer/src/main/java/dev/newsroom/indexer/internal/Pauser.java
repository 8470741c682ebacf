package dev.newsroom.indexer.internal;

import java.time.Duration;

/** Waits between two attempts while keeping the consumer in its group; says whether to go on. */
@FunctionalInterface
public interface Pauser {
    /** @return false when the indexer is closing and the attempt should be given up */
    boolean pause(Duration delay);
}
