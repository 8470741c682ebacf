package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.FeedFetcher;
import dev.newsroom.ingest.FeedParser;
import dev.newsroom.ingest.FetchSettings;
import dev.newsroom.ingest.support.FeedServer;
import dev.newsroom.ingest.support.Fixtures;
import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.PollOutcome;
import dev.newsroom.model.RawArticle;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
    private static final Instant NOW = Instant.parse("2024-05-14T12:00:00Z");

    private FeedServer server;
    private FeedFetcher fetcher;
    private FeedPoller poller;

    @BeforeEach
    void start() throws IOException {
        server = new FeedServer();
        fetcher = new FeedFetcher(FetchSettings.of(Duration.ofSeconds(5), 1L << 20, true));
        poller = new FeedPoller(fetcher, new FeedParser(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void shouldFindEveryItemNewOnTheFirstPoll() throws Exception {
        server.serve("/rss.xml", 200, Map.of("ETag", "\"v1\""), Fixtures.bytes("feeds/rss-2.0.xml"));

        FeedPoller.Poll poll = poller.poll(tracked("/rss.xml"));

        assertThat(poll.outcome()).isEqualTo(PollOutcome.OK);
        assertThat(poll.httpStatus()).isEqualTo(200);
        assertThat(poll.fresh()).hasSize(3).extracting(RawArticle::fetchedAt).containsOnly(NOW);
        assertThat(poll.seen()).isZero();
        assertThat(poll.freshSkips()).hasSize(2);
        assertThat(poll.etag()).isEqualTo("\"v1\"");
        assertThat(poll.polledAt()).isEqualTo(NOW);
    }

    @Test
    void shouldCountRememberedItemsAsSeen() throws Exception {
        server.serve("/rss.xml", 200, Map.of(), Fixtures.bytes("feeds/rss-2.0.xml"));
        TrackedFeed feed = tracked("/rss.xml");
        FeedPoller.Poll first = poller.poll(feed);
        first.fresh().forEach(article -> feed.seen().remember(article.id()));
        first.freshSkips().forEach(reason -> feed.seen().remember(FeedPoller.skipKey(reason)));

        FeedPoller.Poll second = poller.poll(feed);

        assertThat(second.fresh()).isEmpty();
        assertThat(second.seen()).isEqualTo(3);
        assertThat(second.freshSkips()).isEmpty();
    }

    @Test
    void shouldSendValidatorsAndReportNotModified() throws Exception {
        server.route("/rss.xml", exchange -> FeedServer.respond(exchange,
                "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200, Map.of(), Fixtures.bytes("feeds/rss-2.0.xml")));
        TrackedFeed feed = tracked("/rss.xml");
        feed.committed(withHash(feed, "\"v1\"", null));

        FeedPoller.Poll poll = poller.poll(feed);

        assertThat(poll.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
        assertThat(poll.httpStatus()).isEqualTo(304);
    }

    @Test
    void shouldReportAnUnchangedBodyAsNotModifiedEvenWithoutValidators() throws Exception {
        server.serve("/rss.xml", 200, Map.of(), Fixtures.bytes("feeds/rss-2.0.xml"));
        TrackedFeed feed = tracked("/rss.xml");
        FeedPoller.Poll first = poller.poll(feed);
        feed.committed(withHash(feed, null, first.bodyHash()));

        FeedPoller.Poll second = poller.poll(feed);

        assertThat(first.outcome()).isEqualTo(PollOutcome.OK);
        assertThat(first.bodyHash()).hasSize(64);
        assertThat(second.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
        assertThat(second.httpStatus()).isEqualTo(200);
        assertThat(second.fresh()).isEmpty();
        assertThat(second.seen()).isZero();
    }

    @Test
    void shouldParseABodyWhoseHashChanged() throws Exception {
        server.serve("/rss.xml", 200, Map.of(), Fixtures.bytes("feeds/rss-2.0.xml"));
        TrackedFeed feed = tracked("/rss.xml");
        feed.committed(withHash(feed, null, "0".repeat(64)));

        FeedPoller.Poll poll = poller.poll(feed);

        assertThat(poll.outcome()).isEqualTo(PollOutcome.OK);
        assertThat(poll.fresh()).hasSize(3);
    }

    @Test
    void shouldReportAServerError() throws Exception {
        server.serve("/rss.xml", 503, Map.of(), null);

        FeedPoller.Poll poll = poller.poll(tracked("/rss.xml"));

        assertThat(poll.outcome()).isEqualTo(PollOutcome.HTTP_ERROR);
        assertThat(poll.httpStatus()).isEqualTo(503);
        assertThat(poll.error()).isEqualTo("HTTP 503");
        assertThat(poll.fresh()).isEmpty();
    }

    @Test
    void shouldReportADocumentThatIsNotAFeed() throws Exception {
        server.serve("/rss.xml", 200, Map.of("Content-Type", "text/html"), Fixtures.bytes("feeds/bug-not-xml.html"));

        FeedPoller.Poll poll = poller.poll(tracked("/rss.xml"));

        assertThat(poll.outcome()).isEqualTo(PollOutcome.PARSE_ERROR);
        assertThat(poll.httpStatus()).isEqualTo(200);
        assertThat(poll.error()).isEqualTo("not a feed: the document is an HTML page");
    }

    private TrackedFeed tracked(String path) {
        return new TrackedFeed(FeedSubscription.of(server.uri(path).toString(), "test", NOW), 0, NOW);
    }

    private static FeedState withHash(TrackedFeed feed, String etag, String bodyHash) {
        FeedState s = feed.state();
        return new FeedState(s.feedId(), s.feedUrl(), etag, null, bodyHash, List.of(), 0, NOW, NOW, NOW, PollOutcome.OK, "", 300);
    }
}
