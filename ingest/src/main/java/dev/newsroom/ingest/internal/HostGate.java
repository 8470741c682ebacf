package dev.newsroom.ingest.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: at most one request at a time to a host (host and port of the feed URL),
 * and a minimum interval between the end of one request and the start of the next. Thread-safe.
 */
public final class HostGate {
    private static final long RECHECK_MILLIS = 50;

    private final Duration minInterval;
    private final Map<String, Host> hosts = new HashMap<>();
    private final Semaphore releases = new Semaphore(0);

    private static final class Host {
        boolean busy;
        Instant nextAllowed = Instant.MIN;
    }

    /** @param minInterval the least time between two requests to one host */
    public HostGate(Duration minInterval) {
        this.minInterval = minInterval;
    }

    /** The politeness key of a feed URL: its host and port, lower case. */
    public static String keyOf(String url) {
        URI uri = URI.create(url.strip());
        String host = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
        return (host == null ? url : host).toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    /** Takes the host for one request if no request to it is running and its interval has passed. */
    public synchronized boolean tryAcquire(String key, Instant now) {
        Host host = hosts.computeIfAbsent(key, k -> new Host());
        if (host.busy || now.isBefore(host.nextAllowed)) {
            return false;
        }
        host.busy = true;
        return true;
    }

    /**
     * Takes the host for one request, waiting (at most {@code maxWait} of real time) until no request to
     * it runs and its interval has passed by {@code clock}.
     *
     * @return whether the host was taken; false when the wait ran out
     */
    public synchronized boolean acquire(String key, Clock clock, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!tryAcquire(key, clock.instant())) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, RECHECK_MILLIS));
        }
        return true;
    }

    /** The request taken by {@link #tryAcquire} or {@link #acquire} ended at {@code now}. */
    public synchronized void release(String key, Instant now) {
        Host host = hosts.get(key);
        if (host != null) {
            host.busy = false;
            host.nextAllowed = now.plus(minInterval);
        }
        notifyAll();
        releases.release();
    }

    /** Forgets the releases so far: {@link #awaitRelease} then waits for one that comes after this call. */
    public void forgetReleases() {
        releases.drainPermits();
    }

    /**
     * Waits until some host is released (since {@link #forgetReleases()}), at most {@code maxWait}: the
     * scheduler's cue to try feeds again that waited for a busy host. Returns at once when interrupted,
     * with the interrupt flag set.
     */
    public void awaitRelease(Duration maxWait) {
        try {
            releases.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hosts known; forgets idle hosts whose interval passed, so the map stays as small as the set of hosts in use. */
    public synchronized int prune(Instant now) {
        hosts.values().removeIf(host -> !host.busy && !now.isBefore(host.nextAllowed));
        return hosts.size();
    }
}
