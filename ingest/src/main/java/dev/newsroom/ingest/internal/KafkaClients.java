package dev.newsroom.ingest.internal;

import dev.newsroom.model.config.KafkaConnection;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The Kafka client properties of ingest, derived in one place from the connection. */
public final class KafkaClients {
    private KafkaClients() {}

    /**
     * The feeds consumer: a group member that reads its partitions of the compacted feeds topic from
     * the start on every assignment and never commits, because the registry it rebuilds is the
     * whole partition. Cooperative assignment moves only the partitions that must move.
     */
    public static Properties feedsConsumer(KafkaConnection kafka, String groupId) {
        Properties props = kafka.baseProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-feeds");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** An idempotent producer that waits for all in-sync replicas ({@link KafkaConnection#producerProperties(String)}); keys and values are serialized by the topics' serdes. */
    public static Properties producer(KafkaConnection kafka, String clientId) {
        return kafka.producerProperties(clientId);
    }
}
