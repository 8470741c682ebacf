package dev.newsroom.model;

import java.time.Instant;
import java.util.List;

/**
 * What the pollers know about one feed between polls; the value of the compacted
 * {@code newsroom.feed-state} topic, keyed by feed id. Written in the same Kafka transaction as the
 * poll's articles, so a poller that takes the feed over resumes exactly where the last one stopped.
 *
 * @param feedId         the subscription id
 * @param feedUrl        the feed URL polled
 * @param etag           the {@code ETag} to send as {@code If-None-Match}; null when none
 * @param lastModified   the {@code Last-Modified} to send as {@code If-Modified-Since}; null when none
 * @param bodyHash       SHA-256 (hex) of the last document read; an identical body is not parsed again; null when none
 * @param seenIds        ids of the items (and skip reasons) already published, oldest first, at most {@link #MAX_SEEN_IDS}
 * @param failureScore   weighted recent failures: hard errors count 1, timeouts 0.5; decays on success; 0 when healthy
 * @param nextPollAt     when the feed is due next
 * @param lastPollAt     when it was last polled; null before the first poll
 * @param lastSuccessAt  when a poll last reached a readable feed (changed or not); null if never
 * @param lastOutcome    how the last poll ended; null before the first poll
 * @param lastError      one sentence about the last failure, empty when the last poll succeeded
 * @param intervalSeconds the feed's current polling interval (adapted to it, longer while it fails), 0 before the first poll
 */
public record FeedState(
        String feedId,
        String feedUrl,
        String etag,
        String lastModified,
        String bodyHash,
        List<String> seenIds,
        double failureScore,
        Instant nextPollAt,
        Instant lastPollAt,
        Instant lastSuccessAt,
        PollOutcome lastOutcome,
        String lastError,
        long intervalSeconds) {

    /** How many item ids a state carries at most; the oldest are dropped first. */
    public static final int MAX_SEEN_IDS = 1_000;

    public FeedState {
        Checks.required(feedId, "feedId");
        Checks.required(feedUrl, "feedUrl");
        seenIds = Checks.copy(seenIds);
        if (seenIds.size() > MAX_SEEN_IDS) {
            seenIds = List.copyOf(seenIds.subList(seenIds.size() - MAX_SEEN_IDS, seenIds.size()));
        }
        if (!(failureScore >= 0.0) || Double.isInfinite(failureScore)) {
            throw new IllegalArgumentException("failureScore must be a finite number >= 0, was " + failureScore);
        }
        Checks.notNull(nextPollAt, "nextPollAt");
        lastError = Checks.orEmpty(lastError);
        Checks.nonNegative(intervalSeconds, "intervalSeconds");
    }

    /** The state of a feed never polled: due at once. */
    public static FeedState initial(String feedId, String feedUrl, Instant now) {
        return new FeedState(feedId, feedUrl, null, null, null, List.of(), 0.0, now, null, null, null, "", 0);
    }
}
