package dev.newsroom.ingest.internal;

import dev.newsroom.model.config.KafkaConnection;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
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
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /**
     * The transactional producer of one ingest instance: its transactional id is unique to the
     * instance, so a crashed instance's open transaction is aborted by the broker after
     * {@code transaction.timeout.ms} (here 60 s unless set in {@code kafka.*}) and never fences a living one.
     */
    public static Properties transactionalProducer(KafkaConnection kafka, String groupId) {
        Properties props = kafka.producerProperties(groupId + "-producer");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId + "-" + UUID.randomUUID());
        props.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return props;
    }

    /** An idempotent producer that waits for all in-sync replicas ({@link KafkaConnection#producerProperties(String)}); keys and values are serialized by the topics' serdes. */
    public static Properties producer(KafkaConnection kafka, String clientId) {
        return kafka.producerProperties(clientId);
    }
}
