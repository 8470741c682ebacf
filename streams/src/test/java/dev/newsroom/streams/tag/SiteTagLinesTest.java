package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.streams.tag.SiteTagLines.Kind;
import dev.newsroom.streams.tag.SiteTagLines.TagLine;
import org.junit.jupiter.api.Test;

class SiteTagLinesTest {

    @Test
    void shouldReadTheSeedsTagLines() {
        String text = "Global Research, November 28, 2015\nRegion: [Middle East & North Africa](#)\n"
                + "Theme: [Terrorism](#), [US NATO War Agenda](#)\nIn-depth Report: SYRIA\nUS demands Turkey to seal the border.";

        assertThat(SiteTagLines.find(text)).containsExactly(
                new TagLine(Kind.REGION, "Region", "Middle East & North Africa"),
                new TagLine(Kind.TOPIC, "Theme", "Terrorism"),
                new TagLine(Kind.TOPIC, "Theme", "US NATO War Agenda"),
                new TagLine(Kind.TOPIC, "In-depth Report", "SYRIA"));
        assertThat(SiteTagLines.find(text).get(3).keyword()).isEqualTo("In-depth Report: SYRIA");
    }

    @Test
    void shouldLeaveSentencesAndLongListsAlone() {
        String text = "The theme of the summit, he said, was trade: tariffs, quotas and more.\n"
                + "Tags: a, b, c, d, e, f, g, h, i, j, k, l, m, n\n"
                + "Topics: " + "x".repeat(300);

        assertThat(SiteTagLines.find(text)).isEmpty();
    }

    @Test
    void shouldSplitOnCommasSemicolonsAndBars() {
        assertThat(SiteTagLines.find("Filed under: Politics; Elections | Europe"))
                .extracting(TagLine::value).containsExactly("Politics", "Elections", "Europe");
    }
}
