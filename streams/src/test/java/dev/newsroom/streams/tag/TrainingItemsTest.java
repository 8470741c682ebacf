package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hand-labelled training set of the shipped topic model (docs/tagging-quality.md) is disjoint
 * from the evaluation set, by id, by url and by title, and labelled like it.
 */
class TrainingItemsTest {
    static final String RESOURCE = "/tagging/feed-items-train.jsonl";

    private final List<JsonNode> rows = rows();

    @Test
    void shouldShareNoItemWithTheEvaluationSet() {
        List<JsonNode> evaluation = LabelledItems.rows();
        Set<String> ids = evaluation.stream().map(r -> r.required("id").asText()).collect(Collectors.toSet());
        Set<String> urls = evaluation.stream().map(r -> r.path("url").asText()).filter(u -> !u.isEmpty()).collect(Collectors.toSet());
        Set<String> titles = evaluation.stream().map(r -> normal(r.required("title").asText())).collect(Collectors.toSet());
        assertThat(rows).allSatisfy(row -> {
            assertThat(ids).as(row.toString()).doesNotContain(row.required("id").asText());
            assertThat(urls).as(row.toString()).doesNotContain(row.path("url").asText());
            assertThat(titles).as(row.toString()).doesNotContain(normal(row.required("title").asText()));
        });
    }

    @Test
    void shouldHoldAtLeast300ItemsWithShortExcerptsAndOneToThreeActiveTopLevelTopics() {
        Vocabulary vocabulary = Vocabulary.shipped();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        assertThat(rows.stream().map(r -> r.required("id").asText()).distinct().count()).isEqualTo(rows.size());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.required("title").asText()).as(row.toString()).isNotBlank();
            assertThat(row.path("text").asText("").length()).as(row.toString()).isLessThanOrEqualTo(700);
            List<String> topics = new ArrayList<>();
            row.required("topics").forEach(t -> topics.add(t.asText()));
            assertThat(topics).as(row.toString()).hasSizeBetween(1, 3).doesNotHaveDuplicates()
                    .allSatisfy(code -> assertThat(vocabulary.get(code)).as(code).isNotNull()
                            .satisfies(concept -> assertThat(concept.level()).isEqualTo(1)));
        });
    }

    @Test
    void shouldBeReadableByTopicTrainingWithEveryLineLabelled() {
        Path file = Path.of("src/test/resources" + RESOURCE);
        TopicTraining.Data data = TopicTraining.read(file, TopicTagger.load(
                Path.of("src/main/resources/dev/newsroom/streams/tag/taxonomy.yaml"), null));
        assertThat(data.labelled()).isEqualTo(rows.size());
        assertThat(data.weaklyLabelled()).isZero();
    }

    @Test
    void shouldShipTheModelWithTheDefaultsAndKeepAUsersTaxonomyWithoutAModelRulesOnly() {
        assertThat(TopicTagger.defaults().hasModel()).isTrue();
        assertThat(TopicTagger.load(Path.of("src/main/resources/dev/newsroom/streams/tag/taxonomy.yaml"), null).hasModel()).isFalse();
    }

    private static String normal(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static List<JsonNode> rows() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = TrainingItemsTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<JsonNode> out = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
