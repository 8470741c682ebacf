package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.support.Fixtures;
import dev.newsroom.model.RawArticle;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds from the shared corpus (shared/data/feeds, excerpts copied into src/test/resources/feeds):
 * real news sites, and feedparser's annotated cases with the values its {@code Expect:} lines give,
 * which Rome 2.1.0 reads too (rome-2.1.0-results.tsv).
 */
class RealWorldFeedsTest {
    private static final Instant FETCHED = Instant.parse("2026-02-18T03:00:00Z");

    private final FeedParser parser = new FeedParser();

    @Test
    void shouldReadBbcNewsWorldRss() throws Exception {
        ParsedFeed feed = parse("feeds/real-bbc-world-rss.xml", "https://feeds.bbci.co.uk/news/world/rss.xml");

        assertThat(feed.title()).isEqualTo("BBC News");
        assertThat(feed.articles()).hasSize(3);
        assertThat(feed.skipped()).isEmpty();
        RawArticle first = feed.articles().get(0);
        assertThat(first.title()).isEqualTo("US civil rights leader Jesse Jackson dies aged 84");
        assertThat(first.url()).isEqualTo("https://www.bbc.com/news/articles/cp81l0e1eg5o?at_medium=RSS&at_campaign=rss");
        assertThat(first.guid()).isEqualTo("https://www.bbc.com/news/articles/cp81l0e1eg5o#0");
        assertThat(first.site()).isEqualTo("bbc.com");
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-02-17T18:55:33Z"));
        assertThat(first.summary()).startsWith("Tributes poured in from politicians");
    }

    @Test
    void shouldReadBloggerAtomUsingTheAlternateLink() throws Exception {
        ParsedFeed feed = parse("feeds/real-blogger-atom.xml", "https://glasspetalsmoke.blogspot.com/feeds/posts/default");

        assertThat(feed.title()).isEqualTo("Glass Petal Smoke");
        assertThat(feed.articles()).hasSize(2);
        RawArticle first = feed.articles().get(0);
        assertThat(first.url()).isEqualTo("https://glasspetalsmoke.blogspot.com/2025/11/"
                + "Eau-Maybe-Inspiration-for-Dr.-Carruthers-Character-in-The-Devil-Bat-Michelle-Krell-Kydd.html");
        assertThat(first.title()).isEqualTo("Eau Maybe: Inspiration for Dr. Carruthers Character in The Devil Bat (1940)");
        assertThat(first.author()).isEqualTo("Michelle Krell Kydd");
        assertThat(first.categories()).hasSize(12).contains("Scent in Film", "the devil bat");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-11-02T00:43:00.031Z"));
        assertThat(first.site()).isEqualTo("glasspetalsmoke.blogspot.com");
    }

    @ParameterizedTest(name = "{0}: link {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rss_item_link.xml                              | http://example.com/
            rss_item_guid_map_link.xml                     | http://guid.example.com/
            rss_item_guid_isPermaLink_map_link.xml         | http://guid.example.com/
            rss_item_guid_conflict_link.xml                | http://link.example.com/
            rss_item_guid_isPermaLink_conflict_link.xml    | http://link.example.com/
            rss_item_guid_not_permalink_conflict_link.xml  | http://link.example.com/
            atom10_entry_link_alternate_map_link_3.xml     | http://www.example.com/alternate
            """)
    void shouldTakeTheItemLinkFeedparserExpects(String file, String expectedLink) throws Exception {
        ParsedFeed feed = parse("feeds/feedparser/" + file, "https://feeds.example.com/feed.xml");

        assertThat(feed.articles()).extracting(RawArticle::url).containsExactly(expectedLink);
    }

    @ParameterizedTest(name = "{0}: title {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            rss_channel_title.xml              | Example feed
            rss_channel_title_lt.xml           | 1 < 2
            rss_channel_title_gt.xml           | 2 > 1
            rss_channel_title_apos.xml         | Mark's title
            atom10_feed_title_text_plain.xml   | Example Atom
            atom10_feed_title_inline_markup.xml| Example Atom
            """)
    void shouldReadTheFeedTitleFeedparserExpectsAsPlainText(String file, String expectedTitle) throws Exception {
        assertThat(parse("feeds/feedparser/" + file, "https://feeds.example.com/feed.xml").title()).isEqualTo(expectedTitle);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rss_item_title.xml", "rss_item_dc_creator.xml"})
    void shouldReportItemsThatHaveNoLinkInsteadOfDroppingThem(String file) throws Exception {
        ParsedFeed feed = parse("feeds/feedparser/" + file, "https://feeds.example.com/feed.xml");

        assertThat(feed.articles()).isEmpty();
        assertThat(feed.skipped()).hasSize(1).allSatisfy(reason -> assertThat(reason).endsWith("has no link and no permalink guid"));
    }

    @Test
    void shouldReadTheSeedCaseAsTwoArticlesFromTwoSites() throws Exception {
        ParsedFeed original = parse("feeds/seed-landdestroyer.xml", "https://landdestroyer.blogspot.com/feeds/posts/default?alt=rss");
        ParsedFeed republished = parse("feeds/seed-globalresearch.xml", "https://www.globalresearch.ca/feed");

        RawArticle landDestroyer = original.articles().get(0);
        RawArticle globalResearch = republished.articles().get(0);
        assertThat(original.articles()).hasSize(1);
        assertThat(republished.articles()).hasSize(1);
        assertThat(landDestroyer.id()).isNotEqualTo(globalResearch.id());
        assertThat(landDestroyer.site()).isEqualTo("landdestroyer.blogspot.com");
        assertThat(globalResearch.site()).isEqualTo("globalresearch.ca");
        assertThat(landDestroyer.title()).isEqualTo(globalResearch.title())
                .startsWith("US-Turkey Edging Up to Syrian Border.");
        assertThat(landDestroyer.publishedAt()).isEqualTo(globalResearch.publishedAt()).isEqualTo(Instant.parse("2015-11-28T00:00:00Z"));
        assertThat(landDestroyer.summary()).contains("US demands Turkey to “seal” notorious 100 km border region")
                .doesNotContain("The original source of this article is");
        assertThat(globalResearch.summary()).contains("US demands Turkey to “seal” notorious 100 km border region")
                .contains("The original source of this article is <a href=\"https://www.globalresearch.ca/us-turkey-edging-up-to-syrian-border-pretext-to-invade-establish-isis-safe-haven-in-northern-syria/5492931#\">Land Destroyer</a>");
        assertThat(globalResearch.categories()).containsExactly("Middle East & North Africa", "Terrorism", "US NATO War Agenda");
    }

    private ParsedFeed parse(String resource, String feedUrl) throws FeedParseException {
        return parser.parse(new ByteArrayInputStream(Fixtures.bytes(resource)), null, FeedSource.of(feedUrl), FETCHED);
    }
}
