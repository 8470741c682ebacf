package dev.newsroom.app.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a launcher started, closed in reverse order exactly once: from the shutdown hook on
 * Ctrl-C/SIGTERM, or by the launcher itself when a start fails half way.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    private final Deque<Named> started = new ArrayDeque<>();
    private boolean closed;

    private record Named(String name, AutoCloseable resource) {}

    /** Remembers a started resource; returns it for chaining. */
    public synchronized <T extends AutoCloseable> T add(String name, T resource) {
        if (closed) {
            closeQuietly(new Named(name, resource));
            throw new IllegalStateException("newsroom is stopping; " + name + " was not started");
        }
        started.push(new Named(name, resource));
        return resource;
    }

    /** Installs the one JVM shutdown hook that closes everything. */
    public Lifecycle closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "newsroom-shutdown"));
        return this;
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
