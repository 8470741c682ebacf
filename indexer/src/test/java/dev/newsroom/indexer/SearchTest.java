package dev.newsroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.indexer.internal.Documents.StoryDocument;
import dev.newsroom.model.serde.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTest {

    @Test
    void shouldTurnAStoryDocumentIntoAHitWithCopiesAndSites() {
        ObjectNode source = Json.mapper().valueToTree(StoryDocument.of(TestData.story("s1", 2, "Title")));

        SearchHit hit = ArticleSearch.toHit("s1", source, SearchRequest.Kind.STORIES);

        assertThat(hit).isEqualTo(new SearchHit("s1", "Title", "https://landdestroyer.blogspot.com/a1",
                "landdestroyer.blogspot.com", TestData.PUBLISHED, "s1", List.of("terrorism"), List.of("SY", "TR", "US", "RU"),
                2, List.of("landdestroyer.blogspot.com", "www.globalresearch.ca")));
    }

    @Test
    void shouldWriteTheSearchJsonLineFieldsInSnakeCase() {
        SearchHit article = new SearchHit("a1", "T", "https://x.org/a1", "x.org", Instant.parse("2015-11-28T10:00:00Z"),
                "s1", List.of("terrorism"), List.of("SY"), null, null);

        assertThat(Json.mapper().valueToTree(article).toString()).isEqualTo("{\"id\":\"a1\",\"title\":\"T\","
                + "\"url\":\"https://x.org/a1\",\"site\":\"x.org\",\"published_at\":\"2015-11-28T10:00:00Z\","
                + "\"story_id\":\"s1\",\"topics\":[\"terrorism\"],\"countries\":[\"SY\"]}");
    }

    @Test
    void shouldRejectALimitOutOfRange() {
        assertThatThrownBy(() -> new SearchRequest("", null, null, null, null, null, null, 0))
                .hasMessage("limit must be from 1 to 1000, was 0");
        assertThatThrownBy(() -> new SearchRequest("", null, null, null, null, null, null, 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectATimeRangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new SearchRequest("", null, null, null, null,
                Instant.parse("2020-01-02T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"), 20))
                .hasMessageContaining("must not be after");
    }

    @Test
    void shouldSearchStoriesByDefault() {
        SearchRequest request = new SearchRequest(null, null, " ", null, null, null, null, 20);

        assertThat(request.kind()).isEqualTo(SearchRequest.Kind.STORIES);
        assertThat(request.query()).isEmpty();
        assertThat(request.topic()).isNull();
    }
}
