package dev.newsroom.streams.internal;

import java.util.List;
import java.util.NoSuchElementException;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store that keeps nothing. It sits under the record cache of a table whose only job is
 * to pass on, at each commit, the latest value of every key written since the last one (the cache
 * keeps those values and forwards them when it is flushed, before the commit). Keeping the values
 * themselves would grow the state with every key ever written. As nothing is kept, write a value that
 * stands for a deletion rather than a delete: the cache may skip a delete of a key that its store
 * does not hold.
 */
public final class PassThroughStore implements KeyValueStore<Bytes, byte[]> {
    private final String name;
    private boolean open;

    private PassThroughStore(String name) {
        this.name = name;
    }

    /** The supplier of a store named {@code name}. */
    public static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new PassThroughStore(name);
            }

            @Override
            public String metricsScope() {
                return "pass-through";
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void put(Bytes key, byte[] value) {
        // kept by nothing: see the class comment
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        return null;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        // kept by nothing: see the class comment
    }

    @Override
    public byte[] delete(Bytes key) {
        return null;
    }

    @Override
    public byte[] get(Bytes key) {
        return null;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return new Empty();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return new Empty();
    }

    @Override
    public long approximateNumEntries() {
        return 0;
    }

    private static final class Empty implements KeyValueIterator<Bytes, byte[]> {
        @Override
        public boolean hasNext() {
            return false;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            throw new NoSuchElementException("a pass-through store holds nothing");
        }

        @Override
        public Bytes peekNextKey() {
            throw new NoSuchElementException("a pass-through store holds nothing");
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
