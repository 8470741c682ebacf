package dev.newsroom.ingest.internal;

import dev.newsroom.model.PollOutcome;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a feed is polled next, and how sick it is. Plain arithmetic, no clock of its own.
 *
 * <ul>
 *   <li>A healthy feed's interval adapts within [base / 4, base * 4]: mostly new items (more than
 *       half) halve it, a document with nothing new (all seen, 304 or an unchanged body) lengthens it
 *       by half, anything between keeps it.</li>
 *   <li>A failure adds to the failure score: {@value #HARD_FAILURE} for a hard error (HTTP error,
 *       refused connection, not a feed, too large), {@value #TIMEOUT_FAILURE} for a timeout. A success
 *       halves the score (below 0.1 it is 0).</li>
 *   <li>A failing feed waits {@code base * 2^score} (exponential backoff, at most {@link #MAX_BACKOFF}),
 *       jittered by ±20 % so that sick feeds do not return in lockstep. It is never abandoned.</li>
 * </ul>
 */
public final class FeedSchedule {
    /** Weight of a hard failure in the failure score. */
    public static final double HARD_FAILURE = 1.0;
    /** Weight of a timeout in the failure score. */
    public static final double TIMEOUT_FAILURE = 0.5;
    /** The longest a failing feed waits. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(24);
    private static final double JITTER = 0.2;

    private final Duration base;
    private final Duration shortest;
    private final Duration longest;
    private final DoubleSupplier random;

    /**
     * @param base   the configured poll interval
     * @param random uniform numbers in [0, 1) for the jitter
     */
    public FeedSchedule(Duration base, DoubleSupplier random) {
        this.base = base;
        this.shortest = max(Duration.ofSeconds(10), base.dividedBy(4));
        this.longest = base.multipliedBy(4);
        this.random = random;
    }

    /** The next interval and failure score after a poll. */
    public record Next(Duration interval, double failureScore, Duration delay) {
    }

    /**
     * @param current    the feed's interval now (zero before its first poll: the base is used)
     * @param score      the feed's failure score now
     * @param outcome    how the poll ended
     * @param fresh      new items found
     * @param seen       items found that were published before
     * @param retryAfter what the server asked for with a 429 or 503 ({@code Retry-After}); null when it said nothing
     */
    public Next after(Duration current, double score, PollOutcome outcome, int fresh, int seen, Duration retryAfter) {
        return after(current, score, outcome, fresh, seen, retryAfter, null);
    }

    /**
     * Like {@link #after(Duration, double, PollOutcome, int, int, Duration)}, with how often the feed says
     * it changes (its TTL, {@code sy:updatePeriod}, {@code Cache-Control: max-age}): a healthy feed's
     * interval is never shorter than that hint, within the bounds (at most four times the base).
     */
    public Next after(Duration current, double score, PollOutcome outcome, int fresh, int seen, Duration retryAfter, Duration hint) {
        Duration interval = current.isZero() || current.isNegative() ? base : current;
        double nextScore;
        Duration wait;
        if (outcome == PollOutcome.OK || outcome == PollOutcome.NOT_MODIFIED) {
            nextScore = score / 2 < 0.1 ? 0.0 : score / 2;
            int total = fresh + seen;
            if (outcome == PollOutcome.OK && total > 0 && fresh * 2 > total) {
                interval = interval.dividedBy(2);
            } else if (outcome == PollOutcome.NOT_MODIFIED || fresh == 0) {
                interval = interval.plus(interval.dividedBy(2));
            }
            if (hint != null && hint.compareTo(interval) > 0) {
                interval = hint;
            }
            interval = clamp(interval, shortest, longest);
            wait = interval;
        } else {
            nextScore = score + (outcome == PollOutcome.TIMEOUT ? TIMEOUT_FAILURE : HARD_FAILURE);
            double factor = Math.pow(2, Math.min(nextScore, 16));
            long millis = (long) Math.min(MAX_BACKOFF.toMillis(), base.toMillis() * factor);
            double jitter = 1 - JITTER + 2 * JITTER * random.getAsDouble();
            wait = clamp(Duration.ofSeconds((long) (millis * jitter / 1000)), shortest, MAX_BACKOFF);
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : retryAfter;
        }
        return new Next(interval, nextScore, wait);
    }

    private static Duration clamp(Duration value, Duration low, Duration high) {
        return value.compareTo(low) < 0 ? low : value.compareTo(high) > 0 ? high : value;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
