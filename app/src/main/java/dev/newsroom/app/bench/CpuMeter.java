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
 * the pipeline they belong to (by thread name), the JVM's JIT compiler and garbage collector
 * threads (read from {@code /proc/self/task} on Linux, which the management beans do not show;
 * elsewhere the compilers' and collectors' elapsed times, marked as such), and the Elasticsearch
 * child process with its descendants. A thread that ends
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
    private final VmThreads vmStart;

    /** Starts the window now. */
    CpuMeter(long elasticsearchPid) {
        this.elasticsearchPid = elasticsearchPid;
        for (long id : THREADS.getAllThreadIds()) {
            threadStart.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        this.jitStartMs = jitMillis();
        this.gcStartMs = gcMillis();
        this.vmStart = VmThreads.read();
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
        VmThreads vm = VmThreads.read();
        if (vm != null && vmStart != null) {
            out.put("jit_compilers", (vm.compilerTicks() - vmStart.compilerTicks()) / (double) VmThreads.TICKS_PER_SECOND);
            out.put("gc_threads", (vm.gcTicks() - vmStart.gcTicks()) / (double) VmThreads.TICKS_PER_SECOND);
        } else {
            out.put("jit_compilation_elapsed", (jitMillis() - jitStartMs) / 1e3);
            out.put("gc_pauses_elapsed", (gcMillis() - gcStartMs) / 1e3);
        }
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

    /** CPU clock ticks of this JVM's compiler and garbage-collector threads, from {@code /proc/self/task/}{@code *}{@code /stat}. */
    record VmThreads(long compilerTicks, long gcTicks) {
        /** USER_HZ: 100 on every Linux architecture Java runs on. */
        static final int TICKS_PER_SECOND = 100;

        /** The current ticks, or null where {@code /proc} is not there to read. */
        static VmThreads read() {
            java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
            if (!java.nio.file.Files.isDirectory(tasks)) {
                return null;
            }
            long compiler = 0;
            long gc = 0;
            try (var dirs = java.nio.file.Files.list(tasks)) {
                for (java.nio.file.Path task : dirs.toList()) {
                    String stat;
                    try {
                        stat = java.nio.file.Files.readString(task.resolve("stat"));
                    } catch (java.io.IOException e) {
                        continue; // the thread ended
                    }
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    if (name.contains("CompilerThre")) {
                        compiler += ticks;
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc += ticks;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
            return new VmThreads(compiler, gc);
        }
    }
}
