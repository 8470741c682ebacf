package dev.newsroom.ingest.internal;

import java.time.Duration;

/** Sizes and durations written the way people read them in error messages: {@code 10 MiB}, {@code 20s}. */
public final class Human {
    private Human() {}

    /** {@code 10 MiB}, {@code 64 KiB}, {@code 1500 bytes}. */
    public static String bytes(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    /** {@code 5m}, {@code 20s}, {@code 1500ms}. */
    public static String duration(Duration duration) {
        long ms = duration.toMillis();
        if (ms > 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms > 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
