package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
