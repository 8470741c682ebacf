package dev.newsroom.indexer;

import dev.newsroom.embedded.ElasticsearchSettings;
import dev.newsroom.embedded.EmbeddedElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An Elasticsearch of one test, apart from the shared test cluster: one that the test stops and
 * starts again on the same directory and port, or one with settings of its own.
 */
final class SeparateElasticsearch implements AutoCloseable {
    private final Path dir;
    private final Map<String, String> extraSettings;
    private EmbeddedElasticsearch running;
    private int port;

    SeparateElasticsearch(Map<String, String> extraSettings) {
        this.extraSettings = extraSettings;
        try {
            dir = Files.createTempDirectory("newsroom-indexer-it-");
            // Elasticsearch runs as nobody when the tests run as root: it must be able to enter the directory.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it: on any free port the first time, on the same port (and data) afterwards. */
    String start() {
        running = EmbeddedElasticsearch.start(ElasticsearchSettings.builder(dir).httpPort(port).heapMegabytes(256)
                .extraSettings(extraSettings).build());
        port = running.httpPort();
        return running.url();
    }

    /** Stops it cleanly; its data stays for the next {@link #start()}. */
    void stop() {
        running.close();
        running = null;
    }

    @Override
    public void close() throws IOException {
        if (running != null) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
