package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.streams.DedupParameters;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoilerplateTest {
    private final Boilerplate boilerplate = new Boilerplate(DedupParameters.DEFAULT_PATTERNS);

    @Test
    void shouldDropLinesMatchingTheDefaultPatterns() {
        String text = "Region: Middle East & North Africa\nTurkey shot down a Russian jet.\nShare this article\nCopyright © Tony Cartalucci, 2015";

        assertThat(boilerplate.fingerprintLines("x.org", text, key -> false).text()).isEqualTo("Turkey shot down a Russian jet.");
    }

    @Test
    void shouldGiveTheWordsOfTheKeptTextAsSplittingItWould() {
        String footer = "Become a Member of Global Research";
        Set<String> learned = Boilerplate.learnableLineKeys("globalresearch.ca", footer);
        String text = "ΑΘΗΝΑ: Η ΟΔΟΣ\nErdoğan’s “red line” — Ünïcödé, e\u0301te\u0301\nShare this article\n" + footer + "\n\n1,200 km; 3.5%";

        Boilerplate.Kept kept = boilerplate.fingerprintLines("globalresearch.ca", text, learned::contains);

        assertThat(kept.text()).doesNotContain(footer).doesNotContain("Share").contains("Erdoğan");
        assertThat(kept.words()).isEqualTo(MinHasher.words(kept.text())).contains("erdogan", "ete", "οδος");
        Boilerplate.Kept all = boilerplate.fingerprintLines("x.org", footer, key -> true);
        assertThat(all.text()).isEqualTo(footer);
        assertThat(all.words()).isEqualTo(MinHasher.words(footer));
    }

    @Test
    void shouldDropLinesLearnedAsTheSitesBoilerplate() {
        String footer = "Become a Member of Global Research";
        Set<String> learned = Boilerplate.learnableLineKeys("globalresearch.ca", footer);

        String kept = boilerplate.fingerprintLines("globalresearch.ca", "The article.\n" + footer, learned::contains).text();

        assertThat(kept).isEqualTo("The article.");
        assertThat(boilerplate.fingerprintLines("other.org", "The article.\n" + footer, learned::contains).text()).contains(footer);
    }

    @Test
    void shouldNeverLearnALongParagraph() {
        String paragraph = "word ".repeat(Boilerplate.MAX_LEARNED_WORDS + 1);

        assertThat(Boilerplate.learnableLineKeys("x.org", paragraph + "\nShort line")).as("the short line, for its site and across sites")
                .hasSize(2);
    }

    @Test
    void shouldDropAShortLineLearnedAcrossTheSitesOfANetwork() {
        String widget = "Enter City and State or Zip Code";
        Set<String> learned = Boilerplate.learnableLineKeys("nola.com", widget);

        String kept = boilerplate.fingerprintLines("syracuse.com", "Trump meets Putin in Helsinki\n" + widget + "\nThe article.", learned::contains)
                .text();

        assertThat(kept).isEqualTo("Trump meets Putin in Helsinki\nThe article.");
    }

    @Test
    void shouldKeepTheHeadlineThatManyCopiesShare() {
        String headline = "Trump sets expectations low for Helsinki summit";
        Set<String> learned = Boilerplate.learnableLineKeys("nytimes.com", headline);

        String kept = boilerplate.fingerprintLines("newsmax.com", headline + "\nThe article.", learned::contains).text();

        assertThat(kept).isEqualTo(headline + "\nThe article.");
        assertThat(MinHasher.headline(kept)).isEqualTo("trump sets expectations low for helsinki summit");
    }

    @Test
    void shouldTakeConfiguredPatterns() {
        Boilerplate custom = new Boilerplate(List.of(Pattern.compile("^Sponsored:")));

        assertThat(custom.fingerprintLines("x.org", "Sponsored: buy\nNews.", key -> false).text()).isEqualTo("News.");
    }

    @Test
    void shouldFingerprintTheWholeTextWhenEveryLineIsLearnedBoilerplate() {
        String text = "Trump meets Putin in Helsinki.\nThe summit lasted two hours.";

        assertThat(boilerplate.fingerprintLines("nytimes.com", text, key -> true).text()).isEqualTo(text);
    }

    @Test
    void shouldEndTheArticleAtAHeadingThatIntroducesAnotherStory() {
        String article = "Trump declares good start to Putin summit in Finland\n"
                + "HELSINKI - President Donald Trump says he and Russian President Vladimir Putin have had a good start to their summit.\n"
                + "Trump is calling his meeting with Putin a good start, a very good start for everybody, as the two leaders and their "
                + "top advisers sat across the table from each other for a working lunch after meeting one on one for two hours.";
        String previous = "Previous story:\nTrump told Putin on Monday that he hopes their two countries can have an extraordinary relationship.";

        assertThat(boilerplate.fingerprintLines("click2houston.com", article + "\n" + previous, key -> false).text()).isEqualTo(article);
        String link = "Next story:\nA short teaser line.\n";
        assertThat(boilerplate.fingerprintLines("x.org", link + article, key -> false).text())
                .as("a link above the article, before 50 words of it, does not end it").endsWith(article).contains("Next story:");
    }

    @Test
    void shouldSplitAPageOnceIntoTheTitlesLinesAndTheTexts() {
        String[][] cases = {{"Headline", "Share this article\nBecome a Member of Global Research\n\nThe body."},
                {"Two-line\nheadline", "\nBody after a blank line\n\n"}, {"", "Only text"}, {"Only a title", ""}, {"", ""}};
        for (String[] c : cases) {
            Boilerplate.Page page = Boilerplate.page("x.org", c[0], c[1]);
            String joined = c[0] + "\n" + c[1];

            assertThat(Boilerplate.learnableLineKeys(page.textLines())).as("learned from %s", c[1])
                    .isEqualTo(Boilerplate.learnableLineKeys("x.org", c[1]));
            assertThat(page.lines()).as("lines of %s", joined).extracting(Boilerplate.Line::text).containsExactly(joined.split("\n"));
        }
    }
}
