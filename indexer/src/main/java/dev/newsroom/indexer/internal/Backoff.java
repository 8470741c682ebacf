package dev.newsroom.indexer.internal;

import java.time.Duration;

/** The pauses between attempts of the indexer: each twice the one before, up to a limit. */
public final class Backoff {
    private Backoff() {}

    /**
     * The pause after {@code last}.
     *
     * @param last the pause before, positive
     * @param max  the longest pause
     * @return twice {@code last}, or {@code max} when that is longer
     */
    public static Duration next(Duration last, Duration max) {
        Duration doubled = last.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
