package dev.newsroom.indexer.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets are done, per partition, and so what may be committed: the offset after the
 * highest done offset below which every tracked offset is done. A record is done when
 * Elasticsearch acknowledged it (indexed or stale) or the dead-letter topic holds it. The poll
 * thread tracks records and commits; the bulk listener marks records done from the client's
 * threads, so every method is synchronized (each is a few map operations).
 */
public final class OffsetTracker {
    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    private static final class Partition {
        final TreeSet<Long> open = new TreeSet<>();
        long highestSeen;
        /** The last offset committed, or where reading began: nothing below it is offered. */
        long committed;

        Partition(long firstOffset) {
            highestSeen = firstOffset - 1;
            committed = firstOffset;
        }
    }

    /** Notes a record as read and not yet done. */
    public synchronized void track(TopicPartition tp, long offset) {
        Partition p = partitions.computeIfAbsent(tp, k -> new Partition(offset));
        p.open.add(offset);
        p.highestSeen = Math.max(p.highestSeen, offset);
    }

    /** Notes a tracked record as done. */
    public synchronized void done(TopicPartition tp, long offset) {
        Partition p = partitions.get(tp);
        if (p != null) {
            p.open.remove(offset);
        }
    }

    /** Offsets to commit: per partition with progress since the last commit, the next offset to read. */
    public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((tp, p) -> {
            long next = p.open.isEmpty() ? p.highestSeen + 1 : p.open.first();
            if (next > p.committed) {
                offsets.put(tp, new OffsetAndMetadata(next));
            }
        });
        return offsets;
    }

    /** Notes offsets as committed, so they are not offered again. */
    public synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, o) -> {
            Partition p = partitions.get(tp);
            if (p != null) {
                p.committed = Math.max(p.committed, o.offset());
            }
        });
    }

    /** Forgets partitions this consumer no longer owns; their open records go to the next owner. */
    public synchronized void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /** Records read and not done, over every partition. */
    public synchronized int openCount() {
        return partitions.values().stream().mapToInt(p -> p.open.size()).sum();
    }

    /** Whether a record of this partition is read and not done. */
    public synchronized boolean hasOpen(TopicPartition tp) {
        Partition p = partitions.get(tp);
        return p != null && !p.open.isEmpty();
    }
}
