package dev.newsroom.embedded;

import dev.newsroom.embedded.internal.BrokerDirectories;
import dev.newsroom.embedded.internal.KafkaBrokerConfig;
import dev.newsroom.embedded.internal.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker running inside this JVM: one KRaft node that is both broker and
 * controller, listening on 127.0.0.1 only.
 *
 * <p>Its data lives in {@code <dataDir>/kafka} (partitions in {@code logs}, the KRaft metadata log
 * in {@code metadata}). The storage is formatted on the first start only,
 * so a {@link #close()} and a new {@link #start(Path, int)} on the same directory resume with
 * every topic and record. The broker is configured for one machine: replication factor 1 for
 * all internal topics, minimum in-sync replicas 1, no initial rebalance delay, and <em>no</em>
 * automatic topic creation (the services and Kafka Streams create their own topics with the
 * partitions and cleanup policy they need).
 *
 * <p>Two brokers cannot share a data directory at the same time: a second start on a directory in
 * use, from this or another process, fails before anything starts. Nothing global is registered:
 * the caller closes the broker, typically from its own shutdown hook.
 *
 * <p>Kafka's controller treats some start-up failures as fatal and halts the JVM (its
 * {@code ProcessTerminatingFaultHandler}); the checks above keep the usual causes (a directory
 * in use, a busy port) from reaching it.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(".newsroom"), 9092)) {
 *     String bootstrap = kafka.bootstrapServers(); // "127.0.0.1:9092"
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int ATTEMPTS_WITH_PICKED_PORTS = 3;

    private final KafkaRaftServer server;
    private final Path directory;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, Path directory, int port) {
        this.server = server;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts a broker with its data in {@code <dataDir>/kafka}, formatting the storage if it is
     * new, and returns once the broker accepts clients.
     *
     * @param dataDir the directory to keep the data under; created if missing
     * @param port the client port on 127.0.0.1, or 0 to pick a free one
     * @return the running broker
     * @throws IllegalArgumentException when the port is outside 0..65535
     * @throws EmbeddedStartException when the port is in use or the broker cannot start; nothing
     *     is left running
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        return start(dataDir, port, Ports::pickFreeOutsideEphemeralRange);
    }

    /**
     * Starts a broker as {@link #start(Path, int)} does, taking its controller ports (and its
     * client ports when {@code port} is 0) from the given source; tests use it to hand out a
     * port that is already taken.
     */
    static EmbeddedKafka start(Path dataDir, int port, IntSupplier freePorts) {
        Objects.requireNonNull(dataDir, "dataDir");
        Ports.requireValid(port, "port");
        if (port != 0) {
            Ports.requireFree(port, "Kafka");
        }
        Path kafkaDir = dataDir.toAbsolutePath().normalize().resolve("kafka");
        try {
            Files.createDirectories(KafkaBrokerConfig.logDir(kafkaDir));
            Files.createDirectories(KafkaBrokerConfig.metadataDir(kafkaDir));
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot create the Kafka data directory " + kafkaDir + ": " + e, e);
        }
        BrokerDirectories.claim(kafkaDir);
        try {
            return startWithRetries(kafkaDir, port, freePorts);
        } catch (RuntimeException e) {
            BrokerDirectories.release(kafkaDir);
            throw e;
        }
    }

    /**
     * Starts the broker, retrying with newly picked ports when one was taken between picking it
     * and binding it: both ports when the caller asked for any port, only the controller port
     * when the caller fixed the client port and that port is still free.
     *
     * <p>The controller halts the JVM when it cannot bind its port, so a taken controller port
     * must be caught before the server starts: {@link #startOnce} checks both ports just before.
     */
    private static EmbeddedKafka startWithRetries(Path kafkaDir, int port, IntSupplier freePorts) {
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port != 0 ? port : freePorts.getAsInt();
            int controllerPort = freePorts.getAsInt();
            try {
                return startOnce(kafkaDir, brokerPort, controllerPort);
            } catch (PortTakenException e) {
                boolean fixedPortLost = port != 0 && !Ports.isFree(port);
                if (fixedPortLost || attempt == ATTEMPTS_WITH_PICKED_PORTS) {
                    throw new EmbeddedStartException(
                            "Kafka broker could not bind its ports on " + Ports.LOOPBACK + ": " + rootMessage(e), e);
                }
                if (port != 0) {
                    LOG.info("Kafka controller port {} was taken before the broker could bind it; the client port {} "
                            + "is still free, so trying another controller port.", controllerPort, port);
                } else {
                    LOG.info("Kafka port {} was taken before the broker could bind it; trying another free port.",
                            brokerPort);
                }
            }
        }
    }

    private static EmbeddedKafka startOnce(Path kafkaDir, int brokerPort, int controllerPort) {
        KafkaConfig config = KafkaConfig.fromProps(
                KafkaBrokerConfig.properties(kafkaDir, brokerPort, controllerPort), false);
        try {
            KafkaBrokerConfig.formatIfNeeded(kafkaDir);
        } catch (Exception e) {
            throw new EmbeddedStartException(
                    "Cannot format the Kafka storage in " + kafkaDir + ": " + rootMessage(e), e);
        }
        requireStillFree(controllerPort, "controller port");
        requireStillFree(brokerPort, "port");
        long started = System.nanoTime();
        KafkaRaftServer server = null;
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            if (server != null) {
                stopQuietly(server);
            }
            if (rootMessage(e).contains("Address already in use")) {
                throw new PortTakenException(e);
            }
            throw new EmbeddedStartException("Kafka broker failed to start with data in " + kafkaDir + ": "
                    + rootMessage(e), e);
        }
        LOG.info("Started Kafka broker on {}:{} with data in {} in {} ms.", Ports.LOOPBACK, brokerPort, kafkaDir,
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedKafka(server, kafkaDir, brokerPort);
    }

    private static void requireStillFree(int port, String what) {
        if (!Ports.isFree(port)) {
            throw new PortTakenException("Kafka " + what + " " + port + " was taken before the broker could bind it");
        }
    }

    /**
     * The address clients connect to.
     *
     * @return {@code "127.0.0.1:<port>"}
     */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /**
     * The client port the broker listens on.
     *
     * @return the port, never 0
     */
    public int port() {
        return port;
    }

    /**
     * The directory holding the broker's partitions ({@code logs}) and metadata log
     * ({@code metadata}).
     *
     * @return {@code <dataDir>/kafka}
     */
    public Path directory() {
        return directory;
    }

    /**
     * Shuts the broker down cleanly and waits until it has stopped. Calling it again does
     * nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LOG.info("Stopping Kafka broker on {}:{}.", Ports.LOOPBACK, port);
            stopQuietly(server);
            BrokerDirectories.release(directory);
            LOG.info("Stopped Kafka broker on {}:{}; its data stays in {}.", Ports.LOOPBACK, port, directory);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker did not shut down cleanly.", e);
        }
    }

    private static String rootMessage(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !messages.toString().contains(t.getMessage())) {
                if (messages.length() > 0) {
                    messages.append(": ");
                }
                messages.append(t.getMessage());
            }
        }
        return messages.length() > 0 ? messages.toString() : error.getClass().getSimpleName();
    }

    /** A port was taken between picking it and the broker binding it. */
    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(Throwable cause) {
            super(cause);
        }

        PortTakenException(String message) {
            super(message);
        }
    }
}
