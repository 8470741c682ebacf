package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void shouldCutAtEveryCharacterThatIsNoLetterOrDigit() {
        Tokens t = Tokens.of("US-Turkey edging up to Côte d'Ivoire's border, 100 km.");

        assertThat(t.size()).isEqualTo(12);
        assertThat(t.text(0)).isEqualTo("US");
        assertThat(t.text(1)).isEqualTo("Turkey");
        assertThat(t.text(5)).isEqualTo("Côte");
        assertThat(t.text(6)).isEqualTo("d");
        assertThat(t.text(7)).isEqualTo("Ivoire");
    }

    @Test
    void shouldTellWhatSeparatesTokens() {
        Tokens t = Tokens.of("Atlanta, Georgia. Michael Jordan said: yes");

        assertThat(t.sentenceStart(0)).isTrue();
        assertThat(t.gapBefore(1)).isEqualTo(Tokens.COMMA);
        assertThat(t.gapBefore(2)).isEqualTo(Tokens.STOP);
        assertThat(t.gapBefore(3)).isEqualTo(Tokens.SPACE);
        assertThat(t.gapBefore(5)).isEqualTo(Tokens.STOP);
    }

    @Test
    void shouldNotEndSentencesAtAbbreviations() {
        Tokens t = Tokens.of("The U.S. envoy flew to St. Petersburg");

        assertThat(t.text(1)).isEqualTo("U");
        assertThat(t.gapBefore(2)).isEqualTo(Tokens.OTHER);
        assertThat(t.gapBefore(3)).isEqualTo(Tokens.OTHER);
        assertThat(t.gapBefore(7)).isEqualTo(Tokens.OTHER);
    }

    @Test
    void shouldRecogniseTitleCaseHeadlines() {
        assertThat(Tokens.of("Protests Grip Jordan As Prices Rise").titleCased()).isTrue();
        assertThat(Tokens.of("IN-DEPTH REPORT: SYRIA AND TURKEY").titleCased()).isTrue();
        assertThat(Tokens.of("Protests grip Jordan as prices rise across the kingdom").titleCased()).isFalse();
    }

    @Test
    void shouldFoldAccentsAndCapitals() {
        assertThat(Tokens.fold("Bogotá")).isEqualTo("Bogota");
        assertThat(Tokens.fold("İzmir")).isEqualTo("Izmir");
        assertThat(Tokens.fold("Syria")).isSameAs("Syria");
        assertThat(Tokens.titleCase("SYRIA")).isEqualTo("Syria");
    }
}
