package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.indexer.SearchRequest;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.serde.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchQueriesTest {
    private static final IndexNames INDICES = IndexNames.defaults();

    @Test
    void shouldListEverythingNewestFirstWhenThereAreNoWords() throws Exception {
        co.elastic.clients.elasticsearch.core.SearchRequest request = SearchQueries.build(SearchRequest.of(""), INDICES);
        JsonNode body = json(request);

        assertThat(request.index()).containsExactly("news-stories");
        assertThat(body.at("/query/bool/must/0").has("match_all")).isTrue();
        assertThat(body.at("/query/bool/filter").size()).isZero();
        assertThat(body.at("/sort").toString()).isEqualTo("[{\"published_at\":{\"missing\":\"_last\",\"order\":\"desc\"}}]");
        assertThat(body.at("/size").asInt()).isEqualTo(20);
    }

    @Test
    void shouldMatchEveryWordInTitleWeightedTwiceAndText() throws Exception {
        JsonNode body = json(SearchQueries.build(SearchRequest.of("syria turkey"), INDICES));

        JsonNode query = body.at("/query/bool/must/0/simple_query_string");
        assertThat(query.get("query").asText()).isEqualTo("syria turkey");
        assertThat(query.get("fields").toString()).isEqualTo("[\"title^2\",\"text\"]");
        assertThat(query.get("default_operator").asText()).isEqualTo("and");
        assertThat(body.at("/sort/0").has("_score")).isTrue();
    }

    @Test
    void shouldFilterByTopicCodeOrLabelCountrySiteAndTime() throws Exception {
        SearchRequest search = new SearchRequest("war", SearchRequest.Kind.ARTICLES, "terrorism", "sy", "www.globalresearch.ca",
                Instant.parse("2015-11-01T00:00:00Z"), Instant.parse("2015-12-01T00:00:00Z"), 5);

        co.elastic.clients.elasticsearch.core.SearchRequest request = SearchQueries.build(search, INDICES);
        JsonNode filters = json(request).at("/query/bool/filter");

        assertThat(request.index()).containsExactly("news-articles");
        assertThat(filters.get(0).at("/bool/should/0/term/topics.code/value").asText()).isEqualTo("terrorism");
        assertThat(filters.get(0).at("/bool/should/1/term/topics.label/value").asText()).isEqualTo("terrorism");
        assertThat(filters.get(0).at("/bool/minimum_should_match").asText()).isEqualTo("1");
        assertThat(filters.get(1).at("/term/countries/value").asText()).isEqualTo("sy");
        assertThat(filters.get(1).at("/term/countries/case_insensitive").asBoolean()).isTrue();
        assertThat(filters.get(2).at("/term/site/value").asText()).isEqualTo("www.globalresearch.ca");
        assertThat(filters.get(3).at("/range/published_at/gte").asText()).isEqualTo("2015-11-01T00:00:00Z");
        assertThat(filters.get(3).at("/range/published_at/lte").asText()).isEqualTo("2015-12-01T00:00:00Z");
    }

    @Test
    void shouldFilterStoriesByAnyCopysSite() throws Exception {
        SearchRequest search = new SearchRequest("", SearchRequest.Kind.STORIES, null, null, "www.globalresearch.ca", null, null, 20);

        JsonNode filters = json(SearchQueries.build(search, INDICES)).at("/query/bool/filter");

        assertThat(filters.get(0).at("/term/sites/value").asText()).isEqualTo("www.globalresearch.ca");
    }

    @Test
    void shouldFetchOnlyTheFieldsOfAHit() throws Exception {
        JsonNode body = json(SearchQueries.build(SearchRequest.of("x"), INDICES));

        assertThat(body.at("/_source/includes").toString()).doesNotContain("\"text\"").contains("\"title\"", "\"copy_count\"");
    }

    private static JsonNode json(co.elastic.clients.elasticsearch.core.SearchRequest request) throws Exception {
        return Json.mapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }
}
