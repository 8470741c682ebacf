package dev.newsroom.ingest.internal;

import dev.newsroom.ingest.FeedFetcher;
import dev.newsroom.ingest.FeedParseException;
import dev.newsroom.ingest.FeedParser;
import dev.newsroom.ingest.FetchResult;
import dev.newsroom.ingest.ParsedFeed;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.PollOutcome;
import dev.newsroom.model.RawArticle;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One poll of one feed, without Kafka: fetch with the feed's validators, parse, and split the items
 * into new ones and ones published before. Nothing is remembered here; the caller remembers what
 * it managed to publish.
 */
public final class FeedPoller {
    private static final String SKIP_PREFIX = "skipped:";

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final Clock clock;

    public FeedPoller(FeedFetcher fetcher, FeedParser parser, Clock clock) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.clock = clock;
    }

    /**
     * What one poll found.
     *
     * @param fresh        items not published before, each id once
     * @param seen         items published before (or repeated in the document)
     * @param freshSkips   reasons for items left out that were not reported before
     * @param etag         the validators to remember once {@code fresh} is published; null when none
     * @param lastModified see {@code etag}
     * @param bodyHash     SHA-256 of the document read, to remember with the validators; null when none was read
     * @param retryAfter   how long the server asked us to wait (429/503 {@code Retry-After}); null when it did not
     * @param bytes        bytes of the document received (decompressed), 0 when none
     * @param movedTo      the URL the feed moved to for good (only permanent redirects on the way), or null
     * @param updateHint   how often the feed or its server says it changes (TTL, {@code sy:updatePeriod},
     *                     {@code Cache-Control: max-age}, the longest), or null
     */
    public record Poll(FeedSubscription feed, Instant polledAt, PollOutcome outcome, int httpStatus, String error,
                       Duration latency, List<RawArticle> fresh, int seen, List<String> freshSkips,
                       String etag, String lastModified, String bodyHash, Duration retryAfter, long bytes,
                       String movedTo, Duration updateHint) {
        static Poll failed(FeedSubscription feed, Instant polledAt, PollOutcome outcome, int httpStatus, String error, Duration latency) {
            return new Poll(feed, polledAt, outcome, httpStatus, error, latency, List.of(), 0, List.of(), null, null, null, null, 0, null, null);
        }

        /** A short, stable class of the failure for dashboards; empty when the poll succeeded. */
        public String errorClass() {
            return ErrorClass.of(outcome, httpStatus, error);
        }

        /** Whether the feed was reached and read, changed or not. */
        public boolean healthy() {
            return outcome == PollOutcome.OK || outcome == PollOutcome.NOT_MODIFIED;
        }
    }

    /** The key under which a skip reason is remembered, so that it is reported once. */
    public static String skipKey(String reason) {
        return SKIP_PREFIX + reason;
    }

    /**
     * Polls the feed, blocking until the fetch ends (within the fetch deadline).
     *
     * @throws InterruptedException when the worker is stopped; the fetch is cancelled
     */
    public Poll poll(TrackedFeed tracked) throws InterruptedException {
        FeedSubscription feed = tracked.subscription();
        Instant polledAt = clock.instant();
        long started = System.nanoTime();
        CompletableFuture<FetchResult> fetch = fetcher.fetch(URI.create(feed.url().strip()), tracked.etag(), tracked.lastModified());
        FetchResult result;
        try {
            result = fetch.get();
        } catch (InterruptedException e) {
            fetch.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return Poll.failed(feed, polledAt, PollOutcome.NETWORK_ERROR, 0, "unexpected error: " + e.getCause(), since(started));
        }
        if (result instanceof FetchResult.NotModified) {
            return Poll.failed(feed, polledAt, PollOutcome.NOT_MODIFIED, 304, "", since(started));
        }
        if (result instanceof FetchResult.Failed failed) {
            return new Poll(feed, polledAt, failed.outcome(), failed.httpStatus(), failed.error(), since(started), List.of(), 0,
                    List.of(), null, null, null, failed.retryAfter(), 0, null, null);
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        String bodyHash = sha256(fetched);
        if (bodyHash.equals(tracked.state().bodyHash())) {
            // Many servers ignore the validators or send a new ETag for the same bytes: an unchanged body is not parsed again.
            return new Poll(feed, polledAt, PollOutcome.NOT_MODIFIED, fetched.status(), "", since(started), List.of(), 0, List.of(),
                    fetched.etag(), fetched.lastModified(), bodyHash, null, fetched.size(), movedTo(fetched), fetched.maxAge());
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(fetched, feed, polledAt);
        } catch (FeedParseException e) {
            return new Poll(feed, polledAt, PollOutcome.PARSE_ERROR, fetched.status(), e.getMessage(), since(started), List.of(), 0,
                    List.of(), null, null, null, null, fetched.size(), null, null);
        }
        List<RawArticle> fresh = new ArrayList<>();
        Set<String> inDocument = new HashSet<>();
        int seen = 0;
        for (RawArticle article : parsed.articles()) {
            if (!inDocument.add(article.id()) || tracked.seen().contains(article.id())) {
                seen++;
            } else {
                fresh.add(article);
            }
        }
        List<String> freshSkips = parsed.skipped().stream().filter(reason -> !tracked.seen().contains(skipKey(reason))).toList();
        return new Poll(feed, polledAt, PollOutcome.OK, fetched.status(), "", since(started), fresh, seen, freshSkips,
                fetched.etag(), fetched.lastModified(), bodyHash, null, fetched.size(), movedTo(fetched),
                longest(parsed.updateHint(), fetched.maxAge()));
    }

    private static Duration longest(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static String movedTo(FetchResult.Fetched fetched) {
        return fetched.movedTo() == null ? null : fetched.movedTo().toString();
    }

    private static String sha256(FetchResult.Fetched fetched) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = fetched.openBody()) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException("SHA-256 of an in-memory body failed: " + e.getMessage(), e);
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
