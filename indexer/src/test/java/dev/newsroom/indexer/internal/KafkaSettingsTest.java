package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.indexer.IndexerConfig;
import dev.newsroom.model.config.KafkaConnection;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
    private final KafkaConnection kafka = new KafkaConnection("h:9092", Map.of("security.protocol", "SSL", "fetch.min.bytes", "1"));

    @Test
    void shouldCommitByHandReadBytesAndHonourTransactions() {
        Properties props = KafkaSettings.consumer(kafka, IndexerConfig.defaults());

        assertThat(props).containsEntry("enable.auto.commit", "false")
                .containsEntry("group.id", "newsroom-indexer")
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("max.poll.records", "500")
                .containsEntry("fetch.max.wait.ms", "1000")
                .containsEntry("value.deserializer", ByteArrayDeserializer.class.getName())
                .containsEntry("bootstrap.servers", "h:9092")
                .containsEntry("security.protocol", "SSL");
    }

    @Test
    void shouldLetTheUserTuneFetchSizes() {
        assertThat(KafkaSettings.consumer(kafka, IndexerConfig.defaults())).containsEntry("fetch.min.bytes", "1");
        assertThat(KafkaSettings.consumer(new KafkaConnection("h:9092", Map.of()), IndexerConfig.defaults()))
                .containsEntry("fetch.min.bytes", Long.toString(500 * 1024));
    }

    @Test
    void shouldWaitForEveryReplicaBeforeCountingADeadLetterAsSent() {
        assertThat(KafkaSettings.deadLetterProducer(kafka, IndexerConfig.defaults())).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
    }

    @Test
    void shouldNameTheDeadLetterProducerAfterTheGroupAndKeepTheUsersClientProperties() {
        assertThat(KafkaSettings.deadLetterProducer(kafka, IndexerConfig.defaults()))
                .containsEntry("client.id", "newsroom-indexer-dlq")
                .containsEntry("bootstrap.servers", "h:9092")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("value.serializer", ByteArraySerializer.class.getName());
    }
}
