package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormaliserTest {
    private static final Instant FETCHED = Instant.parse("2024-05-14T12:00:00Z");
    private static final URI ITEM = URI.create("https://news.example.com/2024/05/story.html");

    @Test
    void shouldRemoveScriptsEventHandlersAndJavascriptLinks() {
        String html = "<p onclick=\"steal()\">Hello <script>alert(1)</script><a href=\"javascript:steal()\">x</a>"
                + "<iframe src=\"https://evil.example.com\"></iframe><img src=\"/pic.jpg\" onerror=\"steal()\"></p>";

        String safe = Normaliser.sanitise(html, ITEM);

        assertThat(safe).doesNotContain("script", "onclick", "onerror", "javascript:", "iframe")
                .contains("<p>Hello ").contains("<img src=\"https://news.example.com/pic.jpg\">");
    }

    @Test
    void shouldKeepOrdinaryMarkupAndMakeLinksAbsolute() {
        assertThat(Normaliser.sanitise("<p>Read <a href=\"more.html\">more</a> <em>now</em></p>", ITEM))
                .isEqualTo("<p>Read <a href=\"https://news.example.com/2024/05/more.html\">more</a> <em>now</em></p>");
    }

    @Test
    void shouldGivePlainTextOfHtml() {
        assertThat(Normaliser.text("<p>One &amp; two</p>\n<p>three</p>")).isEqualTo("One & two three");
    }

    @Test
    void shouldKeepAPlausiblePublishedDate() {
        Instant published = Instant.parse("2024-05-14T08:00:00Z");

        assertThat(Normaliser.date(published, null, FETCHED)).isEqualTo(new Normaliser.Dated(published, ""));
    }

    @Test
    void shouldFallBackToTheUpdatedDateWhenThePublishedDateIsMissing() {
        Instant updated = Instant.parse("2024-05-13T08:00:00Z");

        assertThat(Normaliser.date(null, updated, FETCHED)).isEqualTo(new Normaliser.Dated(updated, ""));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null, null, missing",
        "2024-05-16T12:00:00Z, null, future",
        "1970-01-01T00:00:00Z, null, before-1990",
        "2099-01-01T00:00:00Z, 1980-01-01T00:00:00Z, future"})
    void shouldUseTheFetchTimeAndSayWhyWhenNoDateIsPlausible(Instant published, Instant updated, String note) {
        assertThat(Normaliser.date(published, updated, FETCHED)).isEqualTo(new Normaliser.Dated(FETCHED, note));
    }

    @ParameterizedTest
    @CsvSource({
        "https://www.bbc.co.uk/news/world-123, bbc.co.uk",
        "https://feeds.bbci.co.uk/news/rss.xml, bbci.co.uk",
        "https://landdestroyer.blogspot.com/2015/11/x.html, landdestroyer.blogspot.com",
        "https://www.globalresearch.ca/x/5492385, globalresearch.ca",
        "https://edition.cnn.com/2024/05/14/world, cnn.com",
        "http://127.0.0.1:8080/item, 127.0.0.1",
        "http://localhost/item, localhost"})
    void shouldNameTheSiteByItsRegistrableDomain(String url, String site) {
        assertThat(Normaliser.site(url)).isEqualTo(site);
    }
}
