package dev.newsroom.indexer.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The indexer's counters, readable both through Micrometer ({@code newsroom.indexer.*}) and as
 * plain numbers for a progress line.
 */
public final class IndexerMetrics {
    private final LongAdder indexed = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder superseded = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Timer bulkTimer;

    public IndexerMetrics(MeterRegistry registry) {
        counter(registry, "newsroom.indexer.documents.indexed", indexed, "Documents Elasticsearch acknowledged.");
        counter(registry, "newsroom.indexer.documents.stale", stale,
                "Story writes skipped because the index held the same or a newer revision.");
        counter(registry, "newsroom.indexer.documents.superseded", superseded,
                "Writes skipped because a later record of the same poll held a newer state of the document.");
        counter(registry, "newsroom.indexer.dead.letters", deadLettered, "Records sent to the dead-letter topic.");
        counter(registry, "newsroom.indexer.retries", retries, "Rounds of writing again what Elasticsearch could not take.");
        bulkTimer = Timer.builder("newsroom.indexer.bulk").description("Duration of one _bulk request.").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, LongAdder adder, String description) {
        FunctionCounter.builder(name, adder, LongAdder::doubleValue).description(description).register(registry);
    }

    void indexed(int n) {
        indexed.add(n);
    }

    void stale(int n) {
        stale.add(n);
    }

    void superseded(int n) {
        superseded.add(n);
    }

    void deadLettered(int n) {
        deadLettered.add(n);
    }

    void retry() {
        retries.increment();
    }

    void bulk(Duration took) {
        bulkTimer.record(took);
    }

    public long indexed() {
        return indexed.sum();
    }

    public long stale() {
        return stale.sum();
    }

    public long superseded() {
        return superseded.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }

    public long retries() {
        return retries.sum();
    }
}
