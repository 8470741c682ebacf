package dev.newsroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.indexer.internal.Documents.ArticleDocument;
import dev.newsroom.indexer.internal.Documents.FeedStatusDocument;
import dev.newsroom.indexer.internal.Documents.StoryDocument;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IndexTemplatesTest {
    private static final IndexNames NAMES = IndexNames.defaults();

    /** The templates are a contract with Kibana and with existing indices: a change must show in review. */
    @ParameterizedTest
    @ValueSource(strings = {"news-stories", "news-articles", "news-feed-status"})
    void shouldMatchTheReviewedTemplate(String index) throws IOException {
        ObjectNode template = IndexTemplates.templates(NAMES, TextAnalyzer.ENGLISH, 1, 0).get(index);

        try (InputStream expected = getClass().getResourceAsStream("/templates/" + index + ".json")) {
            assertThat(template).isEqualTo(Json.mapper().readTree(expected));
        }
    }

    @Test
    void shouldMatchTheConcreteIndicesBehindEachAliasSoThatAPrefixedSetGetsItsOwnTemplates() {
        Map<String, ObjectNode> templates = IndexTemplates.templates(IndexNames.withPrefix("t1-"), TextAnalyzer.STANDARD, 1, 0);

        assertThat(templates).containsOnlyKeys("t1-news-stories", "t1-news-articles", "t1-news-feed-status");
        templates.forEach((name, body) ->
                assertThat(body.get("index_patterns").toString()).isEqualTo("[\"" + name + "-*\"]"));
    }

    @Test
    void shouldUseTheChosenAnalyzerForEveryTextField() {
        Map<String, ObjectNode> templates = IndexTemplates.templates(NAMES, TextAnalyzer.STANDARD, 1, 0);

        List<String> analyzers = new ArrayList<>();
        templates.get("news-stories").findValues("analyzer").forEach(a -> analyzers.add(a.asText()));
        templates.get("news-articles").findValues("analyzer").forEach(a -> analyzers.add(a.asText()));
        // stories: title, text, canonical.title; articles: title, text (a story's copies are not indexed)
        assertThat(analyzers).hasSize(5).containsOnly("standard");
    }

    @Test
    void shouldKeepAStorysCopiesInItsSourceWithoutIndexingThem() {
        JsonNode copies = IndexTemplates.templates(NAMES, TextAnalyzer.ENGLISH, 1, 0).get("news-stories")
                .at("/template/mappings/properties/copies");

        assertThat(copies.get("enabled").asBoolean(true)).isFalse();
        assertThat(copies.has("properties")).isFalse();
    }

    @Test
    void shouldPutShardsAndReplicasInTheSettings() {
        ObjectNode template = IndexTemplates.templates(NAMES, TextAnalyzer.ENGLISH, 3, 2).get("news-articles");

        JsonNode index = template.at("/template/settings/index");
        assertThat(index.get("number_of_shards").asInt()).isEqualTo(3);
        assertThat(index.get("number_of_replicas").asInt()).isEqualTo(2);
    }

    @Test
    void shouldBeStrictSoThatAnUnmappedFieldIsAnErrorNotAGuess() {
        IndexTemplates.templates(NAMES, TextAnalyzer.ENGLISH, 1, 0).values().forEach(t ->
                assertThat(t.at("/template/mappings/dynamic").asText()).isEqualTo("strict"));
    }

    /** The mappings are strict, so a document field the mapping lacks would send every document to the DLQ. */
    @Test
    void shouldMapEveryFieldTheIndexerWrites() {
        Map<String, ObjectNode> templates = IndexTemplates.templates(NAMES, TextAnalyzer.ENGLISH, 1, 0);

        assertMapsEveryField(templates.get("news-stories"), StoryDocument.of(TestData.story("s1", 1, "A title")));
        assertMapsEveryField(templates.get("news-articles"),
                ArticleDocument.of(TestData.article("a1", "s1", "example.org", "A title", "Some text")));
        assertMapsEveryField(templates.get("news-feed-status"),
                FeedStatusDocument.of(TestData.feedStatus("f1", TestData.FETCHED)));
    }

    private static void assertMapsEveryField(ObjectNode template, Object document) {
        JsonNode json = Json.mapper().valueToTree(document);
        List<String> unmapped = new ArrayList<>();
        collectUnmapped(json, template.at("/template/mappings/properties"), "", unmapped);
        assertThat(unmapped).as("fields of %s missing from the mapping", document.getClass().getSimpleName()).isEmpty();
    }

    private static void collectUnmapped(JsonNode value, JsonNode properties, String path, List<String> unmapped) {
        if (value.isArray()) {
            value.forEach(v -> collectUnmapped(v, properties, path, unmapped));
            return;
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode mapping = properties.get(field.getKey());
            if (mapping == null) {
                unmapped.add(path + field.getKey());
            } else if (field.getValue().isObject() || field.getValue().isArray()) {
                JsonNode nested = mapping.get("properties");
                if (nested != null) {
                    collectUnmapped(field.getValue(), nested, path + field.getKey() + ".", unmapped);
                }
            }
        }
    }
}
