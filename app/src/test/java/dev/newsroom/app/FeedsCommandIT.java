package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.Ids;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.PollOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsroom feeds ...} against the real broker, each test on its own topics. */
@ExtendWith(NewsroomClusterExtension.class)
class FeedsCommandIT {
    private static final String LAND_DESTROYER = "https://landdestroyer.blogspot.com/feeds/posts/default";
    private static final String GLOBAL_RESEARCH = "https://www.globalresearch.ca/feed";

    @TempDir
    Path dir;
    private String bootstrap;
    private Path config;
    private NewsTopics topics;

    private record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    @BeforeEach
    void configure(TestCluster cluster) throws Exception {
        bootstrap = cluster.bootstrapServers();
        String prefix = cluster.uniquePrefix();
        topics = NewsTopics.withPrefix(prefix);
        config = Files.writeString(dir.resolve("newsroom.properties"), "topic.prefix=" + prefix + "\ntopics.partitions=2\n");
    }

    private Result feeds(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 5];
        all[0] = "feeds";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--bootstrap-servers";
        all[args.length + 2] = bootstrap;
        all[args.length + 3] = "--config";
        all[args.length + 4] = config.toString();
        return new Result(cli.execute(all), out.toString(), err.toString());
    }

    @Test
    void shouldListWhatWasAddedAndForgetWhatWasRemoved() {
        assertThat(feeds("add", LAND_DESTROYER, "--name", "Land Destroyer").exitCode()).isZero();
        assertThat(feeds("add", GLOBAL_RESEARCH).exitCode()).isZero();

        assertThat(feeds("list").lines()).containsExactly(
                Ids.feed(LAND_DESTROYER) + "\t" + LAND_DESTROYER + "\tLand Destroyer",
                Ids.feed(GLOBAL_RESEARCH) + "\t" + GLOBAL_RESEARCH + "\t");

        Result removed = feeds("remove", GLOBAL_RESEARCH);

        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).contains("Unsubscribed from " + GLOBAL_RESEARCH);
        assertThat(feeds("list").lines()).containsExactly(Ids.feed(LAND_DESTROYER) + "\t" + LAND_DESTROYER + "\tLand Destroyer");
    }

    @Test
    void shouldExitTwoWhenRemovingAFeedThatIsNotSubscribed() {
        Result result = feeds("remove", GLOBAL_RESEARCH);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Not subscribed to " + GLOBAL_RESEARCH).hasLineCount(1);
    }

    @Test
    void shouldExitTwoForAUrlThatIsNotHttp() {
        Result result = feeds("add", "ftp://example.org/feed.xml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not a feed URL").hasLineCount(1);
    }

    @Test
    void shouldExportAsOpmlWhatWasImported() throws Exception {
        Path opml = Path.of(FeedsCommandIT.class.getResource("/opml/two-feeds.opml").toURI());

        Result imported = feeds("import", opml.toString());
        Result exported = feeds("export");

        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("Subscribed to 2 feeds");
        assertThat(exported.exitCode()).isZero();
        assertThat(exported.out()).contains("<opml version=\"2.0\">")
                .contains("xmlUrl=\"" + LAND_DESTROYER + "\"").contains("xmlUrl=\"" + GLOBAL_RESEARCH + "\"")
                .contains("text=\"Land Destroyer\"");
    }

    @Test
    void shouldMarkAFeedAddedWithFullTextInTheExport() {
        Result added = feeds("add", GLOBAL_RESEARCH, "--name", "Global Research", "--full-text");
        feeds("add", LAND_DESTROYER);

        assertThat(added.out()).contains("with full-text fetch");
        assertThat(feeds("export").out()).containsOnlyOnce("fullText=\"true\"")
                .containsPattern("xmlUrl=\"" + java.util.regex.Pattern.quote(GLOBAL_RESEARCH) + "\" fullText=\"true\"");
    }

    @Test
    void shouldShowEachFeedsStateAndTodaysItems() throws Exception {
        feeds("add", LAND_DESTROYER, "--name", "Land Destroyer");
        feeds("add", GLOBAL_RESEARCH, "--name", "Global Research");
        String sick = Ids.feed(GLOBAL_RESEARCH);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        FeedState state = new FeedState(sick, GLOBAL_RESEARCH, null, null, null, List.of(), 2.5,
                now.plusSeconds(600), now.minusSeconds(60), now.minusSeconds(3600), PollOutcome.HTTP_ERROR, "HTTP 503", 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topics.feedState().name(), sick.getBytes(),
                    topics.feedState().valueSerde().serializer().serialize("", state))).get();
            for (int itemsNew : new int[] {4, 3}) {
                FeedStatus status = new FeedStatus(sick, GLOBAL_RESEARCH, now.minusSeconds(7200), PollOutcome.OK, 200, itemsNew, 0, 10, "");
                producer.send(new ProducerRecord<>(topics.feedStatus().name(), sick.getBytes(),
                        topics.feedStatus().valueSerde().serializer().serialize("", status))).get();
            }
        }

        Result result = feeds("status");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).hasSize(3);
        assertThat(result.lines().get(0)).startsWith("FEED").contains("LAST SUCCESS", "FAILURE SCORE", "NEXT POLL", "ITEMS/DAY");
        assertThat(result.lines().get(1)).startsWith("Land Destroyer <" + LAND_DESTROYER + ">").contains("never polled");
        assertThat(result.lines().get(2)).startsWith("Global Research <" + GLOBAL_RESEARCH + ">")
                .contains(now.minusSeconds(3600).toString(), "HTTP_ERROR: HTTP 503", "2.5", now.plusSeconds(600).toString())
                .endsWith(" 7");
    }
}
