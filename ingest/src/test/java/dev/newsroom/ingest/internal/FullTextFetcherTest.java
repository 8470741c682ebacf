package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.FeedFetcher;
import dev.newsroom.ingest.FetchSettings;
import dev.newsroom.ingest.support.FeedServer;
import dev.newsroom.ingest.support.Fixtures;
import dev.newsroom.ingest.support.MutableClock;
import dev.newsroom.model.Ids;
import dev.newsroom.model.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FullTextFetcherTest {
    private static final Instant T0 = Instant.parse("2015-11-24T12:00:00Z");
    private static final String EXCERPT = "Turkish fighter jets shot down a Russian warplane near the Syrian border on Tuesday.";
    private static final Map<String, String> HTML = Map.of("Content-Type", "text/html; charset=utf-8");
    private static final Map<String, String> TEXT = Map.of("Content-Type", "text/plain");

    private final MutableClock clock = new MutableClock(T0);
    private FeedServer server;
    private FeedFetcher fetcher;
    private FullTextFetcher fullText;

    @BeforeEach
    void start() throws Exception {
        server = new FeedServer();
        fetcher = new FeedFetcher(new FetchSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1L << 20, true));
        fullText = new FullTextFetcher(fetcher, new HostGate(Duration.ZERO), new RobotsRules(), clock, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private RawArticle item(String path) {
        String url = server.uri(path).toString();
        return new RawArticle(Ids.article(url), null, server.uri("/rss.xml").toString(), url, "", "Turkey shoots down Russian jet",
                "<p>" + EXCERPT + "</p>", "", "", List.of(), T0, T0, null, "en", EXCERPT, "");
    }

    private static byte[] page() {
        return Fixtures.bytes("pages/article-with-comments.html");
    }

    private List<String> paths() {
        return server.requests().stream().map(FeedServer.Request::path).toList();
    }

    @Test
    void shouldReplaceTheExcerptWithTheArticleText() throws Exception {
        server.serve("/robots.txt", 200, TEXT, "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8))
                .serve("/news/1.html", 200, HTML, page());

        FullTextFetcher.Result result = fullText.enrich(List.of(item("/news/1.html")));

        RawArticle article = result.articles().get(0);
        assertThat(result.replaced()).isEqualTo(1);
        assertThat(article.text()).startsWith("Turkish fighter jets shot down").contains("emergency meeting in Brussels")
                .doesNotContain("powder keg");
        assertThat(article.contentHtml()).startsWith("<p>Turkish fighter jets");
        assertThat(article.summary()).as("the excerpt stays the summary").isEqualTo("<p>" + EXCERPT + "</p>");
        assertThat(result.note()).isEqualTo("full text for 1 of 1 new items");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("User-Agent")).isEqualTo(FeedFetcher.USER_AGENT));
    }

    @Test
    void shouldKeepTheExcerptAndFetchNothingElseWhenRobotsTxtDisallows() throws Exception {
        server.serve("/robots.txt", 200, TEXT, "User-agent: newsroom\nDisallow: /news/\n".getBytes(StandardCharsets.UTF_8))
                .serve("/news/", 200, HTML, page());
        RawArticle first = item("/news/1.html");
        RawArticle second = item("/news/2.html");

        FullTextFetcher.Result result = fullText.enrich(List.of(first, second));

        assertThat(result.articles()).containsExactly(first, second);
        assertThat(result.note()).isEqualTo("full text for 0 of 2 new items; kept the excerpt: robots.txt disallows (2)");
        assertThat(paths()).as("robots.txt once, cached for the host; no page").containsExactly("/robots.txt");
    }

    @Test
    void shouldAllowEverythingWhenRobotsTxtIsMissing() throws Exception {
        server.serve("/robots.txt", 404, TEXT, new byte[0]).serve("/news/1.html", 200, HTML, page());

        assertThat(fullText.enrich(List.of(item("/news/1.html"))).replaced()).isEqualTo(1);
    }

    @Test
    void shouldFetchNoPageWhileRobotsTxtAnswersWithAServerError() throws Exception {
        server.serve("/robots.txt", 503, TEXT, new byte[0]).serve("/news/1.html", 200, HTML, page());
        RawArticle item = item("/news/1.html");

        FullTextFetcher.Result result = fullText.enrich(List.of(item));

        assertThat(result.articles()).containsExactly(item);
        assertThat(result.note()).contains("kept the excerpt: robots.txt unreadable (HTTP 503");
        assertThat(paths()).containsExactly("/robots.txt");
    }

    @Test
    void shouldKeepTheExcerptWhenThePageFails() throws Exception {
        server.serve("/robots.txt", 404, TEXT, new byte[0]).serve("/news/1.html", 500, HTML, page());
        RawArticle item = item("/news/1.html");

        FullTextFetcher.Result result = fullText.enrich(List.of(item));

        assertThat(result.articles()).containsExactly(item);
        assertThat(result.note()).isEqualTo("full text for 0 of 1 new items; kept the excerpt: page fetch failed: HTTP 500 (1)");
    }

    @Test
    void shouldKeepTheExcerptWhenThePageDoesNotArriveInTime() throws Exception {
        server.serve("/robots.txt", 404, TEXT, new byte[0]).route("/news/1.html", exchange -> {
            try {
                server.closing().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        RawArticle item = item("/news/1.html");

        FullTextFetcher.Result result = fullText.enrich(List.of(item));

        assertThat(result.articles()).containsExactly(item);
        assertThat(result.note()).isEqualTo("full text for 0 of 1 new items; kept the excerpt: page fetch failed: timeout after 1s (1)");
    }

    @Test
    void shouldKeepTheExcerptWhenThePageSaysLittleMore() throws Exception {
        String thin = "<html><body><article><p>" + EXCERPT + " Read more on our site.</p></article></body></html>";
        server.serve("/robots.txt", 404, TEXT, new byte[0]).serve("/news/1.html", 200, HTML, thin.getBytes(StandardCharsets.UTF_8));
        RawArticle item = item("/news/1.html");

        FullTextFetcher.Result result = fullText.enrich(List.of(item));

        assertThat(result.articles()).containsExactly(item);
        assertThat(result.note()).endsWith("kept the excerpt: extraction too short (1)");
    }

    @Test
    void shouldCallTextClearlyLongerOnlyWhenItDoublesTheExcerptAndAddsEnough() {
        assertThat(FullTextFetcher.clearlyLonger("x".repeat(400), "y".repeat(100))).isTrue();
        assertThat(FullTextFetcher.clearlyLonger("x".repeat(250), "y".repeat(100))).as("not 200 characters more").isFalse();
        assertThat(FullTextFetcher.clearlyLonger("x".repeat(1500), "y".repeat(1000))).as("not twice as long").isFalse();
    }
}
