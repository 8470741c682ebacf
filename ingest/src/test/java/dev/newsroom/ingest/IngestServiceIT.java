package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.ingest.support.FeedServer;
import dev.newsroom.ingest.support.Fixtures;
import dev.newsroom.ingest.support.MutableClock;
import dev.newsroom.ingest.support.TopicRecorder;
import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.PollOutcome;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.config.KafkaConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(NewsroomClusterExtension.class)
class IngestServiceIT {
    private static final Instant T0 = Instant.parse("2024-05-14T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(T0);
    private FeedServer server;
    private NewsTopics topics;
    private KafkaConnection kafka;
    private IngestService service;
    private Thread runner;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        String prefix = cluster.uniquePrefix();
        topics = NewsTopics.withPrefix(prefix);
        cluster.createTopics(2, topics.feeds().name(), topics.feedState().name(), topics.raw().name(), topics.feedStatus().name(),
                topics.dlq().name());
        kafka = new KafkaConnection(cluster.bootstrapServers(), Map.of());
        server = new FeedServer().serve("/rss.xml", 200, Map.of("Content-Type", "application/rss+xml"), Fixtures.bytes("feeds/rss-2.0.xml"));
        IngestConfig config = new IngestConfig(INTERVAL, Duration.ofSeconds(5), 1L << 20, 4, true, prefix + "ingest");
        service = new IngestService(config, kafka, topics, new SimpleMeterRegistry(), clock);
        runner = new Thread(service::run, "ingest-under-test");
        runner.start();
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        runner.join(Duration.ofSeconds(30).toMillis());
        server.close();
    }

    @Test
    void shouldPublishEachNewItemOnceAndAStatusPerPoll() throws Exception {
        FeedSubscription feed = FeedSubscription.of(server.uri("/rss.xml").toString(), "Example Gazette", T0);
        FeedSubscriptions.publish(kafka, topics, List.of(feed));

        try (TopicRecorder<String, RawArticle> raw = new TopicRecorder<>(kafka.bootstrapServers(), topics.raw());
             TopicRecorder<String, FeedStatus> statuses = new TopicRecorder<>(kafka.bootstrapServers(), topics.feedStatus());
             TopicRecorder<byte[], DeadLetter> dlq = new TopicRecorder<>(kafka.bootstrapServers(), topics.dlq())) {

            await("the first poll's status").atMost(WAIT).until(() -> statuses.values().size() == 1);
            FeedStatus first = statuses.values().get(0);
            assertThat(first.outcome()).isEqualTo(PollOutcome.OK);
            assertThat(first.feedId()).isEqualTo(feed.id());
            assertThat(first.polledAt()).isEqualTo(T0);
            assertThat(first.httpStatus()).isEqualTo(200);
            assertThat(first.itemsNew()).isEqualTo(3);
            assertThat(first.itemsSeen()).isZero();
            assertThat(first.bytes()).isEqualTo(Fixtures.bytes("feeds/rss-2.0.xml").length);
            assertThat(first.errorClass()).isEmpty();
            await("three raw articles").atMost(WAIT).until(() -> raw.values().size() == 3);
            assertThat(raw.values()).extracting(RawArticle::feedId).containsOnly(feed.id());
            await("two dead letters for the items without a usable link").atMost(WAIT).until(() -> dlq.values().size() == 2);
            assertThat(dlq.values()).extracting(DeadLetter::stage).containsOnly("ingest");

            clock.advance(INTERVAL);

            await("the second poll's status").atMost(WAIT).until(() -> statuses.values().size() == 2);
            FeedStatus second = statuses.values().get(1);
            assertThat(second.outcome()).as("the same body again, though the server sends no validators").isEqualTo(PollOutcome.NOT_MODIFIED);
            assertThat(second.polledAt()).isEqualTo(T0.plus(INTERVAL));
            assertThat(second.itemsNew()).isZero();
            assertThat(raw.values()).hasSize(3);
            assertThat(dlq.values()).hasSize(2);
            assertThat(server.requests()).as("without full text, no page and no robots.txt is fetched")
                    .extracting(FeedServer.Request::path).containsOnly("/rss.xml");
            assertThat(second.fullTextNote()).isEmpty();
            assertThat(service.snapshot()).satisfies(s -> {
                assertThat(s.feedsPolled()).isEqualTo(2);
                assertThat(s.articlesPublished()).isEqualTo(3);
                assertThat(s.itemsSkipped()).isEqualTo(2);
                assertThat(s.errors()).isZero();
            });
        }
    }

    @Test
    void shouldPublishThePageTextOfAFullTextFeedAndKeepExcerptsItCannotReplace() throws Exception {
        // The test clock stands still, so the pages of the feed's host must not wait for an interval to pass on it.
        service.close();
        runner.join(WAIT.toMillis());
        service = new IngestService(new IngestConfig(INTERVAL, Duration.ofSeconds(5), 1L << 20, 4, true, topics.raw().name() + "-full",
                Duration.ZERO, List.of()), kafka, topics, new SimpleMeterRegistry(), clock);
        runner = new Thread(service::run, "ingest-full-text");
        runner.start();
        String rss = "<?xml version='1.0'?><rss version='2.0'><channel><title>Excerpts</title><link>" + server.uri("/") + "</link>"
                + "<item><title>Jet</title><link>" + server.uri("/news/jet.html") + "</link><description>Turkish jets shot down a"
                + " Russian warplane.</description></item>"
                + "<item><title>Gone</title><link>" + server.uri("/news/gone.html") + "</link><description>A page that fails."
                + "</description></item></channel></rss>";
        server.serve("/excerpts.xml", 200, Map.of("Content-Type", "application/rss+xml"), rss.getBytes(StandardCharsets.UTF_8))
                .serve("/robots.txt", 200, Map.of("Content-Type", "text/plain"), "User-agent: *\nDisallow: /admin/\n".getBytes(StandardCharsets.UTF_8))
                .serve("/news/jet.html", 200, Map.of("Content-Type", "text/html"), Fixtures.bytes("pages/article-with-comments.html"))
                .serve("/news/gone.html", 500, Map.of(), new byte[0]);
        FeedSubscription feed = FeedSubscription.of(server.uri("/excerpts.xml").toString(), "Excerpts", T0).withFullText(true);
        FeedSubscriptions.publish(kafka, topics, List.of(feed));

        try (TopicRecorder<String, RawArticle> raw = new TopicRecorder<>(kafka.bootstrapServers(), topics.raw());
             TopicRecorder<String, FeedStatus> statuses = new TopicRecorder<>(kafka.bootstrapServers(), topics.feedStatus())) {
            await("the poll's status").atMost(WAIT).until(() -> statuses.values().size() == 1);
            await("both items").atMost(WAIT).until(() -> raw.values().size() == 2);

            assertThat(raw.values()).filteredOn(a -> a.url().endsWith("/jet.html")).singleElement()
                    .satisfies(a -> assertThat(a.text()).startsWith("Turkish fighter jets shot down").contains("emergency meeting"));
            assertThat(raw.values()).filteredOn(a -> a.url().endsWith("/gone.html")).singleElement()
                    .satisfies(a -> assertThat(a.text()).isEqualTo("A page that fails."));
            assertThat(statuses.values().get(0).fullTextNote())
                    .isEqualTo("full text for 1 of 2 new items; kept the excerpt: page fetch failed: HTTP 500 (1)");
        }
    }

    @Test
    void shouldResumeFromTheStoredStateAfterARestartWithoutPublishingAgain() throws Exception {
        FeedSubscription feed = FeedSubscription.of(server.uri("/rss.xml").toString(), "Example Gazette", T0);
        FeedSubscriptions.publish(kafka, topics, List.of(feed));
        try (TopicRecorder<String, RawArticle> raw = new TopicRecorder<>(kafka.bootstrapServers(), topics.raw());
             TopicRecorder<String, FeedStatus> statuses = new TopicRecorder<>(kafka.bootstrapServers(), topics.feedStatus());
             TopicRecorder<String, FeedState> states = new TopicRecorder<>(kafka.bootstrapServers(), topics.feedState())) {
            await("the first poll's status").atMost(WAIT).until(() -> statuses.values().size() == 1);
            service.close();
            runner.join(WAIT.toMillis());
            FeedState stored = states.values().get(0);
            assertThat(stored.seenIds()).hasSize(5);
            assertThat(stored.bodyHash()).hasSize(64);
            assertThat(stored.nextPollAt()).isEqualTo(T0.plus(INTERVAL.dividedBy(2)));

            service = new IngestService(new IngestConfig(INTERVAL, Duration.ofSeconds(5), 1L << 20, 4, true, feed.id() + "-group"),
                    kafka, topics, new SimpleMeterRegistry(), clock);
            runner = new Thread(service::run, "ingest-restarted");
            runner.start();
            await("the restarted instance to follow the feed").atMost(WAIT).until(() -> service.snapshot().feedsAssigned() == 1);
            assertThat(statuses.values()).hasSize(1);
            clock.advance(INTERVAL);

            await("the second poll's status").atMost(WAIT).until(() -> statuses.values().size() == 2);
            assertThat(statuses.values().get(1).outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
            assertThat(raw.values()).hasSize(3);
        }
    }

    @Test
    void shouldPointTheSubscriptionToTheNewUrlAfterAPermanentRedirect() throws Exception {
        server.serve("/old.xml", 301, Map.of("Location", "/rss.xml"), null);
        FeedSubscription feed = FeedSubscription.of(server.uri("/old.xml").toString(), "Example Gazette", T0);
        FeedSubscriptions.publish(kafka, topics, List.of(feed));

        await("the subscription to follow the new URL").atMost(WAIT).until(() ->
                FeedSubscriptions.list(kafka, topics, WAIT).equals(List.of(
                        new FeedSubscription(feed.id(), server.uri("/rss.xml").toString(), "Example Gazette", T0))));
        try (TopicRecorder<String, RawArticle> raw = new TopicRecorder<>(kafka.bootstrapServers(), topics.raw())) {
            await("the articles of the moved feed").atMost(WAIT).until(() -> raw.values().size() == 3);
        }
    }

    @Test
    void shouldReportAnUnreachableFeedAndRetryItAfterABackoff() throws Exception {
        FeedSubscription down = FeedSubscription.of("http://127.0.0.1:" + closedPort() + "/rss.xml", "Down", T0);
        FeedSubscriptions.publish(kafka, topics, List.of(down));

        try (TopicRecorder<String, FeedStatus> statuses = new TopicRecorder<>(kafka.bootstrapServers(), topics.feedStatus())) {
            await("the failed poll's status").atMost(WAIT).until(() -> statuses.values().size() == 1);
            assertThat(statuses.values().get(0)).satisfies(status -> {
                assertThat(status.outcome()).isEqualTo(PollOutcome.NETWORK_ERROR);
                assertThat(status.httpStatus()).isZero();
                assertThat(status.error()).isEqualTo("connection refused");
                assertThat(status.errorClass()).isEqualTo("refused");
                assertThat(status.feedUrl()).isEqualTo(down.url());
            });

            clock.advance(INTERVAL.multipliedBy(13).dividedBy(5));

            await("the retry's status").atMost(WAIT).until(() -> statuses.values().size() == 2);
            assertThat(statuses.values().get(1).outcome()).isEqualTo(PollOutcome.NETWORK_ERROR);
            assertThat(service.snapshot().errors()).isEqualTo(2);
        }
    }

    @Test
    void shouldPublishNothingOfAPollKafkaRefusesAndSayWhy(TestCluster cluster) throws Exception {
        String prefix = cluster.uniquePrefix();
        NewsTopics withoutStatusTopic = NewsTopics.withPrefix(prefix);
        cluster.createTopics(2, withoutStatusTopic.feeds().name(), withoutStatusTopic.feedState().name(), withoutStatusTopic.raw().name(),
                withoutStatusTopic.dlq().name());
        KafkaConnection impatient = new KafkaConnection(kafka.bootstrapServers(), Map.of("max.block.ms", "1000"));
        IngestConfig config = new IngestConfig(INTERVAL, Duration.ofSeconds(5), 1L << 20, 4, true, prefix + "ingest");
        Logger serviceLog = (Logger) LoggerFactory.getLogger(IngestService.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        serviceLog.addAppender(logged);
        IngestService refused = new IngestService(config, impatient, withoutStatusTopic, new SimpleMeterRegistry(), clock);
        Thread refusedRunner = new Thread(refused::run, "ingest-without-status-topic");
        refusedRunner.start();
        try (TopicRecorder<String, RawArticle> raw = new TopicRecorder<>(kafka.bootstrapServers(), withoutStatusTopic.raw())) {
            FeedSubscription feed = FeedSubscription.of(server.uri("/rss.xml").toString(), "Example Gazette", T0);
            FeedSubscriptions.publish(kafka, withoutStatusTopic, List.of(feed));

            await("the refused poll to be counted").atMost(WAIT).until(() -> refused.snapshot().errors() == 1);
            assertThat(refused.snapshot().articlesPublished()).isZero();
            assertThat(raw.values()).isEmpty();
            assertThat(List.copyOf(logged.list)).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(message -> assertThat(message).startsWith("Publishing the poll of feed " + feed.url()
                            + " (3 new items, its state and status) failed and was rolled back: "));
        } finally {
            refused.close();
            refusedRunner.join(Duration.ofSeconds(30).toMillis());
            serviceLog.detachAppender(logged);
        }
    }

    @Test
    void shouldStopPollingAFeedAfterItsTombstone() throws Exception {
        FeedSubscription feed = FeedSubscription.of(server.uri("/rss.xml").toString(), "Example Gazette", T0);
        FeedSubscriptions.publish(kafka, topics, List.of(feed));
        await("the feed to be assigned").atMost(WAIT).until(() -> service.snapshot().feedsAssigned() == 1);

        FeedSubscriptions.remove(kafka, topics, List.of(feed.id()));

        await("the feed to be unsubscribed").atMost(WAIT).until(() -> service.snapshot().feedsAssigned() == 0);
    }

    @Test
    void shouldDeadLetterAMalformedSubscriptionAndKeepGoing() throws Exception {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topics.feeds().name(), 0, "f-bad".getBytes(StandardCharsets.UTF_8), garbage)).get();
        }
        FeedSubscription feed = FeedSubscription.of(server.uri("/rss.xml").toString(), "Example Gazette", T0);
        FeedSubscriptions.publish(kafka, topics, List.of(feed));

        try (TopicRecorder<byte[], DeadLetter> dlq = new TopicRecorder<>(kafka.bootstrapServers(), topics.dlq())) {
            await("the malformed subscription in the dead-letter topic").atMost(WAIT)
                    .until(() -> dlq.values().stream().anyMatch(letter -> letter.topic().equals(topics.feeds().name())));
            DeadLetter letter = dlq.values().stream().filter(l -> l.topic().equals(topics.feeds().name())).findFirst().orElseThrow();
            assertThat(letter.stage()).isEqualTo("ingest");
            assertThat(letter.partition()).isZero();
            assertThat(letter.offset()).isZero();
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(letter.error()).startsWith("Record is not valid JSON");
        }
        await("the well-formed feed to be followed").atMost(WAIT).until(() -> service.snapshot().feedsAssigned() == 1);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
