package dev.newsroom.embedded.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of the single-node KRaft broker and the formatting of its storage.
 *
 * <p>One process is both broker and controller (node id 1, a static quorum of itself), listens
 * on loopback only, and is sized for a small machine: every internal topic has replication
 * factor 1, the offsets and transaction topics have 10 partitions instead of 50, and the log
 * cleaner takes 16 MiB instead of 128 MiB. Topics are never created automatically: the services
 * and Kafka Streams create theirs with the right partitions and cleanup policy, and a missing
 * topic should fail loudly rather than appear with defaults.
 */
public final class KafkaBrokerConfig {

    /** The node id of the single broker and controller. */
    public static final int NODE_ID = 1;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerConfig.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";

    private KafkaBrokerConfig() {
    }

    /**
     * The directory holding the partitions: {@code <kafkaDir>/logs}.
     *
     * @param kafkaDir the broker's directory
     * @return the log directory
     */
    public static Path logDir(Path kafkaDir) {
        return kafkaDir.resolve("logs");
    }

    /**
     * The directory holding the KRaft metadata log: {@code <kafkaDir>/metadata}. It is kept apart
     * from the partitions so that Kafka locks it before the controller starts, and a second
     * broker on the same directory fails without touching the metadata.
     *
     * @param kafkaDir the broker's directory
     * @return the metadata log directory
     */
    public static Path metadataDir(Path kafkaDir) {
        return kafkaDir.resolve("metadata");
    }

    /**
     * The broker properties.
     *
     * @param kafkaDir the broker's directory, holding {@code logs} and {@code metadata}
     * @param brokerPort the port clients connect to
     * @param controllerPort the port of the controller listener
     * @return the properties for {@link KafkaConfig#fromProps(Properties)}
     */
    public static Properties properties(Path kafkaDir, int brokerPort, int controllerPort) {
        String host = Ports.LOOPBACK;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDir(kafkaDir).toString());
        props.put("metadata.log.dir", metadataDir(kafkaDir).toString());

        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "10");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");

        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return props;
    }

    /**
     * Formats the storage unless the metadata directory already holds a formatted node, so that
     * a restart on the same directory resumes with its topics and records.
     *
     * @param kafkaDir the broker's directory
     * @return true when the storage was formatted now, false when it already was
     * @throws Exception when the formatter fails
     */
    public static boolean formatIfNeeded(Path kafkaDir) throws Exception {
        Path metadataDir = metadataDir(kafkaDir);
        if (Files.exists(metadataDir.resolve("meta.properties"))) {
            return false;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Formatter formatter = new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(metadataDir.toString())
                    .addDirectory(metadataDir.toString())
                    .addDirectory(logDir(kafkaDir).toString());
            formatter.run();
            LOG.info("Formatted Kafka storage in {} for cluster {}.", kafkaDir, formatter.clusterId());
        }
        LOG.debug("The Kafka storage formatter said: {}", output.toString(StandardCharsets.UTF_8).strip());
        return true;
    }
}
