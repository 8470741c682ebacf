package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped tagger on the held-out halves of the two labelled sets of {@code shared/data/topics}
 * (see {@link TopicEvaluation} for the split), when they are on this machine. The floors sit a little
 * under the figures measured for docs/tagging-quality.md, so a change that costs quality fails here;
 * the reports go to {@code target/topic-quality/}.
 */
class TopicQualityTest {
    private static Path topics() {
        Path topics = TopicEvaluation.sharedTopics().orElse(null);
        assumeTrue(topics != null, "the shared labelled news sets are not on this machine");
        return topics;
    }

    private static TopicEvaluation.Result heldOut(String file, Map<String, String> mapping) throws IOException {
        TopicEvaluation.Result result = TopicEvaluation.evaluate(TopicTagger.defaults(), topics().resolve(file), mapping,
                TopicEvaluation.half(true));
        Path out = Path.of("target/topic-quality");
        Files.createDirectories(out);
        Files.writeString(out.resolve(file.replace(".jsonl", ".held-out.txt")), result.report());
        return result;
    }

    @Test
    void shouldReachTheMeasuredMacroF1OnTheHeldOutHalfOfBbcNews() throws IOException {
        TopicEvaluation.Result bbc = heldOut("bbc-news-2225.jsonl", TopicEvaluation.BBC);

        assertThat(bbc.articles()).isBetween(1000, 1200);
        assertThat(bbc.macroF1()).isGreaterThanOrEqualTo(BBC_FLOOR);
    }

    @Test
    void shouldReachTheMeasuredMacroF1OnTheHeldOutHalfOfAgNews() throws IOException {
        TopicEvaluation.Result ag = heldOut("ag-news-test-7600.jsonl", TopicEvaluation.AG_NEWS);

        assertThat(ag.articles()).isBetween(3600, 4000);
        assertThat(ag.macroF1()).isGreaterThanOrEqualTo(AG_FLOOR);
    }

    @Test
    void shouldReachTheMeasuredMacroF1OnSportsBusinessAndSciTechOfTheHeldOutHalfOfAgNews() throws IOException {
        TopicEvaluation.Result ag = TopicEvaluation.evaluate(TopicTagger.defaults(), topics().resolve("ag-news-test-7600.jsonl"),
                TopicEvaluation.AG_NEWS_3, TopicEvaluation.half(true));

        assertThat(ag.articles()).isBetween(2700, 3000);
        assertThat(ag.macroF1()).isGreaterThanOrEqualTo(AG_3_FLOOR);
    }

    /** Measured 0.9382 with the shipped model (fourth round's model 0.9368, rules alone 0.9384; docs/tagging-quality.md, fifth round). */
    private static final double BBC_FLOOR = 0.935;
    /** Measured 0.7265 with World as politics (rules alone 0.7259). */
    private static final double AG_FLOOR = 0.72;
    /** Measured 0.8237 (0.8238 before session 8 summed the model's features in another order; rules alone 0.8267). */
    private static final double AG_3_FLOOR = 0.82;
}
