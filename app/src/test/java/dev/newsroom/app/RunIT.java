package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.model.Ids;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole product as a user runs it: {@code newsroom run} in its own JVM with the real embedded
 * Kafka and Elasticsearch, an RSS feed served on loopback, and {@code newsroom search} finding the
 * article. Then the user's worst day: the JVM is SIGKILLed, and a new {@code run} on the same data
 * directory must start without manual cleanup.
 */
class RunIT {
    private static final Pattern ELASTICSEARCH_URL = Pattern.compile("Elasticsearch \\S+ is up at (http://127\\.0\\.0\\.1:\\d+)");
    private static final String ARTICLE_URL = "https://landdestroyer.blogspot.com/2015/11/us-turkey-provocation.html";

    private Path dataDir;
    private HttpServer feedServer;
    private final List<Process> processes = new ArrayList<>();
    private int metricsPort;

    @BeforeEach
    void serveFeedAndPrepareDataDir() throws Exception {
        // Elasticsearch runs as nobody when the tests run as root: its data dir must be reachable for that user.
        dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "newsroom-run-it-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        byte[] rss;
        try (var in = RunIT.class.getResourceAsStream("/feeds/landdestroyer.xml")) {
            rss = in.readAllBytes();
        }
        feedServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feedServer.createContext("/feeds/posts/default", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, rss.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(rss);
            }
        });
        feedServer.start();
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            metricsPort = free.getLocalPort();
        }
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (Process process : processes) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        feedServer.stop(0);
        // If a run died before cleaning up (a failed test), stop its Elasticsearch before deleting its directory.
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))
                .forEach(ProcessHandle::destroyForcibly);
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path feedList() throws IOException {
        String url = "http://127.0.0.1:" + feedServer.getAddress().getPort() + "/feeds/posts/default";
        return Files.writeString(dataDir.resolve("feeds.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>test</title></head><body>
                  <outline type="rss" text="Land Destroyer (loopback)" xmlUrl="%s"/>
                </body></opml>
                """.formatted(url));
    }

    private Process startRun(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", System.getProperty("java.class.path")));
        String zip = System.getProperty("newsroom.elasticsearch.zip");
        if (zip != null) {
            command.add("-Dnewsroom.elasticsearch.zip=" + zip);
        }
        command.addAll(List.of(Newsroom.class.getName(), "run",
                "--data-dir", dataDir.resolve("data").toString(),
                "--kafka-port", "0", "--elasticsearch-port", "0",
                "--feeds", feedList().toString(), "--allow-private-networks", "--poll-interval", "10s",
                "--metrics-port", String.valueOf(metricsPort)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private static String awaitRunning(Process process, Path log) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("newsroom run exited early; its output:%n%s", Files.readString(log)).isTrue();
            return Files.readString(log).contains("newsroom is running");
        });
        Matcher matcher = ELASTICSEARCH_URL.matcher(uncheckedRead(log));
        assertThat(matcher.find()).as("the log names the Elasticsearch URL").isTrue();
        return matcher.group(1);
    }

    private static String uncheckedRead(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> search(String elasticsearchUrl, String query, String kind) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process search = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Newsroom.class.getName(),
                "search", query, kind, "--json", "--elasticsearch-url", elasticsearchUrl).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(search.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(search.exitValue()).isZero();
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    @Test
    void shouldCarryAFeedItemToSearchAndSurviveASigkill() throws Exception {
        Path firstLog = dataDir.resolve("run-1.log");
        Process first = startRun(firstLog);
        String elasticsearchUrl = awaitRunning(first, firstLog);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !search(elasticsearchUrl, "Incirlik", "--articles").isEmpty());
        JsonNode hit = Json.mapper().readTree(search(elasticsearchUrl, "Incirlik", "--articles").get(0));
        assertThat(hit.get("id").asText()).isEqualTo(Ids.article(ARTICLE_URL));
        assertThat(hit.get("title").asText()).isEqualTo("US-Turkey Provocation: Turkey Shoots Down Russian Jet");
        assertThat(hit.get("url").asText()).startsWith(ARTICLE_URL);
        assertThat(hit.get("site").asText()).isEqualTo("landdestroyer.blogspot.com");
        assertThat(hit.get("published_at").asText()).isEqualTo("2015-11-28T08:15:00Z");
        assertThat(hit.get("story_id").asText()).startsWith("s-");
        assertThat(hit.has("topics")).isTrue();
        assertThat(hit.has("countries")).isTrue();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !search(elasticsearchUrl, "Incirlik", "--stories").isEmpty());
        JsonNode story = Json.mapper().readTree(search(elasticsearchUrl, "Incirlik", "--stories").get(0));
        assertThat(story.get("id").asText()).isEqualTo(hit.get("story_id").asText());
        assertThat(story.get("copy_count").asInt()).isEqualTo(1);
        assertThat(story.get("sites")).extracting(JsonNode::asText).containsExactly("landdestroyer.blogspot.com");
        await().atMost(Duration.ofSeconds(30)).until(() -> uncheckedRead(firstLog).contains("Progress: "));
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).as("ingest's counters on the run's Prometheus endpoint")
                .contains("newsroom_ingest_polls_total{outcome=\"OK\"}", "newsroom_ingest_articles_published_total");

        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Path secondLog = dataDir.resolve("run-2.log");
        Process second = startRun(secondLog);
        String secondUrl = awaitRunning(second, secondLog);

        assertThat(search(secondUrl, "Incirlik", "--articles")).as("the index survived the kill").hasSize(1);
        second.destroy();
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("run stops on SIGTERM").isTrue();
        assertThat(uncheckedRead(secondLog)).contains("Stopping Elasticsearch.");
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString())))
                .as("no Elasticsearch of this data dir is left running").isEmpty();
    }
}
