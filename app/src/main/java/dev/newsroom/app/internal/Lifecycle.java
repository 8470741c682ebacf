package dev.newsroom.app.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a launcher started, closed in reverse order exactly once: from the shutdown hook on
 * Ctrl-C/SIGTERM, or by the launcher itself when a start fails half way.
 */
public final class Lifecycle implements AutoCloseable {
    /** How long the shutdown hook waits for a launcher that is still starting things. */
    public static final Duration OWNER_GRACE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    private final Deque<Named> started = new ArrayDeque<>();
    private final CountDownLatch ownerDone = new CountDownLatch(1);
    private boolean closed;

    private record Named(String name, AutoCloseable resource) {}

    /** Remembers a started resource and returns it; once closed, closes it at once and throws. */
    public synchronized <T extends AutoCloseable> T add(String name, T resource) {
        if (closed) {
            closeQuietly(new Named(name, resource));
            throw new IllegalStateException("newsroom is stopping; " + name + " was stopped again at once");
        }
        started.push(new Named(name, resource));
        return resource;
    }

    /**
     * Installs the one JVM shutdown hook that closes everything. The hook then waits (at most
     * {@link #OWNER_GRACE}) for the launcher to call {@link #ownerDone()}, so that a SIGTERM arriving
     * while something is still starting (Elasticsearch takes a while) stops that too: whatever is
     * added after the close is closed at once.
     */
    public Lifecycle closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            try {
                ownerDone.await(OWNER_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsroom-shutdown"));
        return this;
    }

    /** The launcher has returned or thrown: nothing more will be added. */
    public void ownerDone() {
        ownerDone.countDown();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(Named named) {
        try {
            log.info("Stopping {}.", named.name());
            named.resource().close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", named.name(), e.toString());
        }
    }
}
