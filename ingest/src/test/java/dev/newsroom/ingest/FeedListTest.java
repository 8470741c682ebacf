package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.ingest.support.Fixtures;
import dev.newsroom.model.FeedSubscription;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {
    private static final Instant ADDED = Instant.parse("2024-05-14T12:00:00Z");

    @Test
    void shouldFlattenNestedOutlines() throws Exception {
        FeedList list = read("opml/feeds-nested.opml");

        assertThat(list.title()).isEqualTo("World news");
        assertThat(list.feeds()).containsExactly(
                FeedSubscription.of("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC News World", ADDED),
                FeedSubscription.of("https://rss.dw.com/rdf/rss-en-all", "Deutsche Welle", ADDED),
                FeedSubscription.of("https://landdestroyer.blogspot.com/feeds/posts/default?alt=rss", "Land Destroyer", ADDED));
    }

    @Test
    void shouldReportOutlinesWithoutUsableXmlUrl() throws Exception {
        FeedList list = read("opml/feeds-nested.opml");

        assertThat(list.skipped()).containsExactly(
                "outline 'A bookmark without a feed' has no xmlUrl",
                "outline 'BBC again' repeats feed https://feeds.bbci.co.uk/news/world/rss.xml",
                "outline 'Gopher feed' has xmlUrl 'gopher://example.org/feed', which is not an absolute http(s) URL");
    }

    @Test
    void shouldReadOpml11WithLowerCaseXmlUrl() throws Exception {
        FeedList list = read("opml/feeds-opml-1.1.opml");

        assertThat(list.feeds()).containsExactly(FeedSubscription.of("https://www.globalresearch.ca/feed", "Global Research", ADDED));
    }

    @Test
    void shouldWriteOpmlThatReadsBack() throws Exception {
        FeedList written = FeedList.of("Round trip", List.of(
                FeedSubscription.of("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC <World> & more", ADDED),
                FeedSubscription.of("https://www.globalresearch.ca/feed?x=1&y=2", "", ADDED)));

        FeedList read = FeedList.read(new ByteArrayInputStream(written.toOpml().getBytes(StandardCharsets.UTF_8)), ADDED);

        assertThat(read).isEqualTo(written);
        assertThat(written.toOpml()).contains("<opml version=\"2.0\">").contains("type=\"rss\"");
    }

    @Test
    void shouldCarryFullTextAsAnOutlineAttribute() throws Exception {
        FeedList written = FeedList.of("Full text", List.of(
                FeedSubscription.of("https://www.globalresearch.ca/feed", "Global Research", ADDED).withFullText(true),
                FeedSubscription.of("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC", ADDED)));

        FeedList read = FeedList.read(new ByteArrayInputStream(written.toOpml().getBytes(StandardCharsets.UTF_8)), ADDED);

        assertThat(read.feeds()).extracting(FeedSubscription::fullText).containsExactly(true, false);
        assertThat(written.toOpml()).containsOnlyOnce("fullText=\"true\"");
    }

    @Test
    void shouldWriteToAFile(@TempDir Path dir) throws Exception {
        FeedList list = FeedList.of("File", List.of(FeedSubscription.of("https://rss.dw.com/rdf/rss-en-all", "DW", ADDED)));
        Path file = dir.resolve("feeds.opml");

        list.write(file);

        assertThat(FeedList.read(file, ADDED)).isEqualTo(list);
    }

    @Test
    void bugOpmlDoctypeShouldBeRefused() {
        assertThatThrownBy(() -> read("opml/bug-opml-doctype.opml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("refused a DOCTYPE declaration at line 2: feed lists may not declare DTDs or entities");
    }

    @Test
    void bugNotOpmlShouldNameTheRootElement() {
        assertThatThrownBy(() -> read("opml/bug-not-opml.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not an OPML feed list: the root element is <rss>, not <opml>");
    }

    private static FeedList read(String resource) throws Exception {
        return FeedList.read(new ByteArrayInputStream(Fixtures.bytes(resource)), ADDED);
    }
}
