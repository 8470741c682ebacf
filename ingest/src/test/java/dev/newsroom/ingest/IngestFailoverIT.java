package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.ingest.support.FeedServer;
import dev.newsroom.ingest.support.IngestMain;
import dev.newsroom.ingest.support.TopicRecorder;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.config.KafkaConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingest instances in one consumer group on the real broker; one is a separate JVM that is
 * SIGKILLed while its feeds keep growing. The survivor takes its feeds over from their stored
 * state: every item ends up on the raw topic exactly once (committed records).
 */
@ExtendWith(NewsroomClusterExtension.class)
class IngestFailoverIT {
    private static final int FEEDS = 6;
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;
    private final AtomicIntegerArray items = new AtomicIntegerArray(FEEDS);
    private FeedServer server;
    private Process killed;
    private IngestService survivor;
    private Thread survivorRunner;

    @AfterEach
    void stop() throws Exception {
        if (killed != null) {
            killed.destroyForcibly();
        }
        if (survivor != null) {
            survivor.close();
            survivorRunner.join(Duration.ofSeconds(30).toMillis());
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldNeitherLoseNorRepublishAnItemWhenAnInstanceIsKilled(TestCluster cluster) throws Exception {
        String prefix = cluster.uniquePrefix();
        NewsTopics topics = NewsTopics.withPrefix(prefix);
        cluster.createTopics(3, topics.feeds().name(), topics.feedState().name(), topics.raw().name(), topics.feedStatus().name(),
                topics.dlq().name());
        KafkaConnection kafka = new KafkaConnection(cluster.bootstrapServers(), IngestMain.IngestFailoverSettings.CLIENT_PROPERTIES);
        server = new FeedServer();
        List<FeedSubscription> feeds = new ArrayList<>();
        int[] perPartition = new int[3];
        for (int path = 0; feeds.size() < FEEDS; path++) {
            // Two feeds on each partition, so that each of the two instances owns some.
            String url = server.uri("/feed-" + path + ".xml").toString();
            int partition = IngestService.partitionOf(dev.newsroom.model.Ids.feed(url), 3);
            if (perPartition[partition] == 2) {
                continue;
            }
            perPartition[partition]++;
            int feed = feeds.size();
            items.set(feed, 3);
            server.route("/feed-" + path + ".xml", exchange -> FeedServer.respond(exchange, 200,
                    Map.of("Content-Type", "application/rss+xml"), rss(feed, items.get(feed))));
            feeds.add(FeedSubscription.of(url, "Feed " + feed, Instant.now()));
        }
        String group = prefix + "ingest";
        killed = startInstanceInItsOwnJvm(cluster.bootstrapServers(), prefix, group);
        survivor = new IngestService(new IngestConfig(IngestMain.IngestFailoverSettings.INTERVAL, Duration.ofSeconds(5), 1L << 20, 4,
                true, group), kafka, topics, new SimpleMeterRegistry(), Clock.systemUTC());
        survivorRunner = new Thread(survivor::run, "ingest-survivor");
        survivorRunner.start();
        FeedSubscriptions.publish(kafka, topics, feeds);

        try (TopicRecorder<String, RawArticle> raw = new TopicRecorder<>(kafka.bootstrapServers(), topics.raw());
             TopicRecorder<String, FeedStatus> statuses = new TopicRecorder<>(kafka.bootstrapServers(), topics.feedStatus())) {
            await("both instances polling their share").atMost(WAIT).until(() -> ids(raw).size() == FEEDS * 3
                    && survivor.snapshot().feedsAssigned() > 0 && survivor.snapshot().feedsAssigned() < FEEDS);
            Set<String> polled = statuses.values().stream().map(FeedStatus::feedId).collect(Collectors.toSet());
            assertThat(polled).hasSize(FEEDS);

            grow(5);
            await("the grown feeds polled").atMost(WAIT).until(() -> ids(raw).size() == FEEDS * 5);
            grow(8);
            killed.destroyForcibly().waitFor();

            await("the survivor to take every feed and every item").atMost(WAIT)
                    .until(() -> survivor.snapshot().feedsAssigned() == FEEDS && ids(raw).size() == FEEDS * 8);
            long pollsSoFar = survivor.snapshot().feedsPolled();
            await("another round of polls of every feed").atMost(WAIT).until(() -> survivor.snapshot().feedsPolled() >= pollsSoFar + FEEDS);

            assertThat(ids(raw)).isEqualTo(IntStream.range(0, FEEDS).boxed()
                    .flatMap(feed -> IntStream.rangeClosed(1, 8).mapToObj(item -> itemUrl(feed, item)))
                    .map(url -> dev.newsroom.model.Ids.article(url)).collect(Collectors.toSet()));
            assertThat(raw.values()).as("every item published once").hasSize(FEEDS * 8);
        }
    }

    private void grow(int count) {
        for (int feed = 0; feed < FEEDS; feed++) {
            items.set(feed, count);
        }
    }

    private static Set<String> ids(TopicRecorder<String, RawArticle> raw) {
        return raw.values().stream().map(RawArticle::id).collect(Collectors.toSet());
    }

    private Process startInstanceInItsOwnJvm(String bootstrap, String prefix, String group) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createFile(dir.resolve("killed-instance.log"));
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), IngestMain.class.getName(),
                bootstrap, prefix, group).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String itemUrl(int feed, int item) {
        return "https://example.org/feed-" + feed + "/item-" + item;
    }

    private static byte[] rss(int feed, int count) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Feed " + feed + "</title><link>https://example.org/</link><description>growing</description>\n");
        for (int item = count; item >= 1; item--) {
            xml.append("<item><title>Item ").append(item).append(" of feed ").append(feed).append("</title><link>")
                    .append(itemUrl(feed, item)).append("</link><description>Text ").append(item)
                    .append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
