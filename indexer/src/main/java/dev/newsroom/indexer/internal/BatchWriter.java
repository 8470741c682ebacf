package dev.newsroom.indexer.internal;

import dev.newsroom.indexer.internal.DeadLetterSink.Letter;
import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.serde.MalformedRecordException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one poll's records: decodes them, sends the documents in one bulk request, sends what
 * can never be indexed to the dead-letter topic, and tries again, with a growing pause, what
 * Elasticsearch could not take yet. Every record it finishes is marked done in the
 * {@link OffsetTracker}; nothing else is. It returns when every record is done, or early when the
 * indexer is closing, leaving the rest undone (and so uncommitted).
 */
public final class BatchWriter {
    static final String STAGE = "indexer";
    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final RecordRouter router;
    private final BulkSink bulk;
    private final DeadLetterSink deadLetters;
    private final OffsetTracker tracker;
    private final IndexerMetrics metrics;
    private final Clock clock;
    private final Duration maxBackoff;

    public BatchWriter(RecordRouter router, BulkSink bulk, DeadLetterSink deadLetters, OffsetTracker tracker,
                       IndexerMetrics metrics, Clock clock, Duration maxBackoff) {
        this.router = router;
        this.bulk = bulk;
        this.deadLetters = deadLetters;
        this.tracker = tracker;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBackoff = maxBackoff;
    }

    private record Work(SourceRecord source, IndexAction action) {}

    private record Failed(SourceRecord source, Letter letter) {}

    /**
     * Writes the batch until every record is done or {@code pauser} says to stop.
     *
     * @param owned  whether this consumer still owns a partition; records of a partition it lost
     *               are dropped from the retries, for the new owner reads them again
     * @param pauser waits between attempts
     */
    public void write(List<SourceRecord> batch, Predicate<TopicPartition> owned, Pauser pauser) {
        List<Work> open = new ArrayList<>(batch.size());
        List<Failed> failed = new ArrayList<>();
        for (SourceRecord record : batch) {
            tracker.track(record.partition(), record.offset());
            try {
                IndexAction action = router.route(record.topic(), record.value());
                if (action == null) {
                    tracker.done(record.partition(), record.offset());
                } else {
                    open.add(new Work(record, action));
                }
            } catch (MalformedRecordException e) {
                log.warn("Record {} cannot be read and goes to the dead-letter topic: {}", record.where(), e.getMessage());
                failed.add(new Failed(record, letter(record, e)));
            }
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            String problem = null;
            if (!open.isEmpty()) {
                List<Work> retry = new ArrayList<>();
                problem = index(open, retry, failed);
                open = retry;
            }
            if (!failed.isEmpty()) {
                try {
                    deadLetters.send(failed.stream().map(Failed::letter).toList());
                    failed.forEach(f -> tracker.done(f.source().partition(), f.source().offset()));
                    metrics.deadLettered(failed.size());
                    failed.clear();
                } catch (IOException e) {
                    problem = problem == null ? e.getMessage() : problem;
                }
            }
            if (open.isEmpty() && failed.isEmpty()) {
                return;
            }
            metrics.retry();
            SourceRecord first = open.isEmpty() ? failed.get(0).source() : open.get(0).source();
            log.warn("{} from {} onwards not finished ({}); trying again in {} ms, their offsets stay uncommitted.",
                    records(open.size() + failed.size()), first.where(), problem, backoff.toMillis());
            if (!pauser.pause(backoff)) {
                log.info("The indexer is closing; {} from {} onwards will be read again on restart.",
                        records(open.size() + failed.size()), first.where());
                return;
            }
            open.removeIf(w -> !owned.test(w.source().partition()));
            failed.removeIf(f -> !owned.test(f.source().partition()));
            backoff = Backoff.next(backoff, maxBackoff);
        }
    }

    /** Sends one bulk request; returns why some are to be retried (null if none). */
    private String index(List<Work> open, List<Work> retry, List<Failed> failed) {
        long start = System.nanoTime();
        List<ItemOutcome> outcomes;
        try {
            outcomes = bulk.write(open.stream().map(Work::action).toList());
        } catch (IOException e) {
            retry.addAll(open);
            return e.getMessage();
        } finally {
            metrics.bulk(Duration.ofNanos(System.nanoTime() - start));
        }
        String problem = null;
        int indexed = 0;
        int stale = 0;
        for (int i = 0; i < open.size(); i++) {
            Work work = open.get(i);
            SourceRecord source = work.source();
            ItemOutcome outcome = outcomes.get(i);
            if (outcome instanceof ItemOutcome.Indexed) {
                tracker.done(source.partition(), source.offset());
                indexed++;
            } else if (outcome instanceof ItemOutcome.Stale) {
                tracker.done(source.partition(), source.offset());
                stale++;
            } else if (outcome instanceof ItemOutcome.Rejected r) {
                String reason = "Elasticsearch rejected document " + work.action().id() + " for index "
                        + work.action().index() + ": " + r.reason();
                log.warn("Record {} goes to the dead-letter topic: {}", source.where(), reason);
                failed.add(new Failed(source, letter(source, reason, r.errorType())));
            } else if (outcome instanceof ItemOutcome.Retry r) {
                retry.add(work);
                problem = problem == null ? "index " + work.action().index() + ": " + r.reason() : problem;
            }
        }
        metrics.indexed(indexed);
        metrics.stale(stale);
        return problem;
    }

    private static String records(int n) {
        return n == 1 ? "1 record" : n + " records";
    }

    private Letter letter(SourceRecord source, Throwable error) {
        return new Letter(source.key(), DeadLetter.of(STAGE, source.topic(), source.partition().partition(), source.offset(),
                source.value(), error, clock.instant()));
    }

    private Letter letter(SourceRecord source, String reason, String errorType) {
        DeadLetter letter = new DeadLetter(STAGE, source.topic(), source.partition().partition(), source.offset(),
                source.value(), reason, errorType, clock.instant());
        return new Letter(source.key(), letter);
    }
}
