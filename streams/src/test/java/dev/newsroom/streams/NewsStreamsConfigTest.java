package dev.newsroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ConfigException;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.streams.internal.DeadLetterDeserializationHandler;
import dev.newsroom.streams.internal.DeadLetterProcessingHandler;
import dev.newsroom.streams.internal.DeadLetters;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class NewsStreamsConfigTest {

    @Test
    void shouldDeriveStreamsPropertiesWithDeadLetterPoliciesAndExplicitNaming() {
        Properties props = NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of(
                "bootstrap.servers", "kafka-1:9093", "topic.prefix", "t1-", "streams.threads", "2"))).streamsProperties();

        assertThat(props)
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9093")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "newsroom-streams")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500L)
                .containsEntry("main.consumer.max.poll.interval.ms", 1_800_000)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class)
                .containsEntry(DeadLetters.DLQ_TOPIC_CONFIG, "t1-newsroom.dlq");
    }

    @Test
    void shouldCommitAsOftenAsConfigured() {
        Properties props = NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.commit-interval", "2s"))).streamsProperties();

        assertThat(props).containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 2000L);
        assertThat(NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.max-poll-interval", "2h"))).streamsProperties())
                .containsEntry("main.consumer.max.poll.interval.ms", 7_200_000);
        assertThatThrownBy(() -> NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.commit-interval", "0s"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("streams.commit-interval");
    }

    @Test
    void shouldSendStoryRecordsAsOftenAsConfigured() {
        assertThat(NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of())).storyInterval()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.story-interval", "10s"))).storyInterval())
                .isEqualTo(java.time.Duration.ofSeconds(10));
        assertThatThrownBy(() -> NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.story-interval", "0s"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("streams.story-interval");
    }

    @Test
    void shouldRejectAnUnknownProcessingGuarantee() {
        assertThatThrownBy(() -> NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.processing-guarantee", "exactly_once"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'exactly_once' for streams.processing-guarantee: expected exactly_once_v2 or at_least_once");
    }

    @Test
    void shouldPassKafkaClientPropertiesThrough() {
        Properties props = new NewsStreamsConfig("app", Path.of("state"), 1, StreamsConfig.AT_LEAST_ONCE, NewsTopics.defaults(),
                new KafkaConnection("b:9092", Map.of("security.protocol", "SASL_SSL"))).streamsProperties();

        assertThat(props).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    }

    @Test
    void shouldReadTheDedupSettingsTheServiceRunsWith() {
        NewsStreamsConfig config = NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.dedup.bands", "32", "streams.dedup.retention", "7d")));

        assertThat(config.dedup().bands()).isEqualTo(32);
        assertThat(config.dedup().retention()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(config.tagger()).isSameAs(dev.newsroom.streams.tag.Tagger.defaults());
    }

    @Test
    void shouldRejectATaxonomyFileOrAModelWithoutOneInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path taxonomy = java.nio.file.Files.writeString(dir.resolve("taxonomy.yaml"), "topics: [");

        assertThatThrownBy(() -> NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.tagger.taxonomy", taxonomy.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value for streams.tagger.taxonomy or streams.tagger.model: ")
                .hasMessageContaining("taxonomy.yaml")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("streams.tagger.model", "model.tsv.gz"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a model needs streams.tagger.taxonomy");
    }
}
