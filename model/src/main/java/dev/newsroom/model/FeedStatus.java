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
        String error) {

    public FeedStatus {
        Checks.required(feedUrl, "feedUrl");
        feedId = feedId == null ? Ids.feed(feedUrl) : feedId;
        Checks.notNull(polledAt, "polledAt");
        Checks.notNull(outcome, "outcome");
        Checks.nonNegative(itemsNew, "itemsNew");
        Checks.nonNegative(itemsSeen, "itemsSeen");
        Checks.nonNegative(latencyMs, "latencyMs");
        error = Checks.orEmpty(error);
    }

    /** Whether the poll reached the feed and read it (changed or not). */
    public boolean healthy() {
        return outcome == PollOutcome.OK || outcome == PollOutcome.NOT_MODIFIED;
    }
}
