package dev.newsroom.ingest;

import dev.newsroom.ingest.FetchResult.Failed;
import dev.newsroom.ingest.FetchResult.Fetched;
import dev.newsroom.ingest.FetchResult.NotModified;
import dev.newsroom.ingest.internal.AddressGuard;
import dev.newsroom.ingest.internal.CappedBody;
import dev.newsroom.ingest.internal.ContentDecoder;
import dev.newsroom.ingest.internal.Human;
import dev.newsroom.model.PollOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.slf4j.LoggerFactory;

/**
 * Fetches feed documents over HTTP with the JDK client, asynchronously. It only fetches: the bytes
 * and their metadata go to {@link FeedParser}.
 *
 * <p>Each fetch sends the conditional headers it is given ({@code If-None-Match},
 * {@code If-Modified-Since}), asks for {@code gzip} or {@code deflate} and decodes them itself,
 * follows up to {@value #MAX_REDIRECTS} redirects, and stops reading as soon as the body, as
 * received or once decoded, passes {@link FetchSettings#maxBytes()}. A whole-response deadline
 * ({@link FetchSettings#timeout()}) covers name resolution, connecting, every redirect and the last
 * byte of the body, so a server that trickles bytes cannot hold a fetch open. Unless
 * {@link FetchSettings#allowPrivateNetworks()}, every address a host resolves to must be public,
 * and a plain-http request is sent to the address that was checked (the name goes in the
 * {@code Host} header), so a rebinding DNS server cannot answer differently to the connection.
 *
 * <p>The returned futures never complete exceptionally: every failure is a {@link Failed} result.
 * Cancelling a returned future aborts its request. How many fetches run at once is the caller's
 * choice. Close the fetcher to stop its threads.
 */
public final class FeedFetcher implements AutoCloseable {
    /** Sent with every request. */
    public static final String USER_AGENT = "newsroom/0.1 (+https://github.com/newsroom)";
    /** Redirects followed before giving up. */
    public static final int MAX_REDIRECTS = 5;

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    private static final String ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";
    /** Whether the JDK client lets us send a {@code Host} header, which pinning needs. */
    private static final boolean HOST_HEADER_ALLOWED = allowHostHeader();

    /** Resolves a host name to all its addresses; {@link InetAddress#getAllByName} outside tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final FetchSettings settings;
    private final Resolver resolver;
    private final java.util.List<AddressGuard.Network> allowedNetworks;
    private final ExecutorService executor;
    private final ScheduledThreadPoolExecutor deadlines;
    private final HttpClient client;

    /** A fetcher with its own HTTP client and threads. */
    public FeedFetcher(FetchSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    /** A fetcher whose address check resolves names with the given resolver (tests). */
    FeedFetcher(FetchSettings settings, Resolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.allowedNetworks = settings.networks();
        this.executor = Executors.newCachedThreadPool(daemonThreads("newsroom-fetch-"));
        this.deadlines = new ScheduledThreadPoolExecutor(1, daemonThreads("newsroom-fetch-deadline-"));
        this.deadlines.setRemoveOnCancelPolicy(true);
        if (!settings.allowPrivateNetworks() && !HOST_HEADER_ALLOWED) {
            LoggerFactory.getLogger(FeedFetcher.class).warn("the JDK HTTP client was in use before ingest could allow the Host"
                    + " header, so plain-http fetches are not pinned to the checked address; start the JVM with -D"
                    + RESTRICTED_HEADERS + "=host.");
            if (AddressGuard.dnsCacheSeconds() == 0) {
                LoggerFactory.getLogger(FeedFetcher.class).warn("networkaddress.cache.ttl is 0: the private-address check and"
                        + " the connection resolve each host separately, so a rebinding DNS server could slip a private address"
                        + " through plain http; leave it at its default (30 s) or set it higher.");
            }
        }
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** The settings this fetcher was made with. */
    public FetchSettings settings() {
        return settings;
    }

    /** Fetches a URL without conditional headers. */
    public CompletableFuture<FetchResult> fetch(URI url) {
        return fetch(url, null, null);
    }

    /**
     * Fetches a URL.
     *
     * @param url          an absolute http or https URL
     * @param etag         the {@code ETag} of the last fetched copy, sent as {@code If-None-Match}; may be null
     * @param lastModified the {@code Last-Modified} of the last fetched copy, sent as
     *                     {@code If-Modified-Since}; may be null
     * @return a future that completes with the result within the deadline and never exceptionally
     */
    public CompletableFuture<FetchResult> fetch(URI url, String etag, String lastModified) {
        return fetch(url, etag, lastModified, ACCEPT);
    }

    /**
     * Fetches a web page (an article, {@code robots.txt}) under the same limits as a feed, asking for
     * HTML or text.
     *
     * @return a future that completes with the result within the deadline and never exceptionally
     */
    public CompletableFuture<FetchResult> fetchPage(URI url) {
        return fetch(url, null, null, ACCEPT_PAGE);
    }

    private CompletableFuture<FetchResult> fetch(URI url, String etag, String lastModified, String accept) {
        Objects.requireNonNull(url, "url");
        Exchange exchange = new Exchange(etag, lastModified, accept);
        exchange.start(url);
        return exchange.result;
    }

    /** Stops the fetcher's threads; fetches in flight end as failures. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        executor.shutdownNow();
    }

    /** One fetch, across its redirects. */
    private final class Exchange {
        private final String etag;
        private final String lastModified;
        private final String accept;
        private final long started = System.nanoTime();
        private final CompletableFuture<FetchResult> result = new CompletableFuture<>();
        private volatile CompletableFuture<?> inFlight;
        private volatile CappedBody body;
        private volatile int lastStatus;
        private volatile String currentHost;
        private volatile boolean redirected;
        private volatile boolean onlyPermanentRedirects = true;

        Exchange(String etag, String lastModified, String accept) {
            this.etag = etag;
            this.lastModified = lastModified;
            this.accept = accept;
        }

        void start(URI url) {
            ScheduledFuture<?> deadline = deadlines.schedule(this::timeOut, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            result.whenComplete((r, e) -> {
                deadline.cancel(false);
                abort();
            });
            hop(url, 0).whenComplete((r, e) -> result.complete(r != null ? r : failure(e)));
        }

        private CompletableFuture<FetchResult> hop(URI uri, int redirects) {
            if (result.isDone()) {
                return CompletableFuture.completedFuture(null);
            }
            if (!isHttp(uri)) {
                return done(failed(PollOutcome.NETWORK_ERROR, "'" + uri + "' is not an absolute http or https URL"));
            }
            currentHost = uri.getHost();
            return checkAddress(uri).thenCompose(checked -> checked.refusal() != null
                    ? done(failed(PollOutcome.NETWORK_ERROR, checked.refusal()))
                    : send(uri, checked.address()).thenCompose(response -> answer(uri, redirects, response)));
        }

        /** Resolves the hop's host and checks every address; no check (and no address) when private networks are allowed. */
        private CompletableFuture<Checked> checkAddress(URI uri) {
            if (settings.allowPrivateNetworks()) {
                return CompletableFuture.completedFuture(new Checked(null, null));
            }
            CompletableFuture<Checked> check = CompletableFuture.supplyAsync(() -> {
                try {
                    InetAddress[] addresses = resolver.resolve(uri.getHost());
                    if (addresses.length == 0) {
                        throw new UnknownHostException(uri.getHost());
                    }
                    return new Checked(AddressGuard.refusal(uri.getHost(), addresses, allowedNetworks).orElse(null), addresses[0]);
                } catch (UnknownHostException e) {
                    throw new UncheckedIOException(e);
                }
            }, executor);
            inFlight = check;
            return check;
        }

        /**
         * Sends the request. A plain-http request whose host was checked goes to the checked address
         * (the first, as the JDK client would pick), with the name in {@code Host}; an https request
         * goes to the name, as the certificate must be checked against it (see the ingest README).
         */
        private CompletableFuture<HttpResponse<CappedBody.Body>> send(URI uri, InetAddress checked) {
            boolean pin = checked != null && HOST_HEADER_ALLOWED && "http".equalsIgnoreCase(uri.getScheme());
            HttpRequest.Builder request = HttpRequest.newBuilder(pin ? pinned(uri, checked) : uri)
                    .GET()
                    .timeout(remaining())
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", accept)
                    .header("Accept-Encoding", "gzip, deflate");
            if ("http".equalsIgnoreCase(uri.getScheme())) {
                request.version(HttpClient.Version.HTTP_1_1);
            }
            if (pin) {
                request.header("Host", uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
            }
            if (etag != null && !etag.isBlank()) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null && !lastModified.isBlank()) {
                request.header("If-Modified-Since", lastModified);
            }
            CompletableFuture<HttpResponse<CappedBody.Body>> response = client.sendAsync(request.build(), this::bodyFor);
            inFlight = response;
            return response;
        }

        private CappedBody bodyFor(HttpResponse.ResponseInfo info) {
            lastStatus = info.statusCode();
            CappedBody subscriber;
            if (info.statusCode() / 100 != 2) {
                subscriber = CappedBody.skipping();
            } else if (info.headers().firstValueAsLong("Content-Length").orElse(-1) > settings.maxBytes()) {
                subscriber = CappedBody.overCap();
            } else {
                subscriber = CappedBody.upTo(settings.maxBytes());
            }
            body = subscriber;
            return subscriber;
        }

        private CompletableFuture<FetchResult> answer(URI uri, int redirects, HttpResponse<CappedBody.Body> response) {
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                return redirect(uri, redirects, status, response.headers().firstValue("Location"));
            }
            if (status == 304) {
                return done(new NotModified(latency()));
            }
            if (status == 429 || status == 503) {
                Duration retryAfter = retryAfter(response.headers()).orElse(null);
                return done(new Failed(PollOutcome.HTTP_ERROR, lastStatus, "HTTP " + status
                        + (retryAfter == null ? "" : ", retry after " + Human.duration(retryAfter)), latency(), retryAfter));
            }
            if (status / 100 != 2) {
                return done(failed(PollOutcome.HTTP_ERROR, "HTTP " + status));
            }
            if (response.body().overCap()) {
                return done(failed(PollOutcome.TOO_LARGE, "body over " + Human.bytes(settings.maxBytes())));
            }
            String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
            try {
                byte[] decoded = ContentDecoder.decode(response.body().bytes(), encoding, settings.maxBytes());
                return done(new Fetched(decoded, status,
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null),
                        response.headers().firstValue("Content-Type").orElse(null),
                        uri, latency(), redirected && onlyPermanentRedirects ? uri : null, maxAge(response.headers())));
            } catch (ContentDecoder.TooLargeException e) {
                return done(failed(PollOutcome.TOO_LARGE, e.getMessage()));
            } catch (ContentDecoder.UnsupportedEncodingException e) {
                return done(failed(PollOutcome.HTTP_ERROR, e.getMessage()));
            } catch (IOException e) {
                return done(failed(PollOutcome.PARSE_ERROR, "body is not valid " + encoding.toLowerCase(Locale.ROOT)
                        + " data: " + e.getMessage()));
            }
        }

        private CompletableFuture<FetchResult> redirect(URI from, int redirects, int status, Optional<String> location) {
            redirected = true;
            onlyPermanentRedirects &= status == 301 || status == 308;
            if (location.isEmpty() || location.get().isBlank()) {
                return done(failed(PollOutcome.HTTP_ERROR, "HTTP " + status + " redirect without a Location header"));
            }
            if (redirects >= MAX_REDIRECTS) {
                return done(failed(PollOutcome.HTTP_ERROR, "too many redirects (more than " + MAX_REDIRECTS + ")"));
            }
            URI next;
            try {
                next = from.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                return done(failed(PollOutcome.HTTP_ERROR, "HTTP " + status + " redirect to an invalid URL '" + location.get() + "'"));
            }
            return hop(next, redirects + 1);
        }

        private void timeOut() {
            result.complete(failed(PollOutcome.TIMEOUT, "timeout after " + Human.duration(settings.timeout())));
        }

        private void abort() {
            CappedBody b = body;
            if (b != null) {
                b.cancel();
            }
            CompletableFuture<?> f = inFlight;
            if (f != null) {
                f.cancel(true);
            }
        }

        private Failed failure(Throwable error) {
            Throwable cause = error;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException
                    || cause instanceof UncheckedIOException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return failed(PollOutcome.TIMEOUT, "connect timeout after " + Human.duration(settings.connectTimeout()));
            }
            if (cause instanceof HttpTimeoutException) {
                return failed(PollOutcome.TIMEOUT, "timeout after " + Human.duration(settings.timeout()));
            }
            if (cause instanceof UnknownHostException) {
                return failed(PollOutcome.NETWORK_ERROR, "unknown host " + firstPart(cause.getMessage()));
            }
            if (cause instanceof ConnectException && cause.getCause() instanceof UnresolvedAddressException) {
                return failed(PollOutcome.NETWORK_ERROR, "unknown host " + currentHost);
            }
            if (cause instanceof ConnectException) {
                // The JDK client reports a refused connection as a ConnectException without a message.
                boolean refused = mentions(cause, "refused") || messageOf(cause).equals(cause.getClass().getSimpleName());
                return failed(PollOutcome.NETWORK_ERROR, refused ? "connection refused" : "cannot connect: " + messageOf(cause));
            }
            if (cause instanceof SSLException) {
                return failed(PollOutcome.NETWORK_ERROR, "TLS failure: " + cause.getMessage());
            }
            if (cause instanceof CancellationException) {
                return failed(PollOutcome.NETWORK_ERROR, "fetch cancelled");
            }
            if (cause instanceof IOException) {
                return failed(PollOutcome.NETWORK_ERROR, "network error: " + messageOf(cause));
            }
            return failed(PollOutcome.NETWORK_ERROR, "unexpected error: " + cause);
        }

        /** {@code Cache-Control: max-age=N} (not with {@code no-cache} or {@code no-store}), or null. */
        private static Duration maxAge(java.net.http.HttpHeaders headers) {
            String control = String.join(",", headers.allValues("Cache-Control")).toLowerCase(Locale.ROOT);
            if (control.contains("no-cache") || control.contains("no-store")) {
                return null;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|[,\\s])max-age=\"?(\\d{1,9})").matcher(control);
            return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
        }

        /** {@code Retry-After} as delta-seconds, or as an HTTP date counted from the response's {@code Date} (or now). */
        private static Optional<Duration> retryAfter(java.net.http.HttpHeaders headers) {
            Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (value.get().matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.get())));
            }
            try {
                java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(value.get(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                java.time.Instant now = headers.firstValue("Date").map(date -> {
                    try {
                        return java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    } catch (java.time.format.DateTimeParseException e) {
                        return java.time.Instant.now();
                    }
                }).orElseGet(java.time.Instant::now);
                Duration wait = Duration.between(now, when.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }

        private Failed failed(PollOutcome outcome, String error) {
            return new Failed(outcome, lastStatus, error, latency());
        }

        private CompletableFuture<FetchResult> done(FetchResult r) {
            return CompletableFuture.completedFuture(r);
        }

        private Duration latency() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        private Duration remaining() {
            Duration left = settings.timeout().minus(latency());
            return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
        }
    }

    /** A hop's address check: why it is refused (null when it passed) and the address to connect to (null: not checked). */
    private record Checked(String refusal, InetAddress address) {}

    /** The URL with its host replaced by the address (IPv6 in brackets); path and query kept as sent. */
    static URI pinned(URI uri, InetAddress address) {
        String ip = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + ip + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /**
     * Whether plain-http requests are pinned to the checked address. Loading this class allows the
     * {@code Host} header in the JDK client, which works only before anything else in the JVM has used that
     * client: a program that does (an embedded Elasticsearch) calls this first.
     */
    public static boolean pinsHttp() {
        return HOST_HEADER_ALLOWED;
    }

    /**
     * Adds {@code host} to {@code jdk.httpclient.allowRestrictedHeaders}, which the JDK client reads once, when its
     * classes are first used, and tells whether a {@code Host} header is now accepted.
     */
    private static boolean allowHostHeader() {
        String allowed = System.getProperty(RESTRICTED_HEADERS, "");
        if (java.util.Arrays.stream(allowed.split(",")).noneMatch(name -> name.strip().equalsIgnoreCase("host"))) {
            System.setProperty(RESTRICTED_HEADERS, allowed.isBlank() ? "host" : allowed + ",host");
        }
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "localhost");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHttp(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    private static boolean mentions(Throwable error, String word) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String messageOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }

    private static String firstPart(String message) {
        if (message == null) {
            return "(no name)";
        }
        int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
