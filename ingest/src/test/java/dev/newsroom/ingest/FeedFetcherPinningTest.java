package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.FetchResult.Failed;
import dev.newsroom.ingest.FetchResult.Fetched;
import dev.newsroom.ingest.support.FeedServer;
import dev.newsroom.ingest.support.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plain-http requests go to the address the SSRF check saw, with the name in {@code Host}. The names
 * under {@code .invalid} (RFC 6761) resolve only through the fetcher's check resolver, which answers
 * the loopback address: a request that reaches the server was sent to the checked address, as the
 * JDK client could not have resolved the name itself.
 */
class FeedFetcherPinningTest {
    private static final byte[] RSS = Fixtures.bytes("feeds/rss-2.0.xml");
    private static final FetchSettings LOOPBACK_ALLOWED = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1L << 20,
            false, List.of("127.0.0.0/8", "::1/128"));

    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private FeedServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new FeedServer();
        fetcher = new FeedFetcher(LOOPBACK_ALLOWED, host -> {
            lookups.add(host);
            return host.endsWith(".invalid") ? new InetAddress[] {InetAddress.getByName("127.0.0.1")} : InetAddress.getAllByName(host);
        });
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void shouldAllowTheHostHeaderInThisJvm() {
        assertThat(FeedFetcher.pinsHttp()).as("jdk.httpclient.allowRestrictedHeaders set before the JDK client was first used").isTrue();
        assertThat(System.getProperty("jdk.httpclient.allowRestrictedHeaders")).containsIgnoringCase("host");
    }

    @Test
    void shouldSendPlainHttpToTheCheckedAddressWithTheNameInHost() throws Exception {
        assertThatNameDoesNotResolve("feed.invalid");
        server.serve("/feed.xml", 200, Map.of(), RSS);
        URI url = URI.create("http://feed.invalid:" + server.port() + "/feed.xml?edition=uk");

        FetchResult result = fetcher.fetch(url).get(10, TimeUnit.SECONDS);

        assertThat(result).isInstanceOfSatisfying(Fetched.class, f -> {
            assertThat(f.body()).isEqualTo(RSS);
            assertThat(f.finalUri()).as("the name, not the address").isEqualTo(url);
        });
        assertThat(lookups).containsExactly("feed.invalid");
        FeedServer.Request request = server.requests().get(0);
        assertThat(request.header("Host")).isEqualTo("feed.invalid:" + server.port());
        assertThat(request.path()).isEqualTo("/feed.xml");
    }

    @Test
    void shouldCheckAndPinEveryHopAndResolveRelativeRedirectsAgainstTheName() throws Exception {
        int port = server.port();
        server.serve("/old.xml", 301, Map.of("Location", "http://other.invalid:" + port + "/moved.xml"), null);
        server.serve("/moved.xml", 302, Map.of("Location", "/feed.xml"), null);
        server.serve("/feed.xml", 200, Map.of(), RSS);

        FetchResult result = fetcher.fetch(URI.create("http://feed.invalid:" + port + "/old.xml")).get(10, TimeUnit.SECONDS);

        assertThat(result).isInstanceOfSatisfying(Fetched.class,
                f -> assertThat(f.finalUri()).isEqualTo(URI.create("http://other.invalid:" + port + "/feed.xml")));
        assertThat(lookups).containsExactly("feed.invalid", "other.invalid", "other.invalid");
        assertThat(server.requests()).extracting(r -> r.path() + " " + r.header("Host")).containsExactly(
                "/old.xml feed.invalid:" + port, "/moved.xml other.invalid:" + port, "/feed.xml other.invalid:" + port);
    }

    @Test
    void shouldFollowARedirectFromLocalhostTo127001WithTheRealResolver() throws Exception {
        int port = server.port();
        server.serve("/old.xml", 302, Map.of("Location", "http://127.0.0.1:" + port + "/feed.xml"), null);
        server.serve("/feed.xml", 200, Map.of(), RSS);
        try (FeedFetcher real = new FeedFetcher(LOOPBACK_ALLOWED)) {
            FetchResult result = real.fetch(URI.create("http://localhost:" + port + "/old.xml")).get(10, TimeUnit.SECONDS);

            assertThat(result).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.body()).isEqualTo(RSS));
        }
        assertThat(server.requests()).extracting(r -> r.header("Host")).containsExactly("localhost:" + port, "127.0.0.1:" + port);
    }

    @Test
    void shouldStillRefuseAHopWhoseAddressIsNotAllowed() throws Exception {
        server.serve("/old.xml", 302, Map.of("Location", "http://private.invalid:" + server.port() + "/feed.xml"), null);
        try (FeedFetcher strict = new FeedFetcher(LOOPBACK_ALLOWED.withAllowedNetworks(List.of("127.0.0.1/32")),
                host -> host.equals("private.invalid") ? new InetAddress[] {InetAddress.getByName("127.0.0.2")}
                        : InetAddress.getAllByName(host))) {
            FetchResult result = strict.fetch(server.uri("/old.xml")).get(10, TimeUnit.SECONDS);

            assertThat(result).isInstanceOfSatisfying(Failed.class,
                    f -> assertThat(f.error()).startsWith("refusing private address 127.0.0.2 (private.invalid);"));
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldNotPinHttpsSoTheCertificateIsCheckedAgainstTheName() throws Exception {
        assertThatNameDoesNotResolve("feed.invalid");
        server.serve("/feed.xml", 200, Map.of(), RSS);

        FetchResult result = fetcher.fetch(URI.create("https://feed.invalid:" + server.port() + "/feed.xml")).get(10, TimeUnit.SECONDS);

        assertThat(result).as("the client connected by name (a pinned request would reach the plain server and fail TLS)")
                .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.error()).isEqualTo("unknown host feed.invalid"));
        assertThat(lookups).containsExactly("feed.invalid");
    }

    @Test
    void shouldPutTheAddressInTheUrlAndKeepPathAndQueryAsTheyWere() throws Exception {
        assertThat(FeedFetcher.pinned(URI.create("http://example.com:8080/a%20b/feed.xml?q=x%26y#top"), InetAddress.getByName("93.184.215.14")))
                .isEqualTo(URI.create("http://93.184.215.14:8080/a%20b/feed.xml?q=x%26y"));
        assertThat(FeedFetcher.pinned(URI.create("http://example.com"), InetAddress.getByName("2606:2800:21f:cb07::1")))
                .isEqualTo(URI.create("http://[2606:2800:21f:cb07:0:0:0:1]/"));
    }

    private static void assertThatNameDoesNotResolve(String host) {
        try {
            InetAddress.getAllByName(host);
            throw new AssertionError(host + " resolves on this machine; the test needs it not to");
        } catch (UnknownHostException expected) {
            // the JDK client cannot reach the server by this name: only a pinned request can
        }
    }
}
