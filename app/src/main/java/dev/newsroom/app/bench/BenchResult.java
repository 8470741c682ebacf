package dev.newsroom.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsroom.model.serde.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a benchmark run measured; {@link #toJson()} is the contract of {@code bench --json}.
 *
 * @param kind              e2e, ingest, dedup or index
 * @param articles          items that went through
 * @param seconds           wall time from the first poll to the last item searchable
 * @param throughputPerS    articles per second over that time
 * @param baselineBulkPerS  raw {@code _bulk} rate of the same final documents on the same cluster
 * @param settleSeconds     how long after the last article was searchable the cluster went on indexing (story
 *                          records still in flight) before the baseline started; -1 if it had not stopped after
 *                          10 minutes, 0 where it does not apply
 * @param p50Ms             latency from first poll to searchable, median, of a sample of items
 * @param p95Ms             95th percentile of that latency
 * @param p99Ms             99th percentile
 * @param peakHeapMb        highest heap used by this JVM (broker and services) during the run
 * @param cpuSeconds        CPU seconds spent by each part of the pipeline over the measured time (empty if not measured)
 */
public record BenchResult(String kind, int articles, double seconds, double throughputPerS, double baselineBulkPerS,
                          double settleSeconds, long p50Ms, long p95Ms, long p99Ms, long peakHeapMb, Map<String, Double> cpuSeconds) {
    public BenchResult {
        cpuSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cpuSeconds));
    }

    public double ratio() {
        return baselineBulkPerS > 0 ? throughputPerS / baselineBulkPerS : 0;
    }

    public String toJson() throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put("articles", articles);
        json.put("seconds", round(seconds));
        json.put("throughput_per_s", round(throughputPerS));
        json.put("baseline_bulk_per_s", round(baselineBulkPerS));
        json.put("ratio", Math.round(ratio() * 1000) / 1000.0);
        json.put("settle_s", round(settleSeconds));
        Map<String, Long> latency = new LinkedHashMap<>();
        latency.put("p50", p50Ms);
        latency.put("p95", p95Ms);
        latency.put("p99", p99Ms);
        json.put("latency_ms", latency);
        json.put("peak_heap_mb", peakHeapMb);
        if (!cpuSeconds.isEmpty()) {
            json.put("cpu_s", cpuSeconds);
        }
        return Json.mapper().writeValueAsString(json);
    }

    public String toTable() {
        return String.format("""
                bench %s
                  articles               %d
                  wall time              %.1f s (first poll to last searchable)
                  throughput             %.0f articles/s
                  raw _bulk baseline     %.0f docs/s (same documents, same cluster, same run)
                  ratio                  %.2f
                  settled after          %.1f s (indexing after the last article was searchable, before the baseline)
                  latency to searchable  p50 %d ms, p95 %d ms, p99 %d ms
                  peak heap              %d MiB
                """, kind, articles, seconds, throughputPerS, baselineBulkPerS, ratio(), settleSeconds, p50Ms, p95Ms, p99Ms, peakHeapMb)
                + (cpuSeconds.isEmpty() ? "" : String.format("  CPU seconds            %s%n", cpuSeconds));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
