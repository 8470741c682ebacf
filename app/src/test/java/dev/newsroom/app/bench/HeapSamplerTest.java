package dev.newsroom.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapSamplerTest {
    private static final int MIB = 1 << 20;

    @Test
    void readsTheHeldHeapAndNeverMoreThanTheMaximum() {
        try (HeapSampler heap = new HeapSampler()) {
            byte[] held = new byte[128 * MIB];
            held[held.length - 1] = 1;
            for (int i = 0; i < 20; i++) {
                // young garbage that fills eden while the old generation holds the array
                byte[][] garbage = new byte[64][];
                for (int j = 0; j < garbage.length; j++) {
                    garbage[j] = new byte[MIB];
                }
            }
            System.gc();
            assertThat(heap.peakMegabytes()).isGreaterThanOrEqualTo(128)
                    .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / MIB);
            assertThat(held[held.length - 1]).isEqualTo((byte) 1);
        }
    }

    @Test
    void catchesWhatACollectionFreesBeforeTheNextSample() {
        try (HeapSampler heap = new HeapSampler()) {
            heap.reset();
            long before = heap.peakMegabytes();
            byte[] dropped = new byte[256 * MIB];
            dropped[0] = 1;
            dropped = null;
            System.gc();
            await().atMost(Duration.ofSeconds(10)).until(() -> heap.peakMegabytes() >= before + 200);
        }
    }

    @Test
    void countsOnlyHeapPoolsOfOneSnapshot() {
        try (HeapSampler heap = new HeapSampler()) {
            String heapPool = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName).findFirst().orElseThrow();
            String otherPool = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.NON_HEAP)
                    .map(MemoryPoolMXBean::getName).findFirst().orElseThrow();
            Map<String, MemoryUsage> snapshot = Map.of(
                    heapPool, new MemoryUsage(0, 300L * MIB, 400L * MIB, -1),
                    otherPool, new MemoryUsage(0, 50L * MIB, 60L * MIB, -1));
            assertThat(heap.heapUsed(snapshot)).isEqualTo(300L * MIB);
        }
    }
}
