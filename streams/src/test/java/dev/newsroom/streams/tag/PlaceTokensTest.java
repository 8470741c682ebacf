package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceTokensTest {
    @Test
    void shouldCutAtEveryCharacterThatIsNoLetterOrDigit() {
        PlaceTokens t = PlaceTokens.of("US-Turkey edging up to Côte d'Ivoire's border, 100 km.");

        assertThat(t.size()).isEqualTo(12);
        assertThat(t.text(0)).isEqualTo("US");
        assertThat(t.text(1)).isEqualTo("Turkey");
        assertThat(t.text(5)).isEqualTo("Côte");
        assertThat(t.text(6)).isEqualTo("d");
        assertThat(t.text(7)).isEqualTo("Ivoire");
    }

    @Test
    void shouldTellWhatSeparatesTokens() {
        PlaceTokens t = PlaceTokens.of("Atlanta, Georgia. Michael Jordan said: yes");

        assertThat(t.sentenceStart(0)).isTrue();
        assertThat(t.gapBefore(1)).isEqualTo(PlaceTokens.COMMA);
        assertThat(t.gapBefore(2)).isEqualTo(PlaceTokens.STOP);
        assertThat(t.gapBefore(3)).isEqualTo(PlaceTokens.SPACE);
        assertThat(t.gapBefore(5)).isEqualTo(PlaceTokens.STOP);
    }

    @Test
    void shouldNotEndSentencesAtAbbreviations() {
        PlaceTokens t = PlaceTokens.of("The U.S. envoy flew to St. Petersburg");

        assertThat(t.text(1)).isEqualTo("U");
        assertThat(t.gapBefore(2)).isEqualTo(PlaceTokens.OTHER);
        assertThat(t.gapBefore(3)).isEqualTo(PlaceTokens.OTHER);
        assertThat(t.gapBefore(7)).isEqualTo(PlaceTokens.OTHER);
    }

    @Test
    void shouldRecogniseTitleCaseHeadlines() {
        assertThat(PlaceTokens.of("Protests Grip Jordan As Prices Rise").titleCased()).isTrue();
        assertThat(PlaceTokens.of("IN-DEPTH REPORT: SYRIA AND TURKEY").titleCased()).isTrue();
        assertThat(PlaceTokens.of("Protests grip Jordan as prices rise across the kingdom").titleCased()).isFalse();
    }

    @Test
    void shouldFoldAccentsAndCapitals() {
        assertThat(PlaceTokens.fold("Bogotá")).isEqualTo("Bogota");
        assertThat(PlaceTokens.fold("İzmir")).isEqualTo("Izmir");
        assertThat(PlaceTokens.fold("Syria")).isSameAs("Syria");
        assertThat(PlaceTokens.titleCase("SYRIA")).isEqualTo("Syria");
    }
}
