package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.Attribution;
import org.junit.jupiter.api.Test;

class AttributionExtractorTest {
    private static final String OWN = "https://www.globalresearch.ca/article/1";

    private static Attribution fromText(String text) {
        return AttributionExtractor.extract(OWN, text, text).orElseThrow();
    }

    @Test
    void shouldReadTheOriginalSourceLineOfGlobalResearch() {
        String html = "<p>Body.</p><p>The original source of this article is <a href=\"https://landdestroyer.blogspot.com/\">Land Destroyer</a></p>";

        Attribution a = AttributionExtractor.extract(OWN, html, "Body.\n\nThe original source of this article is Land Destroyer").orElseThrow();

        assertThat(a).isEqualTo(new Attribution("Land Destroyer", "https://landdestroyer.blogspot.com/"));
    }

    @Test
    void shouldReadOriginallyPublishedAt() {
        assertThat(fromText("Body.\nThis article was originally published at Consortium News.").name()).isEqualTo("Consortium News");
    }

    @Test
    void shouldReadFirstAppearedOnWithADomain() {
        assertThat(fromText("Body.\nThis piece first appeared on TomDispatch.com.")).isEqualTo(new Attribution("TomDispatch.com", "https://tomdispatch.com/"));
    }

    @Test
    void shouldReadRepublishedWithPermission() {
        assertThat(fromText("Republished with permission from The Conversation.").name()).isEqualTo("The Conversation");
    }

    @Test
    void shouldReadASourceLine() {
        assertThat(fromText("Body.\nSource: Reuters").name()).isEqualTo("Reuters");
    }

    @Test
    void shouldReadRelCanonicalPointingElsewhereAndIgnoreOneToItself() {
        String elsewhere = "<link rel=\"canonical\" href=\"https://original.example/story\"><p>Body</p>";
        String itself = "<link rel=\"canonical\" href=\"" + OWN + "\"><p>Body</p>";

        assertThat(AttributionExtractor.extract(OWN, elsewhere, "Body")).contains(new Attribution("", "https://original.example/story"));
        assertThat(AttributionExtractor.extract(OWN, itself, "Body")).isEmpty();
    }

    @Test
    void shouldFindNothingInAnOrdinaryArticle() {
        assertThat(AttributionExtractor.extract(OWN, "<p>Turkey shot down a Russian jet.</p>", "Turkey shot down a Russian jet.")).isEmpty();
    }

    @Test
    void shouldTellWhichCopyAnAttributionPointsTo() {
        Attribution landDestroyer = new Attribution("Land Destroyer", "");

        assertThat(AttributionExtractor.pointsTo(landDestroyer, "https://landdestroyer.blogspot.com/x", "landdestroyer.blogspot.com")).isTrue();
        assertThat(AttributionExtractor.pointsTo(landDestroyer, "https://www.globalresearch.ca/x", "globalresearch.ca")).isFalse();
        assertThat(AttributionExtractor.pointsTo(new Attribution("", "https://o.example/a"), "https://o.example/a", "o.example")).isTrue();
    }
}
