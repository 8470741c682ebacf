package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.model.TopicTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void shouldUseOnlyActiveCodesOfTheSharedIptcVocabularyWithItsLabels() throws IOException {
        Path topics = TopicEvaluation.sharedTopics().orElse(null);
        assumeTrue(topics != null, "the shared IPTC vocabulary is not on this machine");
        Map<String, JsonNode> iptc = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(topics.resolve("iptc-mediatopic-2023-10-24.jsonl"))) {
            JsonNode concept = json.readTree(line);
            iptc.put(concept.get("qcode").asText(), concept);
        }
        Taxonomy taxonomy = TopicTagger.shippedTaxonomy();

        for (int i = 0; i < taxonomy.codes.length; i++) {
            JsonNode concept = iptc.get(taxonomy.codes[i]);
            assertThat(concept).as(taxonomy.codes[i]).isNotNull();
            assertThat(concept.get("retired").isNull()).as(taxonomy.codes[i] + " is active").isTrue();
            assertThat(taxonomy.labels[i]).isEqualTo(concept.get("label_en_gb").asText());
        }
    }

    @Test
    void shouldCoverTheTopLevelTopicsAndTheSubtopicsNewsMonitoringNeeds() {
        List<String> codes = Arrays.asList(TopicTagger.shippedTaxonomy().codes);

        assertThat(codes.stream().filter(c -> Vocabulary.shipped().get(c).level() == 1)).hasSize(17);
        assertThat(codes).contains(
                "medtop:20000056", // armed conflict
                "medtop:20000053", // act of terror
                "medtop:20000638", // international relations
                "medtop:20000574", // election
                "medtop:20000593", // government
                "medtop:20000082", // crime
                "medtop:20000344", // economy
                "medtop:20000385", // market and exchange
                "medtop:20000256", // energy and resource
                "medtop:20000446", // disease and condition
                "medtop:20000148", // disaster
                "medtop:20000418", // climate change
                "medtop:20000756", // technology and engineering
                "medtop:20000822", // competition discipline (sport)
                "medtop:20000045"); // mass media
    }

    @Test
    void shouldLetAUserAddATopicWithoutCode() throws IOException {
        Path file = file("""
                topics:
                  - code: medtop:20000257   # renewable energy
                    phrases: {solar panel: 3, heat pump: 3}
                    negative: {solar eclipse: 3}
                    hints: [renewables]
                """);
        TopicTagger tagger = TopicTagger.load(file, null);

        List<TopicTag> tags = tagger.topics("Heat pumps", "Heat pumps and solar panels on every roof, said the heat pump maker.", List.of());

        assertThat(tags).extracting(TopicTag::code).contains("medtop:20000257", "medtop:04000000");
        assertThat(tags).filteredOn(t -> t.code().equals("medtop:20000257")).first()
                .extracting(TopicTag::label).isEqualTo("renewable energy");
        assertThat(tagger.hintTopics("Renewables")).containsExactly("medtop:20000257");
    }

    @Test
    void shouldNameFileAndLineOfMalformedYaml() throws IOException {
        Path file = file("topics:\n  - code: medtop:16000000\n    phrases: {war: 3\n");

        assertThatThrownBy(() -> TopicTagger.load(file, null))
                .isInstanceOf(TagFileException.class)
                .hasMessageStartingWith(file + ": line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void shouldNameTheTopicOfAnUnknownCode() throws IOException {
        Path file = file("topics:\n  - code: medtop:16000000\n  - code: medtop:99999999\n    phrases: {war: 3}\n");

        assertThatThrownBy(() -> TopicTagger.load(file, null))
                .isInstanceOf(TagFileException.class)
                .hasMessage(file + ": topics[1] (medtop:99999999): code is not an active IPTC Media Topic");
    }

    @Test
    void shouldRefuseARetiredCode() throws IOException {
        Path file = file("topics:\n  - code: medtop:20000564\n    phrases: {terror: 3}\n");

        assertThatThrownBy(() -> TopicTagger.load(file, null)).hasMessageContaining("topics[0] (medtop:20000564): code is not an active");
    }

    @Test
    void shouldNameThePhraseOfABadWeight() throws IOException {
        Path file = file("topics:\n  - code: medtop:16000000\n    phrases: {war: 3, battle: -1}\n");

        assertThatThrownBy(() -> TopicTagger.load(file, null))
                .hasMessage(file + ": topics[0] (medtop:16000000).phrases 'battle': weight must be a number above 0, got -1.0");
    }

    @Test
    void shouldNameTheFieldOfAWeightThatIsNotANumber() throws IOException {
        Path file = file("topics:\n  - code: medtop:16000000\n    phrases: {war: lots}\n");

        assertThatThrownBy(() -> TopicTagger.load(file, null))
                .hasMessageStartingWith(file + ": line 3: topics[0].phrases[\"war\"]:".replace("[\"war\"]", ".war"));
    }

    @Test
    void shouldNameAnUnknownField() throws IOException {
        Path file = file("topics:\n  - code: medtop:16000000\n    phrase: {war: 3}\n");

        assertThatThrownBy(() -> TopicTagger.load(file, null))
                .hasMessageStartingWith(file + ": line ")
                .hasMessageContaining(": topics[0].phrase: ")
                .hasMessageContaining("Unrecognized field \"phrase\"");
    }

    @Test
    void shouldRefuseADuplicatePhraseAndAMissingFile() throws IOException {
        Path file = file("topics:\n  - code: medtop:16000000\n    phrases: {war: 3, war: 2}\n");

        assertThatThrownBy(() -> TopicTagger.load(file, null)).hasMessageContaining("line 3").hasMessageContaining("Duplicate field 'war'");
        assertThatThrownBy(() -> TopicTagger.load(dir.resolve("missing.yaml"), null))
                .hasMessage("No such taxonomy file: " + dir.resolve("missing.yaml"));
    }
}
