package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.support.Fixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    private static final URI PAGE = URI.create("https://gazette.example/2015/11/turkey-jet.html");

    private static ArticleExtractor.Extracted extractFixture() {
        String html = new String(Fixtures.bytes("pages/article-with-comments.html"), StandardCharsets.UTF_8);
        return ArticleExtractor.extract(html, PAGE).orElseThrow();
    }

    @Test
    void shouldKeepEveryParagraphOfTheArticleInOrder() {
        String text = extractFixture().text();

        assertThat(text).startsWith("Turkish fighter jets shot down a Russian warplane");
        assertThat(text).contains("violated Turkish airspace", "stab in the back", "The two pilots ejected", "emergency meeting in Brussels");
        assertThat(text).endsWith("within minutes of each other.");
    }

    @Test
    void shouldLeaveOutNavigationCommentsSidebarAndFooter() {
        String text = extractFixture().text();

        assertThat(text).doesNotContain("World news from every region", "cookies", "Share this story", "Syria peace talks stall",
                "powder keg", "Leave a reply", "newsletter", "Copyright 2015");
    }

    @Test
    void shouldReturnSanitisedHtmlWithAbsoluteLinks() {
        String html = extractFixture().html();

        assertThat(html).contains("<p>Turkish fighter jets", "src=\"https://gazette.example/img/jet.jpg\"");
        assertThat(html).doesNotContain("<script", "<form", "dataLayer");
    }

    @Test
    void shouldFindNothingInAPageWithoutParagraphs() {
        String html = "<html><body><nav><a href='/a'>Home</a></nav><div><img src='x.jpg'></div><p>Short.</p></body></html>";

        assertThat(ArticleExtractor.extract(html, PAGE)).isEmpty();
    }

    @Test
    void shouldPreferTheArticleOverALongerRunOfLinks() {
        StringBuilder html = new StringBuilder("<html><body><div class='links'>");
        for (int i = 0; i < 10; i++) {
            html.append("<p><a href='/s").append(i).append("'>Another headline that links to some other story on the site, number ")
                    .append(i).append("</a></p>");
        }
        html.append("</div><article><p>The one paragraph of real text in this page is long enough to count as an article body.</p>")
                .append("<p>And a second paragraph follows it, so the article block has some weight of its own.</p></article></body></html>");

        assertThat(ArticleExtractor.extract(html.toString(), PAGE).orElseThrow().text()).startsWith("The one paragraph of real text");
    }
}
