package dev.newsroom.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void shouldGroupThreadsByThePartOfThePipelineTheyRun() {
        assertThat(CpuMeter.group("newsroom-streams-2d536158-StreamThread-1")).isEqualTo("streams");
        assertThat(CpuMeter.group("newsroom-ingest-poll-3")).isEqualTo("ingest");
        assertThat(CpuMeter.group("newsroom-indexer")).isEqualTo("indexer");
        assertThat(CpuMeter.group("data-plane-kafka-request-handler-0")).isEqualTo("kafka");
        assertThat(CpuMeter.group("main")).isEqualTo("other_jvm_threads");
    }

    @Test
    void shouldCountTheCpuThisThreadSpendsInsideTheWindow() {
        CpuMeter meter = new CpuMeter(ProcessHandle.current().pid());
        long x = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            x += i ^ (x >>> 3);
        }
        assertThat(x).isNotZero();

        // This thread is "main" or a worker of the test engine, so it counts as other JVM threads;
        // the "Elasticsearch" process here is this JVM itself.
        assertThat(meter.seconds().get("other_jvm_threads")).isPositive();
        assertThat(meter.seconds().get("elasticsearch")).isPositive();
    }

    @Test
    void shouldReadTheJvmsOwnThreadsFromProc() {
        CpuMeter.VmThreads ticks = CpuMeter.VmThreads.read();

        // A JVM that has run this far has compiled code; on a system without /proc there is nothing to read.
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertThat(ticks).isNotNull();
            assertThat(ticks.compilerTicks()).isPositive();
        } else {
            assertThat(ticks).isNull();
        }
    }
}
