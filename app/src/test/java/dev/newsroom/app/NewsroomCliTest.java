package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.model.Ids;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class NewsroomCliTest {
    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NewsroomCliTest.class.getResource("/feeds/" + name).toURI());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldOfferEveryCommandOfTheContract() {
        Result help = run("--help");

        assertThat(help.exitCode()).isZero();
        for (String command : List.of("run", "ingest", "streams", "indexer", "feeds", "search", "story", "parse-feed", "dedup", "tag", "bench")) {
            assertThat(help.out()).contains("  " + command + " ");
        }
    }

    @Test
    void shouldExitTwoWithOneLineWhenTheTagInputIsMissing() {
        Result result = run("tag", "--input", dir.resolve("none.jsonl").toString(), "--output", dir.resolve("out.jsonl").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("No such file").contains("none.jsonl").hasLineCount(1);
    }

    @Test
    void shouldExitTwoWhenTheBenchmarkCorpusIsMissing() {
        Result result = run("bench", "e2e", "--corpus", dir.resolve("none.jsonl").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No corpus at ").hasLineCount(1);
    }

    @Test
    void shouldListTheOptionsOfEverySubcommandWithHelp() {
        Result search = run("search", "--help");
        Result feedsAdd = run("feeds", "add", "--help");

        assertThat(search.exitCode()).isZero();
        assertThat(search.out()).contains("--elasticsearch-url", "--elasticsearch-api-key", "--config", "--articles");
        assertThat(feedsAdd.exitCode()).isZero();
        assertThat(feedsAdd.out()).contains("--name");
    }

    @Test
    void shouldExitTwoOnAnUnknownFlag() {
        Result result = run("search", "syria", "--colour");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("newsroom search: Unknown option: '--colour' (see --help)\n");
    }

    @Test
    void shouldExitTwoForADirectoryGivenAsFeedFile() {
        Result result = run("parse-feed", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("newsroom parse-feed: " + dir + " is a directory, not a feed file");
    }

    @Test
    void shouldExitTwoForAMalformedUrl() {
        Result result = run("parse-feed", "http://exa mple.org/feed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'http://exa mple.org/feed' is not a valid URL").hasLineCount(1);
    }

    @Test
    void shouldExitTwoForAMissingFeedListBeforeStartingAnything() {
        Path missing = dir.resolve("missing.opml");

        Result result = run("run", "--feeds", missing.toString(), "--data-dir", dir.resolve("data").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("newsroom run: Cannot read the feed list " + missing + ": no such file");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void shouldExitTwoForATopicPrefixKafkaWouldRefuse() throws IOException {
        Path config = Files.writeString(dir.resolve("newsroom.properties"), "topic.prefix=a/b\n");

        Result result = run("streams", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for topic.prefix: 'a/bnewsroom.feeds' is not a legal Kafka topic name");
    }

    @Test
    void shouldPrintTheItemsOfAFeedFileAsIngestWouldPublishThem() throws Exception {
        Result result = run("parse-feed", fixture("landdestroyer.xml").toString(), "--base-url", "https://landdestroyer.blogspot.com/feeds/posts/default");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).hasSize(2);
        JsonNode first = Json.mapper().readTree(result.outLines().get(0));
        assertThat(first.get("schema").asInt()).isEqualTo(1);
        assertThat(first.get("id").asText()).isEqualTo(Ids.article("https://landdestroyer.blogspot.com/2015/11/us-turkey-provocation.html"));
        assertThat(first.get("title").asText()).isEqualTo("US-Turkey Provocation: Turkey Shoots Down Russian Jet");
        assertThat(first.get("published_at").asText()).isEqualTo("2015-11-28T08:15:00Z");
        assertThat(first.get("site").asText()).isEqualTo("landdestroyer.blogspot.com");
        JsonNode second = Json.mapper().readTree(result.outLines().get(1));
        assertThat(second.get("url").asText()).isEqualTo("https://landdestroyer.blogspot.com/2015/11/syria-border-corridor.html");
    }

    @Test
    void shouldExitTwoWithOneLineForAFileThatIsNotAFeed() throws Exception {
        Result result = run("parse-feed", fixture("not-a-feed.html").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("newsroom parse-feed: ").contains("is not a feed newsroom can read").hasLineCount(1);
    }

    @Test
    void shouldExitTwoForAMissingFeedFile() {
        Result result = run("parse-feed", dir.resolve("missing.xml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No such file: ").hasLineCount(1);
    }

    @Test
    void shouldExitOneWithOneLineWhenKafkaCannotBeReached() throws IOException {
        Path config = Files.writeString(dir.resolve("newsroom.properties"), "startup.timeout=2s\n");

        Result result = run("streams", "--bootstrap-servers", "127.0.0.1:" + closedPort(), "--config", config.toString(),
                "--state-dir", dir.resolve("state").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Kafka at 127.0.0.1:").contains("did not answer within 2s").hasLineCount(1);
    }

    @Test
    void shouldExitTwoNamingTheKeyForAnInvalidSetting() throws IOException {
        Path config = Files.writeString(dir.resolve("newsroom.properties"), "poll.interval=1s\n");

        Result result = run("ingest", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("newsroom ingest: Invalid value '1s' for poll.interval (from file " + config
                + "): expected a duration from 10s to 24h (e.g. 30s, 5m, 2h)");
    }

    @Test
    void shouldExitOneWithOneLineWhenElasticsearchCannotBeReached() throws IOException {
        Result result = run("search", "syria", "--elasticsearch-url", "http://127.0.0.1:" + closedPort());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("newsroom search: Elasticsearch at http://127.0.0.1:")
                .contains("cannot be reached").hasLineCount(1);
    }

    @Test
    void shouldExitOneWithOneLineWhenTheIndexerCannotReachElasticsearch() throws IOException {
        Result result = run("indexer", "--bootstrap-servers", "127.0.0.1:" + closedPort(),
                "--elasticsearch-url", "http://127.0.0.1:" + closedPort() + ",http://127.0.0.1:" + closedPort());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("newsroom indexer: Elasticsearch at http://127.0.0.1:")
                .contains(",http://127.0.0.1:").contains("cannot be reached").hasLineCount(1);
    }

    @Test
    void shouldExitOneWithOneLineWhenElasticsearchRefusesTheCredentials() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate user [elastic]\"},"
                    + "\"status\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Result result = run("story", "s-1", "--elasticsearch-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--elasticsearch-user", "elastic", "--elasticsearch-password", "wrong");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().strip()).isEqualTo("newsroom story: Elasticsearch at http://127.0.0.1:" + server.getAddress().getPort()
                    + " refused the credentials (401 Unauthorized): check elasticsearch.api-key or elasticsearch.username/password");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldExitTwoForADateThatIsNotIso() {
        Result result = run("search", "syria", "--since", "last tuesday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'last tuesday' is not an ISO-8601 date or instant");
    }

    @Test
    void shouldExitTwoForAPortOutOfRange() {
        Result result = run("run", "--kafka-port", "70000", "--data-dir", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("newsroom run: Invalid value 70000 for --kafka-port: expected a port from 0 (any free port) to 65535");
    }

    @Test
    void shouldExitOneWithOneLineWhenTheKafkaPortIsBusy() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Result result = run("run", "--kafka-port", Integer.toString(busy.getLocalPort()), "--data-dir", dir.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("port " + busy.getLocalPort()).contains("already in use").hasLineCount(1);
        }
    }
}
