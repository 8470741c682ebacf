package dev.newsroom.indexer.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import dev.newsroom.indexer.internal.DeadLetterSink.Letter;
import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.serde.MalformedRecordException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records to Elasticsearch through the official client's {@link BulkIngester}, which
 * batches across polls (flushing by count, bytes and time) and keeps a bounded number of bulk
 * requests in flight.
 *
 * <p>The poll thread {@link #submit submits} records: each is tracked in the {@link OffsetTracker}
 * and added to the ingester with itself as context. The {@link Listener} runs on the client's
 * threads and stays fast: it classifies each item, marks what Elasticsearch acknowledged (indexed,
 * or a stale external version) done in the tracker, and queues the rest. The poll thread then
 * {@link #service services} those queues: documents refused for good go to the dead-letter topic
 * (done once the topic acknowledged them); a request refused as a whole (400, 413) is written
 * again synchronously in halves by {@link ElasticsearchBulkSink}; everything else (429, 5xx, an
 * unreachable cluster) waits for a pause that doubles with jitter up to the maximum backoff, while
 * the consumer is paused, and is then added again. Nothing is dropped, and nothing not done is
 * ever committed.
 */
public final class DocumentWriter implements AutoCloseable {
    static final String STAGE = "indexer";
    private static final Logger log = LoggerFactory.getLogger(DocumentWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    /** One record and the operation written for it: the context of an ingester operation. */
    record Work(SourceRecord source, IndexAction action) {}

    private record Failed(SourceRecord source, Letter letter) {}

    /**
     * How the ingester batches.
     *
     * @param maxOperations      most operations per bulk request
     * @param maxBytes           most bytes of operations per bulk request
     * @param concurrentRequests most bulk requests in flight at once
     * @param flushInterval      longest an operation waits for its request to fill
     * @param maxBackoff         longest pause before writing again what Elasticsearch could not take
     */
    public record Settings(int maxOperations, long maxBytes, int concurrentRequests, Duration flushInterval, Duration maxBackoff) {}

    private final RecordRouter router;
    private final BulkSink splitter;
    private final DeadLetterSink deadLetters;
    private final OffsetTracker tracker;
    private final IndexerMetrics metrics;
    private final Clock clock;
    private final Duration maxBackoff;
    private final BulkIngester<Work> ingester;
    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsroom-bulk-completions");
        t.setDaemon(true);
        return t;
    });

    // Filled by the listener on the client's threads, drained by the poll thread.
    private final Queue<Work> retryQueue = new ConcurrentLinkedQueue<>();
    private final Queue<List<Work>> splitQueue = new ConcurrentLinkedQueue<>();
    private final Queue<Failed> rejectedQueue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> lastProblem = new AtomicReference<>();
    private final AtomicBoolean cleanBulk = new AtomicBoolean();

    // Poll thread only.
    private final List<Work> waiting = new ArrayList<>();
    private final List<Failed> letters = new ArrayList<>();
    private Duration backoff = FIRST_BACKOFF;
    private long retryAtNanos;
    private boolean retryScheduled;

    public DocumentWriter(RecordRouter router, ElasticsearchClient client, DeadLetterSink deadLetters, OffsetTracker tracker,
                          IndexerMetrics metrics, Clock clock, Settings settings) {
        this.router = router;
        this.splitter = new ElasticsearchBulkSink(client);
        this.deadLetters = deadLetters;
        this.tracker = tracker;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBackoff = settings.maxBackoff();
        this.ingester = BulkIngester.of(b -> b
                .client(new CompletionDecoupledClient(client, completions))
                .maxOperations(settings.maxOperations())
                .maxSize(settings.maxBytes())
                .maxConcurrentRequests(settings.concurrentRequests())
                .flushInterval(settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                .listener(new Listener()));
    }

    /**
     * Tracks the records and hands their operations to the ingester; a record that cannot be read
     * is queued for the dead-letter topic, a record with nothing to write is done at once, and so
     * is a write that another record of the batch supersedes ({@link Superseded}). May block while
     * the ingester has its most requests in flight.
     */
    public void submit(List<SourceRecord> batch) {
        List<Work> work = new ArrayList<>(batch.size());
        for (SourceRecord record : batch) {
            tracker.track(record.partition(), record.offset());
            IndexAction action;
            try {
                action = router.route(record);
            } catch (MalformedRecordException e) {
                log.warn("Record {} cannot be read and goes to the dead-letter topic: {}", record.where(), e.getMessage());
                letters.add(new Failed(record, letter(record, e.getMessage(), e.getClass().getName())));
                continue;
            }
            if (action == null) {
                tracker.done(record.partition(), record.offset());
            } else {
                work.add(new Work(record, action));
            }
        }
        Set<Work> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
        superseded.addAll(Superseded.find(work));
        metrics.superseded(superseded.size());
        for (Work w : work) {
            if (superseded.contains(w)) {
                tracker.done(w.source().partition(), w.source().offset());
            } else {
                add(w);
            }
        }
    }

    /**
     * Takes over what the listener reported since the last call: sends dead letters, splits
     * refused requests, and adds again, once their pause is over, the documents Elasticsearch
     * could not take.
     *
     * @param owned whether this consumer still owns a partition; records of a partition it lost
     *              are left to the new owner
     * @return true while documents wait for their next attempt: the consumer should stay paused
     */
    public boolean service(Predicate<TopicPartition> owned) {
        for (List<Work> refused = splitQueue.poll(); refused != null; refused = splitQueue.poll()) {
            writeSplit(refused);
        }
        for (Failed f = rejectedQueue.poll(); f != null; f = rejectedQueue.poll()) {
            letters.add(f);
        }
        for (Work w = retryQueue.poll(); w != null; w = retryQueue.poll()) {
            waiting.add(w);
        }
        waiting.removeIf(w -> !owned.test(w.source().partition()));
        letters.removeIf(f -> !owned.test(f.source().partition()));
        if (waiting.isEmpty() && cleanBulk.getAndSet(false)) {
            backoff = FIRST_BACKOFF;
        }
        if (!letters.isEmpty() && (!retryScheduled || System.nanoTime() >= retryAtNanos)) {
            sendLetters();
        }
        if (waiting.isEmpty() && letters.isEmpty()) {
            retryScheduled = false;
            return false;
        }
        if (!retryScheduled) {
            scheduleRetry();
            return true;
        }
        if (System.nanoTime() < retryAtNanos) {
            return true;
        }
        retryScheduled = false;
        if (!waiting.isEmpty()) {
            List<Work> again = new ArrayList<>(waiting);
            waiting.clear();
            again.forEach(this::add);
            ingester.flush();
        }
        return !letters.isEmpty();
    }

    /** Sends what the ingester holds now, without waiting for a full request. */
    public void flush() {
        ingester.flush();
    }

    /** Flushes the ingester and waits for the requests in flight; their outcomes reach the tracker. */
    @Override
    public void close() {
        ingester.close();
        completions.shutdown();
    }

    private void add(Work work) {
        ingester.add(ElasticsearchBulkSink.operation(work.action()), work);
    }

    private void scheduleRetry() {
        metrics.retry();
        Duration pause = withJitter(backoff);
        retryAtNanos = System.nanoTime() + pause.toNanos();
        retryScheduled = true;
        SourceRecord first = waiting.isEmpty() ? letters.get(0).source() : waiting.get(0).source();
        log.warn("{} from {} onwards not finished ({}); trying again in {} ms, their offsets stay uncommitted.",
                records(waiting.size() + letters.size()), first.where(), summary(lastProblem.get()), pause.toMillis());
        backoff = Backoff.next(backoff, maxBackoff);
    }

    /** The first line of a problem, at most 200 characters: Elasticsearch's error bodies run to pages. */
    static String summary(String problem) {
        if (problem == null) {
            return "no reason given";
        }
        String line = problem.strip().lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** Between half and all of {@code pause}, so that indexers that failed together do not retry together. */
    static Duration withJitter(Duration pause) {
        long millis = Math.max(1, pause.toMillis());
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis - millis / 2 + 1));
    }

    private void sendLetters() {
        try {
            deadLetters.send(letters.stream().map(Failed::letter).toList());
            letters.forEach(f -> tracker.done(f.source().partition(), f.source().offset()));
            metrics.deadLettered(letters.size());
            letters.clear();
        } catch (IOException e) {
            lastProblem.set(e.getMessage());
        }
    }

    /** Writes the documents of a request refused as a whole, in halves, on the poll thread. */
    private void writeSplit(List<Work> refused) {
        long start = System.nanoTime();
        List<ItemOutcome> outcomes;
        try {
            outcomes = splitter.write(refused.stream().map(Work::action).toList());
        } catch (IOException e) {
            lastProblem.set(e.getMessage());
            waiting.addAll(refused);
            return;
        } finally {
            metrics.bulk(Duration.ofNanos(System.nanoTime() - start));
        }
        for (int i = 0; i < refused.size(); i++) {
            record(refused.get(i), outcomes.get(i));
        }
    }

    /** Applies one item's outcome; called by the listener and by {@link #writeSplit}. */
    private void record(Work work, ItemOutcome outcome) {
        SourceRecord source = work.source();
        if (outcome instanceof ItemOutcome.Indexed) {
            tracker.done(source.partition(), source.offset());
            metrics.indexed(1);
        } else if (outcome instanceof ItemOutcome.Stale) {
            tracker.done(source.partition(), source.offset());
            metrics.stale(1);
        } else if (outcome instanceof ItemOutcome.Rejected r) {
            String reason = "Elasticsearch rejected document " + work.action().id() + " for index "
                    + work.action().index() + ": " + r.reason();
            log.warn("Record {} goes to the dead-letter topic: {}", source.where(), reason);
            rejectedQueue.add(new Failed(source, letter(source, reason, r.errorType())));
        } else if (outcome instanceof ItemOutcome.Retry r) {
            lastProblem.set("index " + work.action().index() + ": " + r.reason());
            retryQueue.add(work);
        }
    }

    private static String records(int n) {
        return n == 1 ? "1 record" : n + " records";
    }

    private Letter letter(SourceRecord source, String reason, String errorType) {
        DeadLetter letter = new DeadLetter(STAGE, source.topic(), source.partition().partition(), source.offset(),
                source.value(), reason, errorType, clock.instant());
        return new Letter(source.key(), letter);
    }

    /** Runs on the client's threads: classifies and hands over, nothing slow. */
    private final class Listener implements BulkListener<Work> {
        private final Map<Long, Long> started = new ConcurrentHashMap<>();

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Work> contexts) {
            started.put(executionId, System.nanoTime());
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Work> contexts, BulkResponse response) {
            timed(executionId);
            List<IndexAction> actions = contexts.stream().map(Work::action).toList();
            if (response.items().size() != contexts.size()) {
                lastProblem.set("Elasticsearch answered " + response.items().size() + " items to a bulk request of " + contexts.size());
                retryQueue.addAll(contexts);
                return;
            }
            List<ItemOutcome> outcomes = ElasticsearchBulkSink.outcomes(actions, response.items());
            boolean clean = true;
            for (int i = 0; i < contexts.size(); i++) {
                record(contexts.get(i), outcomes.get(i));
                clean &= !(outcomes.get(i) instanceof ItemOutcome.Retry);
            }
            if (clean) {
                cleanBulk.set(true);
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Work> contexts, Throwable failure) {
            timed(executionId);
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            int status = ElasticsearchBulkSink.httpStatus(cause);
            if (status == 400 || status == 413) {
                splitQueue.add(List.copyOf(contexts));
            } else {
                lastProblem.set(cause.getClass().getSimpleName() + ": " + cause.getMessage());
                retryQueue.addAll(contexts);
            }
        }

        private void timed(long executionId) {
            Long start = started.remove(executionId);
            if (start != null) {
                metrics.bulk(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }
}
