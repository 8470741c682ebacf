package dev.newsroom.embedded.internal;

import dev.newsroom.embedded.EmbeddedStartException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a second broker off a directory that a running broker uses. Kafka notices that itself,
 * but only once its controller is starting, and then halts the whole JVM; this check runs
 * before anything starts and fails with a sentence instead.
 *
 * <p>Brokers of this JVM are tracked in a set (probing a lock held by this JVM would release
 * it); brokers of other processes are found by probing Kafka's {@code .lock} files.
 */
public final class BrokerDirectories {

    private static final Set<Path> IN_USE_HERE = ConcurrentHashMap.newKeySet();

    private BrokerDirectories() {
    }

    /**
     * Claims a broker directory for this JVM.
     *
     * @param kafkaDir the broker's directory
     * @throws EmbeddedStartException when a broker of this or another process uses it
     */
    public static void claim(Path kafkaDir) {
        if (!IN_USE_HERE.add(kafkaDir)) {
            throw inUse(kafkaDir);
        }
        try {
            for (Path dir : List.of(KafkaBrokerConfig.metadataDir(kafkaDir), KafkaBrokerConfig.logDir(kafkaDir))) {
                requireUnlocked(dir.resolve(".lock"), kafkaDir);
            }
        } catch (RuntimeException e) {
            IN_USE_HERE.remove(kafkaDir);
            throw e;
        }
    }

    /**
     * Releases a directory claimed by {@link #claim(Path)}, after its broker stopped.
     *
     * @param kafkaDir the broker's directory
     */
    public static void release(Path kafkaDir) {
        IN_USE_HERE.remove(kafkaDir);
    }

    private static void requireUnlocked(Path lockFile, Path kafkaDir) {
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(kafkaDir);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(kafkaDir);
        } catch (IOException e) {
            // Not readable as a lock: Kafka will report the problem with the directory itself.
        }
    }

    private static EmbeddedStartException inUse(Path kafkaDir) {
        return new EmbeddedStartException("Kafka data directory " + kafkaDir + " is already used by another broker");
    }
}
