package dev.newsroom.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CPU time of a benchmark window goes: the threads of this JVM grouped by the part of
 * the pipeline they belong to (by thread name), the JIT compilers and garbage collector (as the
 * JVM reports them), and the Elasticsearch child process with its descendants. A thread that ends
 * inside the window is not counted, nor anything a thread spent before the window began.
 */
final class CpuMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Parts of the pipeline and the thread-name fragments that identify them, first match wins. */
    private static final List<Map.Entry<String, List<String>>> GROUPS = List.of(
            Map.entry("streams", List.of("StreamThread")),
            Map.entry("ingest", List.of("newsroom-ingest", "newsroom-fetch", "HttpClient")),
            Map.entry("indexer", List.of("newsroom-indexer", "newsroom-bulk", "I/O dispatcher", "elasticsearch-rest")),
            Map.entry("kafka", List.of("data-plane", "kafka", "broker-", "controller", "quorum", "raft", "group-coordinator",
                    "TxnMarker", "AddPartitions", "transaction", "share-", "ExpirationReaper", "LogDirFailure")));

    private final long elasticsearchPid;
    private final Map<Long, Long> threadStart = new java.util.HashMap<>();
    private final long jitStartMs;
    private final long gcStartMs;
    private final Duration elasticsearchStart;

    /** Starts the window now. */
    CpuMeter(long elasticsearchPid) {
        this.elasticsearchPid = elasticsearchPid;
        for (long id : THREADS.getAllThreadIds()) {
            threadStart.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        this.jitStartMs = jitMillis();
        this.gcStartMs = gcMillis();
        this.elasticsearchStart = elasticsearchCpu();
    }

    /** CPU seconds per part since the window began, rounded to 0.1 s. */
    Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        GROUPS.forEach(g -> out.put(g.getKey(), 0.0));
        out.put("other_jvm_threads", 0.0);
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            long used = now - threadStart.getOrDefault(info.getThreadId(), 0L);
            out.merge(group(info.getThreadName()), used / 1e9, Double::sum);
        }
        out.put("jit_compilation", (jitMillis() - jitStartMs) / 1e3);
        out.put("gc_pauses", (gcMillis() - gcStartMs) / 1e3);
        out.put("elasticsearch", (elasticsearchCpu().minus(elasticsearchStart)).toMillis() / 1e3);
        out.replaceAll((k, v) -> Math.round(v * 10) / 10.0);
        return out;
    }

    static String group(String threadName) {
        for (Map.Entry<String, List<String>> g : GROUPS) {
            for (String fragment : g.getValue()) {
                if (threadName.contains(fragment)) {
                    return g.getKey();
                }
            }
        }
        return "other_jvm_threads";
    }

    private static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported() ? compilation.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** CPU time of the Elasticsearch process and its descendants (the launcher starts the server as its child). */
    private Duration elasticsearchCpu() {
        Optional<ProcessHandle> process = ProcessHandle.of(elasticsearchPid);
        if (process.isEmpty()) {
            return Duration.ZERO;
        }
        Duration total = process.get().info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle child : process.get().descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }
}
