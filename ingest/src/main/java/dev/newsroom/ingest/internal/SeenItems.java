package dev.newsroom.ingest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids (and skip reasons) of one feed's items that were already published, bounded: the least
 * recently seen are forgotten first, so ids still in the feed document stay remembered. Thread-safe.
 */
public final class SeenItems {
    private final Map<String, Boolean> seen;

    public SeenItems(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the key was remembered; a hit counts as recent use. */
    public synchronized boolean contains(String key) {
        return seen.get(key) != null;
    }

    public synchronized void remember(String key) {
        seen.put(key, Boolean.TRUE);
    }

    /** Remembers the keys in order, the last one the most recent. */
    public synchronized void rememberAll(Collection<String> keys) {
        keys.forEach(key -> seen.put(key, Boolean.TRUE));
    }

    /** The most recently used keys, at most {@code max}, least recent first (the order {@link #rememberAll} restores). */
    public synchronized List<String> recent(int max) {
        List<String> all = new ArrayList<>(seen.keySet());
        return all.size() <= max ? all : List.copyOf(all.subList(all.size() - max, all.size()));
    }

    public synchronized int size() {
        return seen.size();
    }
}
