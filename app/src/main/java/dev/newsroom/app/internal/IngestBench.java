package dev.newsroom.app.internal;

import com.sun.net.httpserver.HttpServer;
import dev.newsroom.app.bench.HeapSampler;
import dev.newsroom.embedded.EmbeddedKafka;
import dev.newsroom.ingest.FeedSubscriptions;
import dev.newsroom.ingest.IngestConfig;
import dev.newsroom.ingest.IngestService;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.KafkaConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code newsroom bench ingest}: N feeds (default 2,000, 20 items each) served on loopback by a few
 * JDK HTTP servers, one ingest instance on an embedded Kafka broker in this JVM. Measures the first
 * full sweep (every feed fetched, parsed and its items committed): polls/s, items/s, peak heap.
 */
public final class IngestBench {
    private static final int ITEMS_PER_FEED = 20;
    private static final int SERVERS = 50;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private IngestBench() {}

    /** The figures of one run. */
    public record Result(int feeds, long polls, long items, double seconds, long peakHeapMb, double cpuSeconds) {
        double pollsPerSecond() {
            return polls / seconds;
        }

        /** CPU time of this whole JVM (ingest, broker, feed servers) per poll: a figure that other load on the machine does not inflate. */
        double cpuMillisPerPoll() {
            return polls == 0 ? 0 : cpuSeconds * 1000 / polls;
        }

        double itemsPerSecond() {
            return items / seconds;
        }
    }

    /** Runs the benchmark and prints its figures (one JSON object with {@code json}). */
    public static int run(int feeds, boolean json, PrintWriter out) throws Exception {
        Result result = measure(feeds);
        if (json) {
            out.printf(Locale.ROOT, "{\"bench\":\"ingest\",\"feeds\":%d,\"articles\":%d,\"polls\":%d,\"seconds\":%.2f,"
                            + "\"polls_per_s\":%.1f,\"throughput_per_s\":%.1f,\"peak_heap_mb\":%d,\"cpu_s\":%.2f,\"cpu_ms_per_poll\":%.2f,"
                            + "\"load_average\":%.1f}%n",
                    result.feeds(), result.items(), result.polls(), result.seconds(), result.pollsPerSecond(), result.itemsPerSecond(),
                    result.peakHeapMb(), result.cpuSeconds(), result.cpuMillisPerPoll(), loadAverage());
        } else {
            out.printf(Locale.ROOT, "ingest: %d feeds, %d polls and %d articles in %.1f s: %.1f polls/s, %.1f articles/s, peak heap %d MiB;"
                            + " %.2f ms of CPU per poll (load average %.1f)%n",
                    result.feeds(), result.polls(), result.items(), result.seconds(), result.pollsPerSecond(), result.itemsPerSecond(),
                    result.peakHeapMb(), result.cpuMillisPerPoll(), loadAverage());
        }
        out.flush();
        return 0;
    }

    static Result measure(int feedCount) throws Exception {
        Path dir = Files.createTempDirectory("newsroom-bench-ingest-");
        List<HttpServer> servers = new ArrayList<>();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        try (HeapSampler heap = new HeapSampler(); EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            NewsTopics topics = NewsTopics.defaults();
            KafkaConnection connection = new KafkaConnection(kafka.bootstrapServers(), java.util.Map.of());
            TopicProvisioner.ensure(connection, topics, 6, Optional.empty(), Duration.ofSeconds(60));
            List<FeedSubscription> feeds = new ArrayList<>();
            for (int s = 0; s < SERVERS; s++) {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.setExecutor(Executors.newFixedThreadPool(2));
                server.createContext("/", exchange -> {
                    try (exchange) {
                        byte[] body = rss(exchange.getRequestURI().getPath());
                        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream o = exchange.getResponseBody()) {
                            o.write(body);
                        }
                    }
                });
                server.start();
                servers.add(server);
            }
            for (int f = 0; f < feedCount; f++) {
                HttpServer server = servers.get(f % SERVERS);
                feeds.add(FeedSubscription.of("http://127.0.0.1:" + server.getAddress().getPort() + "/feed-" + f + ".xml",
                        "Bench " + f, Clock.systemUTC().instant()));
            }
            IngestConfig config = new IngestConfig(Duration.ofHours(24), Duration.ofSeconds(20), 1L << 20, 32, true, "newsroom-bench-ingest",
                    Duration.ZERO, List.of());
            IngestService service = new IngestService(config, connection, topics, new SimpleMeterRegistry(), Clock.systemUTC());
            CountDownLatch swept = new CountDownLatch(1);
            sampler.scheduleAtFixedRate(() -> {
                if (service.snapshot().feedsPolled() >= feedCount) {
                    swept.countDown();
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            Thread runner = new Thread(service::run, "bench-ingest");
            runner.start();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            FeedSubscriptions.publish(connection, topics, feeds);
            swept.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            IngestService.Snapshot snapshot = service.snapshot();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            service.close();
            runner.join(30_000);
            return new Result(feedCount, snapshot.feedsPolled(), snapshot.articlesPublished(), seconds, heap.peakMegabytes(), cpuSeconds);
        } finally {
            sampler.shutdownNow();
            servers.forEach(server -> server.stop(0));
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static byte[] rss(String path) {
        StringBuilder xml = new StringBuilder(8192).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
                .append(path).append("</title><link>https://bench.example.com").append(path).append("</link><description>bench</description>\n");
        for (int i = 0; i < ITEMS_PER_FEED; i++) {
            xml.append("<item><title>Item ").append(i).append(" of ").append(path).append("</title><link>https://bench.example.com")
                    .append(path).append("/item-").append(i).append("</link><pubDate>Tue, 24 Nov 2026 07:00:00 GMT</pubDate>")
                    .append("<description>&lt;p&gt;Some text of item ").append(i).append(" with a few words, as a summary has.&lt;/p&gt;</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
