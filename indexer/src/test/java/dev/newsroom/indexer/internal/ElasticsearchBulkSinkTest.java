package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchBulkSinkTest {

    @Test
    void shouldWriteStoriesWithExternalVersionAndOthersWithout() {
        BulkRequest request = ElasticsearchBulkSink.request(List.of(
                new IndexAction("news-stories", "s1", Map.of("title", "T"), 3L),
                new IndexAction("news-articles", "a1", Map.of("title", "T"), null)));

        IndexOperation<?> story = request.operations().get(0).index();
        assertThat(story.index()).isEqualTo("news-stories");
        assertThat(story.id()).isEqualTo("s1");
        assertThat(story.version()).isEqualTo(3L);
        assertThat(story.versionType()).isEqualTo(VersionType.External);
        IndexOperation<?> article = request.operations().get(1).index();
        assertThat(article.id()).isEqualTo("a1");
        assertThat(article.version()).isNull();
        assertThat(article.versionType()).isNull();
    }

    @Test
    void shouldPutTheCausesOfAnErrorOnOneLine() {
        ErrorCause error = ErrorCause.of(e -> e.type("document_parsing_exception")
                .reason("[1:20] failed to parse field [published_at] of type [date]")
                .causedBy(c -> c.type("illegal_argument_exception").reason("failed to parse date field")));

        assertThat(ElasticsearchBulkSink.reason(error)).isEqualTo("[1:20] failed to parse field [published_at] of type [date]"
                + "; caused by illegal_argument_exception: failed to parse date field");
    }
}
