package dev.newsroom.embedded.testing;

import dev.newsroom.embedded.internal.PidFile;
import dev.newsroom.embedded.internal.ProcessTrees;
import dev.newsroom.embedded.internal.ZipUnpacker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after test JVMs that were killed before they could stop their cluster: each test
 * cluster directory names its owning JVM in {@code owner.pid}; a directory whose owner is gone
 * has its Elasticsearch stopped (through the pid file) and is deleted.
 */
final class StaleTestClusters {

    static final String PREFIX = "newsroom-test-";
    private static final String OWNER_FILE = "owner.pid";
    private static final Logger LOG = LoggerFactory.getLogger(StaleTestClusters.class);

    private StaleTestClusters() {
    }

    static void claim(Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()),
                StandardCharsets.UTF_8);
    }

    static void sweep(Path tmp) {
        try (Stream<Path> children = Files.list(tmp)) {
            children.filter(dir -> dir.getFileName().toString().startsWith(PREFIX))
                    .filter(Files::isDirectory)
                    .filter(StaleTestClusters::ownerIsGone)
                    .forEach(StaleTestClusters::cleanUp);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not look for test clusters left by killed test JVMs in {}.", tmp, e);
        }
    }

    static void delete(Path dataDir) throws IOException {
        ZipUnpacker.deleteRecursively(dataDir);
    }

    private static boolean ownerIsGone(Path dataDir) {
        try {
            long owner = Long.parseLong(Files.readString(dataDir.resolve(OWNER_FILE), StandardCharsets.UTF_8).strip());
            return ProcessHandle.of(owner).filter(ProcessHandle::isAlive).isEmpty();
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void cleanUp(Path dataDir) {
        Path base = dataDir.resolve("elasticsearch");
        Optional<ProcessHandle> elasticsearch = new PidFile(base.resolve("elasticsearch.pid")).read()
                .flatMap(entry -> ProcessHandle.of(entry.pid()))
                .filter(process -> ProcessTrees.commandLine(process.pid()).contains(base.toString()));
        elasticsearch.ifPresent(process -> {
            LOG.info("Stopping Elasticsearch (pid {}) left by a killed test JVM in {}.", process.pid(), dataDir);
            ProcessTrees.stop(process, Duration.ofSeconds(30));
        });
        try {
            delete(dataDir);
            LOG.info("Deleted the test cluster directory {} of a killed test JVM.", dataDir);
        } catch (IOException e) {
            LOG.warn("Could not delete the test cluster directory {} of a killed test JVM.", dataDir, e);
        }
    }
}
