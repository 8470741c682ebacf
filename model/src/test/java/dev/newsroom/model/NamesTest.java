package dev.newsroom.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void shouldUseTheDesignNamesByDefault() {
        NewsTopics topics = NewsTopics.defaults();

        assertThat(topics.feeds().name()).isEqualTo("newsroom.feeds");
        assertThat(topics.feedState().name()).isEqualTo("newsroom.feed-state");
        assertThat(topics.raw().name()).isEqualTo("newsroom.raw");
        assertThat(topics.articles().name()).isEqualTo("newsroom.articles");
        assertThat(topics.stories().name()).isEqualTo("newsroom.stories");
        assertThat(topics.feedStatus().name()).isEqualTo("newsroom.feed-status");
        assertThat(topics.dlq().name()).isEqualTo("newsroom.dlq");
        assertThat(IndexNames.defaults()).isEqualTo(new IndexNames("news-stories", "news-articles", "news-feed-status"));
    }

    @Test
    void shouldPrefixEveryName() {
        assertThat(NewsTopics.withPrefix("t1-").raw().name()).isEqualTo("t1-newsroom.raw");
        assertThat(IndexNames.withPrefix("t1-").articles()).isEqualTo("t1-news-articles");
    }

    @Test
    void shouldRejectAnIndexNameElasticsearchWouldRefuse() {
        assertThatThrownBy(() -> IndexNames.withPrefix("Big "))
                .hasMessageContaining("is not a legal Elasticsearch index name");
    }

    @Test
    void shouldRejectATopicNameKafkaWouldRefuse() {
        assertThatThrownBy(() -> NewsTopics.withPrefix("a/b"))
                .hasMessage("'a/bnewsroom.feeds' is not a legal Kafka topic name");
    }
}
