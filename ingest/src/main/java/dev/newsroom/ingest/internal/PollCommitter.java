package dev.newsroom.ingest.internal;

import dev.newsroom.model.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes everything one poll produced (articles, dead letters, the feed's new state, its status) in
 * a Kafka transaction: either all of it is committed or none of it is, so a poller that takes a
 * feed over reads a state that matches exactly the articles that were published.
 *
 * <p>Group commit: one thread owns the transactional producer and puts the polls that are waiting
 * when it starts a transaction (up to {@value #MAX_BATCH}) into the same transaction, so fetching
 * and parsing stay parallel and the cost of a commit is shared. If the transaction fails, every
 * poll in it fails (and is retried by its caller). Thread-safe.
 *
 * <p>Fencing: a poll names the partition of the feeds topic its feed came from, and the
 * transaction commits the consumer's position on those partitions with
 * {@code sendOffsetsToTransaction(offsets, groupMetadata)}, the group metadata being the consumer's
 * latest. The group coordinator accepts that only from a current member of the group in its
 * current generation, so an instance that was expelled (a long GC pause, a network partition) and
 * whose feeds now belong to another cannot commit: its transaction fails with a
 * {@link org.apache.kafka.clients.consumer.CommitFailedException} and is aborted, and nothing of it
 * becomes visible to {@code read_committed} readers.
 */
public final class PollCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollCommitter.class);
    private static final int MAX_BATCH = 64;

    private final Properties properties;
    private final Supplier<ConsumerGroupMetadata> group;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private Producer<byte[], byte[]> producer;

    /** One record to write. */
    public record Out(String topic, byte[] key, byte[] value) {
        public static <K, V> Out of(Topic<K, V> topic, K key, V value) {
            return new Out(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                    topic.valueSerde().serializer().serialize(topic.name(), value));
        }
    }

    private record Pending(List<Out> records, TopicPartition source, long offset, CompletableFuture<Void> done) {
    }

    /** Queued by {@link #close()}: what was queued before it is still committed. */
    private static final Pending STOP = new Pending(List.of(), null, -1, new CompletableFuture<>());

    /**
     * A committer without fencing: nothing ties its transactions to a consumer group.
     *
     * @param properties a producer's properties with a {@code transactional.id} unique to this instance
     */
    public PollCommitter(Properties properties, String name) {
        this(properties, name, () -> null);
    }

    /**
     * @param properties a producer's properties with a {@code transactional.id} unique to this instance
     * @param group      the feeds consumer's latest group metadata ({@code consumer.groupMetadata()}, taken on the
     *                   consumer's thread), or null while it has none; every transaction with a source partition
     *                   commits its offsets under it
     */
    public PollCommitter(Properties properties, String name, Supplier<ConsumerGroupMetadata> group) {
        this.properties = properties;
        this.group = group;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Sends the records in a transaction (perhaps shared with other polls) and waits for the commit.
     *
     * @throws KafkaException       when the transaction was aborted (nothing of it is visible to read_committed readers)
     * @throws InterruptedException when interrupted while waiting; the records may still be committed
     */
    public void commit(List<Out> records) throws InterruptedException {
        commit(records, null, -1);
    }

    /**
     * Like {@link #commit(List)}, fenced by the group: the transaction also commits {@code offset} for
     * {@code source}, the partition of the feeds topic that the records derive from, under the
     * consumer's group metadata.
     *
     * @throws KafkaException       when the transaction was aborted; a
     *                              {@link org.apache.kafka.clients.consumer.CommitFailedException} when this
     *                              instance is no longer a member of the group's current generation
     * @throws InterruptedException when interrupted while waiting; the records may still be committed
     */
    public void commit(List<Out> records, TopicPartition source, long offset) throws InterruptedException {
        if (closed) {
            throw new KafkaException("the transactional producer is closed");
        }
        Pending pending = new Pending(records, source, offset, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.done().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                try {
                    send(batch);
                    batch.forEach(p -> p.done().complete(null));
                } catch (RuntimeException e) {
                    batch.forEach(p -> p.done().completeExceptionally(e));
                }
            }
            batch.clear();
        }
        KafkaException stopped = new KafkaException("the transactional producer was closed before the poll was committed");
        queue.forEach(p -> p.done().completeExceptionally(stopped));
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                LOG.warn("Closing the transactional producer of ingest failed: {}", e.getMessage());
            }
        }
    }

    private void send(List<Pending> batch) {
        Producer<byte[], byte[]> p = producer();
        try {
            p.beginTransaction();
            for (Pending pending : batch) {
                for (Out out : pending.records()) {
                    p.send(new ProducerRecord<>(out.topic(), out.key(), out.value()));
                }
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = offsets(batch);
            if (!offsets.isEmpty()) {
                ConsumerGroupMetadata metadata = group.get();
                if (metadata == null) {
                    throw new CommitFailedException("the feeds consumer has not joined its group yet");
                }
                p.sendOffsetsToTransaction(offsets, metadata);
            }
            p.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            discard();
            throw fatal;
        } catch (KafkaException e) {
            try {
                p.abortTransaction();
            } catch (KafkaException abortFailed) {
                discard();
            }
            throw e;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(List<Pending> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Pending pending : batch) {
            if (pending.source() != null) {
                offsets.merge(pending.source(), new OffsetAndMetadata(pending.offset()),
                        (a, b) -> a.offset() >= b.offset() ? a : b);
            }
        }
        return offsets;
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(properties);
            producer.initTransactions();
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** Commits what is queued, then closes the producer; waits up to 30 s for that. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
