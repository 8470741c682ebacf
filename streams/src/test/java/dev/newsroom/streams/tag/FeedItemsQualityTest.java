package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.TopicTag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole tagger on the hand-labelled real feed items (docs/tagging-labels.md), which nothing was
 * trained or tuned on: multi-label topic F1 of the top three tags (at the top level), country
 * precision and recall, language accuracy. The shipped topic model was trained on other items of the
 * same feeds and of other feed files (TrainingItemsTest keeps the two sets apart). Rules may be tuned reading the tuning half only (CRC-32 of
 * the id even, as {@link TopicEvaluation#heldOut}); the held-out half is reported apart. Figures go to {@code target/tagging-quality/feed-items.txt}
 * and docs/tagging-quality.md; the floors sit just under them.
 */
class FeedItemsQualityTest {
    private static final int TOP = 3;
    private static Counts topics;
    private static Counts countries;
    private static Counts heldOutTopics;
    private static Counts tuningTopics;
    private static int languageRight;
    private static int items;
    private static StringBuilder misses;

    /** True positives, predicted and gold counts of one measure, micro-averaged over the items. */
    private static final class Counts {
        int truePositives;
        int predicted;
        int gold;

        void add(Set<String> predictedSet, Set<String> goldSet) {
            Set<String> both = new HashSet<>(predictedSet);
            both.retainAll(goldSet);
            truePositives += both.size();
            predicted += predictedSet.size();
            gold += goldSet.size();
        }

        double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%s: precision %.3f, recall %.3f, F1 %.3f (%d correct, %d predicted, %d labelled)",
                    name, precision(), recall(), f1(), truePositives, predicted, gold);
        }
    }

    @BeforeAll
    static void measure() throws IOException {
        Tagger tagger = Tagger.defaults();
        Vocabulary vocabulary = Vocabulary.shipped();
        topics = new Counts();
        countries = new Counts();
        heldOutTopics = new Counts();
        tuningTopics = new Counts();
        misses = new StringBuilder();
        List<LabelledItem> labelled = LabelledItems.load();
        for (LabelledItem item : labelled) {
            Tagger.Tags tags = tagger.tag(item.title(), item.text(), item.categories(), "");
            Set<String> topLevel = new LinkedHashSet<>();
            for (TopicTag t : tags.topics().subList(0, Math.min(TOP, tags.topics().size()))) {
                topLevel.add(vocabulary.topLevel(t.code()));
            }
            topics.add(topLevel, new HashSet<>(item.topics()));
            (TopicEvaluation.heldOut(item.id()) ? heldOutTopics : tuningTopics).add(topLevel, new HashSet<>(item.topics()));
            countries.add(new HashSet<>(tags.countries()), new HashSet<>(item.countries()));
            if (tags.language().equals(item.language())) {
                languageRight++;
            }
            if (!new HashSet<>(tags.countries()).equals(new HashSet<>(item.countries())) || !topLevel.equals(new HashSet<>(item.topics()))) {
                misses.append(item.id()).append('\t').append(item.title()).append("\n\ttopics ").append(topLevel)
                        .append(" gold ").append(item.topics()).append("\n\tcountries ").append(tags.countries())
                        .append(" gold ").append(item.countries()).append('\n');
            }
        }
        items = labelled.size();
        Path report = Path.of("target", "tagging-quality");
        Files.createDirectories(report);
        Files.writeString(report.resolve("feed-items.txt"), String.join("\n",
                items + " hand-labelled feed items",
                topics.line("topics (top-level of the top " + TOP + " tags)"),
                tuningTopics.line("  tuning half"),
                heldOutTopics.line("  held-out half"),
                countries.line("countries"),
                String.format(Locale.ROOT, "language: %d of %d right (%.3f)", languageRight, items, (double) languageRight / items),
                "", "Items where topics or countries differ from the labels:", misses.toString()), StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindTheLabelledTopicsAmongTheTopThree() {
        assertThat(topics.f1()).as(topics.line("topics")).isGreaterThanOrEqualTo(0.78);
        assertThat(heldOutTopics.f1()).as(heldOutTopics.line("topics, held-out half")).isGreaterThanOrEqualTo(0.73);
    }

    @Test
    void shouldFindTheLabelledCountries() {
        assertThat(countries.precision()).as(countries.line("countries")).isGreaterThanOrEqualTo(0.95);
        assertThat(countries.recall()).as(countries.line("countries")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldTellTheLanguage() {
        assertThat((double) languageRight / items).isGreaterThanOrEqualTo(0.98);
    }
}
