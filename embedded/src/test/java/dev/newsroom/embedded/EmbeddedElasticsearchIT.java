package dev.newsroom.embedded;

import static dev.newsroom.embedded.ElasticsearchProcesses.traversable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsroom.embedded.internal.UnprivilegedUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedElasticsearchIT {

    @TempDir
    static Path tempDir;

    static EmbeddedElasticsearch elasticsearch;

    @BeforeAll
    static void startElasticsearch() throws IOException {
        elasticsearch = EmbeddedElasticsearch.start(traversable(tempDir).resolve("running"), 0);
    }

    @AfterAll
    static void stopElasticsearch() {
        elasticsearch.close();
    }

    @Test
    void shouldAnswerClusterHealthOnLoopback() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_cluster/health"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(elasticsearch.url()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"newsroom\"").containsPattern("\"status\":\"(green|yellow)\"");
    }

    @Test
    void shouldReportTheVersionOfTheDistribution() {
        assertThat(elasticsearch.version()).isEqualTo("8.19.21");
    }

    @Test
    void shouldWriteItsLogsWhereItSays() {
        assertThat(elasticsearch.logFile()).isRegularFile().hasFileName("newsroom.log");
        assertThat(elasticsearch.consoleLogFile()).isRegularFile();
    }

    @Test
    void shouldRunAsNobodyWhenStartedByRoot() throws IOException {
        assumeTrue(UnprivilegedUser.currentUserIsRoot(), "only meaningful when the tests run as root");

        assertThat(Files.getOwner(Path.of("/proc", Long.toString(elasticsearch.pid()))).getName())
                .isEqualTo("nobody");
    }

    @Test
    void shouldRefuseAnHttpPortThatIsAlreadyInUseWithOneLine() throws IOException {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = squatter.getLocalPort();

            assertThatThrownBy(() -> EmbeddedElasticsearch.start(tempDir.resolve("busy"), port))
                    .isInstanceOf(EmbeddedStartException.class)
                    .hasMessage("Elasticsearch HTTP port " + port + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void shouldNameTheDirectoryThatNobodyCannotEnter() throws IOException {
        assumeTrue(UnprivilegedUser.currentUserIsRoot(), "only root switches to the unprivileged user");
        Path closed = Files.createDirectory(tempDir.resolve("closed"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        assertThatThrownBy(() -> EmbeddedElasticsearch.start(closed.resolve("data"), 0))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageContaining("cannot enter " + closed + " (rwx------ root:root)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldNameTheDirectoryAboveJavaHomeThatNobodyCannotEnter() throws IOException {
        assumeTrue(UnprivilegedUser.currentUserIsRoot(), "only root switches to the unprivileged user");
        Path closed = Files.createDirectory(tempDir.resolve("closed-java"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path javaHome = Files.createDirectories(closed.resolve("jdk/bin")).getParent();
        Path java = Files.writeString(javaHome.resolve("bin/java"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ElasticsearchSettings settings = ElasticsearchSettings.builder(tempDir.resolve("closed-java-data"))
                .httpPort(0)
                .javaHome(javaHome)
                .build();

        assertThatThrownBy(() -> EmbeddedElasticsearch.start(settings))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageContaining("cannot enter " + closed + " (rwx------ root:root) on the way to the Java "
                        + "installation " + javaHome)
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldReportAChildThatExitsBeforeItIsReadyWithItsError() throws IOException {
        Path fakeJavaHome = Files.createDirectories(tempDir.resolve("broken-java/bin")).getParent();
        traversable(fakeJavaHome);
        traversable(fakeJavaHome.getParent());
        Path java = Files.writeString(fakeJavaHome.resolve("bin/java"),
                "#!/bin/sh\necho 'ERROR: this java refuses to run'\nexit 3\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = tempDir.resolve("broken");
        ElasticsearchSettings settings = ElasticsearchSettings.builder(dataDir)
                .httpPort(0)
                .javaHome(fakeJavaHome)
                .build();

        assertThatThrownBy(() -> EmbeddedElasticsearch.start(settings))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessage("Elasticsearch exited with code 3 before it was ready: ERROR: this java refuses to run; see "
                        + dataDir.resolve("elasticsearch/logs/console.log"));
        assertThat(dataDir.resolve("elasticsearch/elasticsearch.pid")).doesNotExist();
    }
}
