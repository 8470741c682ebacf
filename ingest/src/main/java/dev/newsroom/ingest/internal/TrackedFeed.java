package dev.newsroom.ingest.internal;

import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One assigned feed and what this instance knows about it between polls: its {@link FeedState}
 * (validators, body hash, failure score, next poll) and the ids of the items already published.
 * The poll loop schedules it; one worker at a time polls it; the state changes only once a poll's
 * records were committed to Kafka.
 */
public final class TrackedFeed {
    /** How many item ids are remembered per feed (as many as a {@link FeedState} carries). */
    public static final int SEEN_CAPACITY = FeedState.MAX_SEEN_IDS;

    private final int partition;
    private final SeenItems seen = new SeenItems(SEEN_CAPACITY);
    private final AtomicBoolean polling = new AtomicBoolean();
    private final Object idle = new Object();
    private volatile FeedSubscription subscription;
    private volatile String hostKey;
    private volatile FeedState state;

    public TrackedFeed(FeedSubscription subscription, int partition, Instant now) {
        this.subscription = subscription;
        this.hostKey = HostGate.keyOf(subscription.url());
        this.partition = partition;
        this.state = FeedState.initial(subscription.id(), subscription.url(), now);
    }

    public FeedSubscription subscription() {
        return subscription;
    }

    /** A new version of the subscription (a new name or URL); what was learned about the feed is kept. */
    public void update(FeedSubscription newer) {
        this.hostKey = HostGate.keyOf(newer.url());
        this.subscription = newer;
    }

    /** {@link HostGate#keyOf} of the subscription's URL, computed once per URL. */
    public String hostKey() {
        return hostKey;
    }

    /** The partition of the feeds topic it was read from. */
    public int partition() {
        return partition;
    }

    public SeenItems seen() {
        return seen;
    }

    public FeedState state() {
        return state;
    }

    public String etag() {
        return state.etag();
    }

    public String lastModified() {
        return state.lastModified();
    }

    /** Takes over a state read back from the feed-state topic (after a restart or a rebalance). */
    public void restore(FeedState restored) {
        seen.rememberAll(restored.seenIds());
        this.state = restored;
    }

    /** Records the state of a poll whose records Kafka committed. */
    public void committed(FeedState next) {
        this.state = next;
    }

    /** Postpones the next poll, keeping everything else (a poll whose records Kafka refused). */
    public void retryAt(Instant when) {
        FeedState s = state;
        this.state = new FeedState(s.feedId(), s.feedUrl(), s.etag(), s.lastModified(), s.bodyHash(), s.seenIds(),
                s.failureScore(), when, s.lastPollAt(), s.lastSuccessAt(), s.lastOutcome(), s.lastError(), s.intervalSeconds());
    }

    /** If the feed is due at {@code now} and not being polled, claims it. */
    boolean claimIfDue(Instant now) {
        if (now.isBefore(state.nextPollAt()) || !polling.compareAndSet(false, true)) {
            return false;
        }
        return true;
    }

    /** The poll claimed by {@link #claimIfDue} has ended. */
    public void release() {
        synchronized (idle) {
            polling.set(false);
            idle.notifyAll();
        }
    }

    public boolean polling() {
        return polling.get();
    }

    /**
     * Waits until no poll of this feed is running, at most {@code timeout}; used when the feed's
     * partition is revoked, so that the new owner reads the state this instance wrote last.
     *
     * @return whether it is idle
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (polling.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
