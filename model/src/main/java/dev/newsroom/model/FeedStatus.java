package dev.newsroom.model;

import java.time.Instant;

/**
 * The result of one poll of one feed; the value of {@code newsroom.feed-status}, keyed by feed id.
 *
 * @param feedId     the subscription id
 * @param feedUrl    the feed URL
 * @param polledAt   when the poll started
 * @param outcome    how it ended
 * @param httpStatus the HTTP status, 0 when there was no response
 * @param itemsNew   items published to {@code newsroom.raw} by this poll
 * @param itemsSeen  items in the document that had been published before
 * @param latencyMs  time from request to parsed items
 * @param error      one sentence saying what went wrong, empty on success
 * @param bytes      bytes of the document received (after decompression), 0 when none
 * @param errorClass a short, stable class of the failure for dashboards ({@code http-4xx}, {@code http-5xx},
 *                   {@code rate-limited}, {@code refused}, {@code unknown-host}, {@code tls}, {@code private-address},
 *                   {@code network}, {@code timeout}, {@code too-large}, {@code not-a-feed}, {@code malformed-xml},
 *                   {@code doctype}, {@code redirects}, {@code kafka}); empty on success
 * @param fullTextNote for a feed with full-text fetch: how many new items got their page's text and why the
 *                     others kept their excerpt ({@code robots.txt disallows}, {@code page fetch failed: HTTP 500},
 *                     {@code extraction too short}); empty otherwise
 */
public record FeedStatus(
        String feedId,
        String feedUrl,
        Instant polledAt,
        PollOutcome outcome,
        int httpStatus,
        int itemsNew,
        int itemsSeen,
        long latencyMs,
        String error,
        long bytes,
        String errorClass,
        String fullTextNote) {

    /** A status without byte count or error class (older writers). */
    public FeedStatus(String feedId, String feedUrl, Instant polledAt, PollOutcome outcome, int httpStatus, int itemsNew,
                      int itemsSeen, long latencyMs, String error) {
        this(feedId, feedUrl, polledAt, outcome, httpStatus, itemsNew, itemsSeen, latencyMs, error, 0, "", "");
    }

    /** A status without a full-text note. */
    public FeedStatus(String feedId, String feedUrl, Instant polledAt, PollOutcome outcome, int httpStatus, int itemsNew,
                      int itemsSeen, long latencyMs, String error, long bytes, String errorClass) {
        this(feedId, feedUrl, polledAt, outcome, httpStatus, itemsNew, itemsSeen, latencyMs, error, bytes, errorClass, "");
    }

    public FeedStatus {
        Checks.required(feedUrl, "feedUrl");
        feedId = feedId == null ? Ids.feed(feedUrl) : feedId;
        Checks.notNull(polledAt, "polledAt");
        Checks.notNull(outcome, "outcome");
        Checks.nonNegative(itemsNew, "itemsNew");
        Checks.nonNegative(itemsSeen, "itemsSeen");
        Checks.nonNegative(latencyMs, "latencyMs");
        error = Checks.orEmpty(error);
        Checks.nonNegative(bytes, "bytes");
        errorClass = Checks.orEmpty(errorClass);
        fullTextNote = Checks.orEmpty(fullTextNote);
    }

    /** Whether the poll reached the feed and read it (changed or not). */
    public boolean healthy() {
        return outcome == PollOutcome.OK || outcome == PollOutcome.NOT_MODIFIED;
    }
}
