package dev.newsroom.ingest.internal;

import dev.newsroom.model.FeedSubscription;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One assigned feed and what this instance remembers about it between polls: when it is next due,
 * the validators for a conditional request, and which items were already published. The poll
 * loop schedules it; one worker at a time polls it.
 */
public final class TrackedFeed {
    /** How many item ids are remembered per feed. */
    public static final int SEEN_CAPACITY = 2_000;

    private final int partition;
    private final SeenItems seen = new SeenItems(SEEN_CAPACITY);
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile FeedSubscription subscription;
    private volatile Instant nextPollAt = Instant.MIN;
    private volatile String etag;
    private volatile String lastModified;

    public TrackedFeed(FeedSubscription subscription, int partition) {
        this.subscription = subscription;
        this.partition = partition;
    }

    public FeedSubscription subscription() {
        return subscription;
    }

    /** A new version of the subscription (a new name); what was learned about the feed is kept. */
    public void update(FeedSubscription newer) {
        this.subscription = newer;
    }

    /** The partition of the feeds topic it was read from. */
    public int partition() {
        return partition;
    }

    public SeenItems seen() {
        return seen;
    }

    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    /** Remembers the validators of a document whose items were all published. */
    public void validators(String etag, String lastModified) {
        this.etag = etag;
        this.lastModified = lastModified;
    }

    /** If the feed is due at {@code now} and not being polled, claims it and schedules the next poll. */
    boolean claimIfDue(Instant now, java.time.Duration interval) {
        if (now.isBefore(nextPollAt) || !polling.compareAndSet(false, true)) {
            return false;
        }
        nextPollAt = now.plus(interval);
        return true;
    }

    /** The poll claimed by {@link #claimIfDue} has ended. */
    public void release() {
        polling.set(false);
    }

    public boolean polling() {
        return polling.get();
    }
}
