package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.ingest.support.FeedServer;
import dev.newsroom.ingest.support.Fixtures;
import dev.newsroom.model.Ids;
import dev.newsroom.model.RawArticle;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private static final Instant FETCHED = Instant.parse("2024-05-14T12:00:00Z");

    private final FeedParser parser = new FeedParser();

    @Test
    void shouldMapRss20ItemToRawArticle() throws Exception {
        ParsedFeed feed = parse("feeds/rss-2.0.xml", "https://news.example.com/feed.xml");

        RawArticle first = feed.articles().get(0);
        String url = "https://news.example.com/2024/05/markets-rally?utm_source=rss";
        assertThat(feed.title()).isEqualTo("The Example & Co. Gazette");
        assertThat(first).isEqualTo(new RawArticle(Ids.article(url), Ids.feed("https://news.example.com/feed.xml"),
                "https://news.example.com/feed.xml", url, "urn:example:1001", "Markets rally as rates hold",
                "<p>Stocks rose on <em>Tuesday</em>.</p>",
                "<p>Stocks rose on <em>Tuesday</em> after the central bank held rates.</p><p>More below.</p>",
                "Ana Lima", List.of("Markets", "Economy"), Instant.parse("2024-05-14T09:30:00Z"), FETCHED,
                "example.com", "en", "Stocks rose on Tuesday after the central bank held rates. More below.", ""));
    }

    @Test
    void shouldUsePermalinkGuidWhenLinkIsMissing() throws Exception {
        ParsedFeed feed = parse("feeds/rss-2.0.xml", "https://news.example.com/feed.xml");

        assertThat(feed.articles()).extracting(RawArticle::url).containsExactly(
                "https://news.example.com/2024/05/markets-rally?utm_source=rss",
                "https://news.example.com/2024/05/guid-only",
                "https://news.example.com/2024/05/undated");
        assertThat(feed.articles().get(1).publishedAt()).isEqualTo(Instant.parse("2024-05-13T16:00:00Z"));
        assertThat(feed.articles().get(2).publishedAt()).as("the fetch time stands in").isEqualTo(FETCHED);
        assertThat(feed.articles().get(2).dateNote()).isEqualTo("missing");
    }

    @Test
    void shouldReportItemsWithoutUsableUrl() throws Exception {
        ParsedFeed feed = parse("feeds/rss-2.0.xml", "https://news.example.com/feed.xml");

        assertThat(feed.skipped()).containsExactly(
                "item 3 'No link, guid is not a permalink' has no link and no permalink guid",
                "item 5 'A mail link' has link 'mailto:editor@example.com', which is not an http(s) URL");
    }

    @Test
    void shouldMapAtom10Entries() throws Exception {
        ParsedFeed feed = parse("feeds/atom-1.0.xml", "https://blog.example.org/feed.atom");

        assertThat(feed.title()).isEqualTo("Beispiel Blog");
        assertThat(feed.articles()).hasSize(2);
        RawArticle first = feed.articles().get(0);
        assertThat(first.url()).isEqualTo("https://blog.example.org/2024/05/blink");
        assertThat(first.guid()).isEqualTo("tag:blog.example.org,2024:1");
        assertThat(first.title()).isEqualTo("Why <blink> died");
        assertThat(first.summary()).isEqualTo("A tag with &lt;blink&gt; in its summary &amp; more.");
        assertThat(first.contentHtml()).isEqualTo("<p>The <code>blink</code> element is gone.</p>");
        assertThat(first.author()).isEqualTo("Jo Schmidt");
        assertThat(first.categories()).containsExactly("web", "history");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-05-14T08:00:00Z"));
        assertThat(first.language()).isEqualTo("de");
        assertThat(first.site()).as("the registrable domain").isEqualTo("example.org");
    }

    @Test
    void shouldFallBackToUpdatedDateAndStripXhtmlTitle() throws Exception {
        RawArticle second = parse("feeds/atom-1.0.xml", "https://blog.example.org/feed.atom").articles().get(1);

        assertThat(second.title()).isEqualTo("Only updated");
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2024-05-12T07:30:00Z"));
        assertThat(second.contentHtml()).contains("<em>XHTML</em>");
    }

    @Test
    void shouldReportAtomEntryWithoutLink() throws Exception {
        ParsedFeed feed = parse("feeds/atom-1.0.xml", "https://blog.example.org/feed.atom");

        assertThat(feed.skipped()).containsExactly("item 3 'No link at all' has no link and no permalink guid");
    }

    @Test
    void shouldResolveRelativeLinksAgainstTheFeedUrl() throws Exception {
        ParsedFeed feed = parse("feeds/rss-relative-links.xml", "https://relative.example.com/feeds/main.xml");

        assertThat(feed.articles()).extracting(RawArticle::url).containsExactly(
                "https://relative.example.com/2024/05/root-relative.html",
                "https://relative.example.com/feeds/stories/path-relative.html",
                "https://relative.example.com/2024/05/from-guid.html",
                "https://elsewhere.example.net/story");
        assertThat(feed.skipped()).isEmpty();
    }

    @Test
    void shouldResolveRelativeLinksAgainstTheBaseUrlWhenGiven() throws Exception {
        FeedSource source = FeedSource.of("https://relative.example.com/feeds/main.xml")
                .withBaseUri(URI.create("https://mirror.example.org/news/"));

        ParsedFeed feed = parser.parse(new ByteArrayInputStream(Fixtures.bytes("feeds/rss-relative-links.xml")), null, source, FETCHED);

        assertThat(feed.articles()).extracting(RawArticle::url).startsWith(
                "https://mirror.example.org/2024/05/root-relative.html",
                "https://mirror.example.org/news/stories/path-relative.html");
        assertThat(feed.articles()).extracting(RawArticle::feedUrl).containsOnly("https://relative.example.com/feeds/main.xml");
    }

    @Test
    void shouldReadCharsetFromContentType() throws Exception {
        ParsedFeed feed = parser.parse(new ByteArrayInputStream(Fixtures.bytes("feeds/rss-latin1-http-charset.xml")),
                "text/xml; charset=ISO-8859-1", FeedSource.of("https://www.jn.example.pt/rss"), FETCHED);

        assertThat(feed.title()).isEqualTo("Jornal de Notícias");
        assertThat(feed.articles().get(0).title()).isEqualTo("Governo aprova orçamento");
        assertThat(feed.articles().get(0).summary()).isEqualTo("A votação decorreu às 18h.");
        assertThat(feed.articles().get(0).language()).isEqualTo("pt");
    }

    @Test
    void bugXxeShouldRefuseTheDoctypeWithoutReadingTheFile() {
        assertThatThrownBy(() -> parse("feeds/bug-xxe.xml", "https://evil.example.com/feed.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("refused a DOCTYPE declaration at line 2: feeds may not declare DTDs or entities")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    void bugXxeRemoteShouldNotFetchDtdOrEntities() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.serve("/", 200, Map.of(), "<!ENTITY secret 'leaked'>".getBytes(StandardCharsets.UTF_8));
            byte[] hostile = Fixtures.text("feeds/bug-xxe-remote.xml").replace("{{PORT}}", String.valueOf(server.port()))
                    .getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(hostile), "application/rss+xml",
                    FeedSource.of("https://evil.example.com/feed.xml"), FETCHED))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageStartingWith("refused a DOCTYPE declaration");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void bugBillionLaughsShouldFailFastWithoutExpanding() {
        assertThatThrownBy(() -> parse("feeds/bug-billion-laughs.xml", "https://evil.example.com/feed.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("refused a DOCTYPE declaration at line 2: feeds may not declare DTDs or entities");
    }

    @Test
    void bugNotXmlShouldSayItIsAnHtmlPage() {
        assertThatThrownBy(() -> parse("feeds/bug-not-xml.html", "https://news.example.com/feed.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: the document is an HTML page");
    }

    @Test
    void bugJsonFeedShouldSayItIsJson() {
        assertThatThrownBy(() -> parse("feeds/bug-json-feed.json", "https://news.example.com/feed.json"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: the document is JSON, not RSS or Atom");
    }

    @Test
    void bugTruncatedShouldNameTheLine() {
        assertThatThrownBy(() -> parse("feeds/bug-truncated.xml", "https://news.example.com/feed.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageMatching("malformed XML at line 1[0-9]: XML document structures must start and end within the same entity");
    }

    @Test
    void shouldRejectXmlThatIsNotAFeed() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(svg), null, FeedSource.of("https://x.example.com/f"), FETCHED))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: the document is XML but not RSS or Atom");
    }

    @Test
    void shouldRejectEmptyDocument() {
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(new byte[0]), null, FeedSource.of("https://x.example.com/f"), FETCHED))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: the document is empty");
    }

    @Test
    void shouldParseFetchedDocumentAgainstItsFinalUri() throws Exception {
        FetchResult.Fetched fetched = new FetchResult.Fetched(Fixtures.bytes("feeds/rss-relative-links.xml"), 200, null, null,
                "application/rss+xml", URI.create("https://moved.example.com/rss/"), java.time.Duration.ofMillis(5));
        var subscription = dev.newsroom.model.FeedSubscription.of("https://relative.example.com/feed.xml", "Relative", FETCHED);

        ParsedFeed feed = parser.parse(fetched, subscription, FETCHED);

        assertThat(feed.articles().get(1).url()).isEqualTo("https://moved.example.com/rss/stories/path-relative.html");
        assertThat(feed.articles().get(1).feedId()).isEqualTo(subscription.id());
    }

    @Test
    void shouldReadAFeedWithJunkAndAByteOrderMarkBeforeTheXmlDeclaration() throws Exception {
        ParsedFeed feed = parse("feeds/bug-leading-junk.xml", "https://junk.example.com/feed.xml");

        assertThat(feed.title()).isEqualTo("Junk Before");
        assertThat(feed.articles()).extracting(RawArticle::url).containsExactly("https://junk.example.com/first");
    }

    @Test
    void shouldReadBareAmpersandsAsText() throws Exception {
        ParsedFeed feed = parse("feeds/bug-bare-ampersand.xml", "https://amp.example.com/feed.xml");

        RawArticle item = feed.articles().get(0);
        assertThat(feed.title()).isEqualTo("Tom & Jerry News");
        assertThat(item.title()).isEqualTo("Fish & Chips & Peas");
        assertThat(item.url()).isEqualTo("https://amp.example.com/a?x=1&y=2");
        assertThat(item.summary()).isEqualTo("R&amp;D © été");
    }

    @Test
    void shouldDropControlCharactersXmlForbids() throws Exception {
        ParsedFeed feed = parse("feeds/bug-control-characters.xml", "https://ctl.example.com/feed.xml");

        assertThat(feed.articles().get(0).title()).isEqualTo("Bell and form feed");
    }

    @Test
    void shouldReadHowOftenTheFeedSaysItChangesTheLongerOfTtlAndSyndication() throws Exception {
        ParsedFeed feed = parse("feeds/rss-ttl-and-sy.xml", "https://slow.example.com/feed.xml");

        assertThat(feed.updateHint()).isEqualTo(java.time.Duration.ofHours(12));
    }

    @Test
    void shouldHaveNoUpdateHintWhenTheFeedGivesNone() throws Exception {
        assertThat(parse("feeds/rss-2.0.xml", "https://news.example.com/feed.xml").updateHint()).isNull();
    }

    private ParsedFeed parse(String resource, String feedUrl) throws FeedParseException {
        return parser.parse(new ByteArrayInputStream(Fixtures.bytes(resource)), null, FeedSource.of(feedUrl), FETCHED);
    }
}
