package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    @Test
    void shouldKeepParagraphsAsBlankLineSeparatedText() {
        String html = "<p>Turkey shot down a Russian jet.</p><p>The US  backed\n the move.</p>";

        assertThat(ArticleCleaner.text(html)).isEqualTo("Turkey shot down a Russian jet.\n\nThe US backed the move.");
    }

    @Test
    void shouldDropScriptsStylesAndShareWidgets() {
        String html = "<div>Body<script>track()</script><style>p{}</style><nav>Share on Facebook</nav></div>";

        assertThat(ArticleCleaner.text(html)).isEqualTo("Body");
    }

    @Test
    void shouldKeepLineBreaksAndDecodeEntities() {
        assertThat(ArticleCleaner.text("Region: Middle East<br>Theme: Terrorism &amp; War"))
                .isEqualTo("Region: Middle East\nTheme: Terrorism & War");
    }

    @Test
    void shouldPassPlainTextThroughTidied() {
        assertThat(ArticleCleaner.text("  one\u00a0 two \n\n\n\nthree ")).isEqualTo("one two\n\nthree");
    }

    @Test
    void shouldGiveEmptyTextForNoBody() {
        assertThat(ArticleCleaner.text(null)).isEmpty();
        assertThat(ArticleCleaner.text("<p> </p>")).isEmpty();
    }

    @Test
    void shouldFindMarkupAndTidyAsTheRegularExpressionsDid() {
        // the loops of ArticleCleaner replaced these expressions; they must agree with them on any text
        Pattern markup = Pattern.compile("<[a-zA-Z!/]|&[#a-zA-Z0-9]+;");
        Pattern horizontalSpace = Pattern.compile("[ \\t\\x0B\\f\\r]+");
        String alphabet = "<>&;#!/aZ09 \t\u000B\f\r\n\u00a0\u2003\u200bé.";
        Random random = new Random(42);
        int withMarkup = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            boolean expected = markup.matcher(s).find();
            withMarkup += expected ? 1 : 0;
            assertThat(ArticleCleaner.hasMarkup(s)).as("markup in %s", s).isEqualTo(expected);
            assertThat(ArticleCleaner.tidy(s)).as("tidy %s", s).isEqualTo(tidyByRegex(s, horizontalSpace));
        }
        assertThat(withMarkup).isBetween(2_000, 18_000);
    }

    private static String tidyByRegex(String text, Pattern horizontalSpace) {
        StringBuilder out = new StringBuilder();
        int blankLines = 0;
        for (String line : text.split("\n", -1)) {
            String collapsed = horizontalSpace.matcher(line.replace('\u00a0', ' ')).replaceAll(" ").strip();
            if (collapsed.isEmpty()) {
                blankLines++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blankLines > 0 ? "\n\n" : "\n");
            }
            out.append(collapsed);
            blankLines = 0;
        }
        return out.toString();
    }
}
