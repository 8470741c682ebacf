package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryCommandTest {
    private static final Map<String, Object> LAND_DESTROYER = Map.of("article_id", "a-ld", "site", "landdestroyer.blogspot.com",
            "url", "https://landdestroyer.blogspot.com/2015/11/nato.html", "published_at", "2015-11-28T10:00:00Z", "similarity", 1.0,
            "joined", Map.of("matched_article_id", "", "jaccard", 1.0, "containment", 1.0, "canonical_by_attribution", true));
    private static final Map<String, Object> GLOBAL_RESEARCH = Map.of("article_id", "a-gr", "site", "www.globalresearch.ca",
            "url", "https://www.globalresearch.ca/nato/5492219", "published_at", "2015-11-28T18:00:00Z", "similarity", 0.71,
            "joined", Map.of("matched_article_id", "a-ld", "jaccard", 0.71, "containment", 0.97, "canonical_by_attribution", true,
                    "rule", "copy"));

    @Test
    void shouldShowTheCanonicalCopyThenEveryCopyWithSiteDateUrlAndWhyItJoined() {
        Map<String, Object> story = Map.of("id", "s-1", "revision", 2, "title", "NATO's Terrorist Hordes in Syria",
                "topics", List.of(Map.of("code", "medtop:16000000", "label", "conflict, war and peace", "score", 0.8)),
                "countries", List.of("SY", "TR"), "language", "en", "canonical", LAND_DESTROYER,
                "copies", List.of(LAND_DESTROYER, GLOBAL_RESEARCH));
        StringWriter text = new StringWriter();

        StoryCommand.print(new PrintWriter(text, true), story);

        assertThat(text.toString()).contains("Story s-1 (revision 2, 2 copies)", "NATO's Terrorist Hordes in Syria",
                "Topics: conflict, war and peace", "Countries: SY, TR",
                "Canonical: landdestroyer.blogspot.com  2015-11-28  https://landdestroyer.blogspot.com/2015/11/nato.html");
        assertThat(text.toString().lines().filter(l -> l.startsWith("www.globalresearch.ca")).findFirst().orElseThrow())
                .contains("2015-11-28", "matched a-ld as copy, containment 0.97, jaccard 0.71", "https://www.globalresearch.ca/nato/5492219");
        assertThat(text.toString().lines().filter(l -> l.startsWith("landdestroyer")).findFirst().orElseThrow())
                .contains("canonical (by attribution)");
    }

    @Test
    void shouldSayHowManyCopiesAStoryHasWhenItListsOnlyTheFirst() {
        Map<String, Object> story = Map.of("id", "s-1", "revision", 260, "title", "t", "canonical", LAND_DESTROYER,
                "copies", List.of(LAND_DESTROYER, GLOBAL_RESEARCH), "copy_count", 250);
        StringWriter text = new StringWriter();

        StoryCommand.print(new PrintWriter(text, true), story);

        assertThat(text.toString()).startsWith("Story s-1 (revision 260, 250 copies, the first 2 listed)");
    }

    @Test
    void shouldFallBackToTheSimilarityWhenTheStoryDoesNotRecordHowACopyJoined() {
        Map<String, Object> copy = Map.of("article_id", "a2", "site", "x.org", "similarity", 0.9);

        assertThat(StoryCommand.why(copy, "a1")).isEqualTo("similarity 0.90");
        assertThat(StoryCommand.why(Map.of("article_id", "a1"), "a1")).isEqualTo("canonical");
    }
}
