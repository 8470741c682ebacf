package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hand-labelled feed items are well-formed enough to evaluate a tagger on. */
class LabelledItemsTest {
    private static final String VOCABULARY = "shared/data/topics/iptc-mediatopic-2023-10-24.jsonl";

    private final List<LabelledItem> items = LabelledItems.load();

    @Test
    void shouldHoldAtLeast150ItemsWithUniqueIdsShortExcerptsAndOneToThreeTopics() {
        assertThat(items).hasSizeGreaterThanOrEqualTo(150);
        assertThat(items.stream().map(LabelledItem::id).distinct().count()).isEqualTo(items.size());
        assertThat(items).allSatisfy(item -> {
            assertThat(item.title()).as(item.id()).isNotBlank();
            assertThat(item.text().length()).as(item.id()).isLessThanOrEqualTo(700);
            assertThat(item.topics()).as(item.id()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(item.countries()).as(item.id()).doesNotHaveDuplicates();
            assertThat(item.language()).as(item.id()).matches("[a-z]{2}");
        });
    }

    @Test
    void shouldComeFromAtLeastTwelveFeedsOfTheSharedCorpus() {
        Set<String> sources = LabelledItems.rows().stream().map(row -> row.required("source").asText()).collect(Collectors.toSet());
        assertThat(sources).hasSizeGreaterThanOrEqualTo(12);
        assertThat(sources).allMatch(source -> !source.startsWith("/") && !source.contains(".."));
    }

    @Test
    void shouldUseOnlyIsoAlpha2CountryCodes() {
        Set<String> iso = Set.of(Locale.getISOCountries());
        assertThat(items).allSatisfy(item -> assertThat(iso).as(item.id()).containsAll(item.countries()));
    }

    @Test
    void shouldUseOnlyActiveTopLevelTopicsAndActiveLevelTwoSubtopicsOfTheIptcVocabulary() throws IOException {
        Optional<Path> file = vocabulary();
        assumeTrue(file.isPresent(), "the shared IPTC vocabulary is not on this machine");
        Map<String, JsonNode> concepts = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<String> lines = Files.lines(file.get())) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode concept = json.readTree(line);
                concepts.put(concept.required("qcode").asText(), concept);
            }
        }
        Set<String> topLevel = active(concepts, 1);
        Set<String> levelTwo = active(concepts, 2);
        assertThat(topLevel).hasSize(17);
        assertThat(items).allSatisfy(item -> {
            assertThat(topLevel).as(item.id()).containsAll(item.topics());
            assertThat(levelTwo).as(item.id()).containsAll(item.subtopics());
            assertThat(item.subtopics()).as(item.id() + ": a subtopic's parent is among the topics")
                    .allMatch(code -> item.topics().contains(concepts.get(code).path("parent").asText()));
        });
    }

    private static Set<String> active(Map<String, JsonNode> concepts, int level) {
        Set<String> codes = new HashSet<>();
        concepts.forEach((code, concept) -> {
            if (concept.path("level").asInt() == level && concept.path("retired").isNull()) {
                codes.add(code);
            }
        });
        return codes;
    }

    private static Optional<Path> vocabulary() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(VOCABULARY);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
