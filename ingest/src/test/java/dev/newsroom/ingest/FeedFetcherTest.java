package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.FetchResult.Failed;
import dev.newsroom.ingest.FetchResult.Fetched;
import dev.newsroom.ingest.FetchResult.NotModified;
import dev.newsroom.ingest.support.Fixtures;
import dev.newsroom.ingest.support.FeedServer;
import dev.newsroom.model.PollOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {
    private static final byte[] RSS = Fixtures.bytes("feeds/rss-2.0.xml");
    private static final long ONE_MIB = 1L << 20;

    private FeedServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new FeedServer();
        fetcher = new FeedFetcher(new FetchSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), ONE_MIB, true));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void shouldFetchWithEtagThenGetNotModifiedForTheSameEtag() throws Exception {
        server.route("/feed.xml", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                FeedServer.respond(exchange, 304, Map.of("ETag", "\"v1\""), null);
            } else {
                FeedServer.respond(exchange, 200, Map.of("ETag", "\"v1\"", "Last-Modified", "Tue, 14 May 2024 09:30:00 GMT",
                        "Content-Type", "application/rss+xml; charset=utf-8"), RSS);
            }
        });

        Fetched first = (Fetched) fetch(server.uri("/feed.xml"), null, null);
        FetchResult second = fetch(server.uri("/feed.xml"), first.etag(), first.lastModified());

        assertThat(first.body()).isEqualTo(RSS);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.lastModified()).isEqualTo("Tue, 14 May 2024 09:30:00 GMT");
        assertThat(first.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(first.finalUri()).isEqualTo(server.uri("/feed.xml"));
        assertThat(second).isInstanceOf(NotModified.class);
        FeedServer.Request conditional = server.requests().get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Tue, 14 May 2024 09:30:00 GMT");
    }

    @Test
    void shouldIdentifyItselfAndAskForCompression() throws Exception {
        server.serve("/feed.xml", 200, Map.of(), RSS);

        fetch(server.uri("/feed.xml"), null, null);

        FeedServer.Request request = server.requests().get(0);
        assertThat(request.header("User-Agent")).isEqualTo("newsroom/0.1 (+https://github.com/newsroom)");
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(request.header("If-None-Match")).isNull();
    }

    @Test
    void shouldDecodeGzipBody() throws Exception {
        server.serve("/feed.xml", 200, Map.of("Content-Encoding", "gzip"), gzip(RSS));

        FetchResult result = fetch(server.uri("/feed.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.body()).isEqualTo(RSS));
    }

    @Test
    void shouldDecodeDeflateBody() throws Exception {
        server.serve("/feed.xml", 200, Map.of("Content-Encoding", "deflate"), deflate(RSS));

        FetchResult result = fetch(server.uri("/feed.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.body()).isEqualTo(RSS));
    }

    @Test
    void shouldAbortStreamedBodyAsSoonAsItPassesTheCap() throws Exception {
        server.route("/huge.xml", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) { // up to 64 MiB, unless the client hangs up first
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected: the fetcher stops reading at the cap
            }
        });

        FetchResult result = fetch(server.uri("/huge.xml"), null, null);

        assertThat(result).isEqualTo(new Failed(PollOutcome.TOO_LARGE, 200, "body over 1 MiB", result.latency()));
    }

    @Test
    void shouldRefuseDeclaredContentLengthOverTheCap() throws Exception {
        server.serve("/big.xml", 200, Map.of(), new byte[(int) ONE_MIB + 1]);

        FetchResult result = fetch(server.uri("/big.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.outcome()).isEqualTo(PollOutcome.TOO_LARGE));
    }

    @Test
    void shouldRefuseGzipBombThatExpandsPastTheCap() throws Exception {
        byte[] bomb = gzip(new byte[64 * (int) ONE_MIB]);
        server.serve("/bomb.xml", 200, Map.of("Content-Encoding", "gzip"), bomb);

        FetchResult result = fetch(server.uri("/bomb.xml"), null, null);

        assertThat(bomb.length).isLessThan((int) ONE_MIB);
        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.outcome()).isEqualTo(PollOutcome.TOO_LARGE);
            assertThat(f.error()).isEqualTo("body over 1 MiB after decompression");
        });
    }

    @Test
    void shouldTimeOutWhenServerTricklesBytesPastTheDeadline() throws Exception {
        server.route("/slow.xml", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                // One byte every 100 ms: each read makes progress, only the whole-response deadline stops it.
                while (!server.closing().await(100, TimeUnit.MILLISECONDS)) {
                    out.write('<');
                    out.flush();
                }
            } catch (IOException | InterruptedException clientHungUp) {
                // expected: the fetcher gives up at the deadline
            }
        });

        FetchResult result = fetch(server.uri("/slow.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.outcome()).isEqualTo(PollOutcome.TIMEOUT);
            assertThat(f.error()).isEqualTo("timeout after 2s");
            assertThat(f.httpStatus()).isEqualTo(200);
        });
        assertThat(result.latency()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void shouldReportServerErrorWithItsStatus() throws Exception {
        server.serve("/broken.xml", 500, Map.of(), "<h1>oops</h1>".getBytes());

        FetchResult result = fetch(server.uri("/broken.xml"), null, null);

        assertThat(result).isEqualTo(new Failed(PollOutcome.HTTP_ERROR, 500, "HTTP 500", result.latency()));
    }

    @Test
    void shouldPassOnTheRetryAfterOfA429InSeconds() throws Exception {
        server.serve("/busy.xml", 429, Map.of("Retry-After", "120"), null);

        FetchResult result = fetch(server.uri("/busy.xml"), null, null);

        assertThat(result).isEqualTo(new Failed(PollOutcome.HTTP_ERROR, 429, "HTTP 429, retry after 2m", result.latency(),
                java.time.Duration.ofMinutes(2)));
    }

    @Test
    void shouldPassOnTheRetryAfterOfA503AsAnHttpDate() throws Exception {
        // The server stamps its own Date header; the retry date is an hour after it.
        String inAnHour = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
        server.serve("/down.xml", 503, Map.of("Retry-After", inAnHour), null);

        FetchResult result = fetch(server.uri("/down.xml"), null, null);

        assertThat(((Failed) result).retryAfter()).isBetween(java.time.Duration.ofMinutes(59), java.time.Duration.ofMinutes(60));
    }

    @Test
    void shouldReportNotFound() throws Exception {
        FetchResult result = fetch(server.uri("/missing.xml"), null, null);

        assertThat(result).isEqualTo(new Failed(PollOutcome.HTTP_ERROR, 404, "HTTP 404", result.latency()));
    }

    @Test
    void shouldReportConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        FetchResult result = fetch(URI.create("http://127.0.0.1:" + closedPort + "/feed.xml"), null, null);

        assertThat(result).isEqualTo(new Failed(PollOutcome.NETWORK_ERROR, 0, "connection refused", result.latency()));
    }

    @Test
    void shouldRefusePrivateAddressWhenNotAllowed() throws Exception {
        server.serve("/feed.xml", 200, Map.of(), RSS);
        try (FeedFetcher publicOnly = new FeedFetcher(FetchSettings.defaults())) {
            FetchResult byAddress = publicOnly.fetch(server.uri("/feed.xml")).get(10, TimeUnit.SECONDS);
            FetchResult byName = publicOnly.fetch(URI.create("http://localhost:" + server.port() + "/feed.xml")).get(10, TimeUnit.SECONDS);

            assertThat(byAddress).isInstanceOfSatisfying(Failed.class, f -> {
                assertThat(f.outcome()).isEqualTo(PollOutcome.NETWORK_ERROR);
                assertThat(f.error()).startsWith("refusing private address 127.0.0.1;");
            });
            assertThat(byName).isInstanceOfSatisfying(Failed.class, f ->
                    assertThat(f.error()).matches("refusing private address .+ \\(localhost\\); set allow-private-networks to fetch it"));
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void shouldFollowRedirectsToTheFinalUri() throws Exception {
        server.serve("/old.xml", 301, Map.of("Location", "/moved.xml"), null);
        server.serve("/moved.xml", 307, Map.of("Location", server.uri("/feed.xml").toString()), null);
        server.serve("/feed.xml", 200, Map.of(), RSS);

        FetchResult result = fetch(server.uri("/old.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(Fetched.class, f -> {
            assertThat(f.finalUri()).isEqualTo(server.uri("/feed.xml"));
            assertThat(f.body()).isEqualTo(RSS);
            assertThat(f.movedTo()).as("a temporary redirect on the way").isNull();
        });
    }

    @Test
    void shouldPassOnCacheControlMaxAge() throws Exception {
        server.serve("/cached.xml", 200, Map.of("Cache-Control", "public, max-age=600"), RSS);

        FetchResult result = fetch(server.uri("/cached.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.maxAge()).isEqualTo(java.time.Duration.ofMinutes(10)));
    }

    @Test
    void shouldSayWhereAFeedMovedWhenEveryRedirectWasPermanent() throws Exception {
        server.serve("/old.xml", 301, Map.of("Location", "/moved.xml"), null);
        server.serve("/moved.xml", 308, Map.of("Location", "/feed.xml"), null);
        server.serve("/feed.xml", 200, Map.of(), RSS);

        FetchResult result = fetch(server.uri("/old.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.movedTo()).isEqualTo(server.uri("/feed.xml")));
    }

    @Test
    void shouldGiveUpAfterFiveRedirects() throws Exception {
        server.serve("/loop.xml", 302, Map.of("Location", "/loop.xml"), null);

        FetchResult result = fetch(server.uri("/loop.xml"), null, null);

        assertThat(result).isEqualTo(new Failed(PollOutcome.HTTP_ERROR, 302, "too many redirects (more than 5)", result.latency()));
        assertThat(server.requests()).hasSize(6);
    }

    private FetchResult fetch(URI uri, String etag, String lastModified) throws Exception {
        return fetcher.fetch(uri, etag, lastModified).get(10, TimeUnit.SECONDS);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
