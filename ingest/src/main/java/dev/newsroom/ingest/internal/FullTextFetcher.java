package dev.newsroom.ingest.internal;

import dev.newsroom.ingest.FeedFetcher;
import dev.newsroom.ingest.FetchResult;
import dev.newsroom.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The optional full-text step of a feed marked {@code fullText}: for each new item, fetch its page
 * with the feed fetcher (same deadline, size cap, redirects and address guard) when the site's
 * robots.txt allows it, extract the main text ({@link ArticleExtractor}), and put it in place of
 * the excerpt when it is clearly longer: at least twice the excerpt's text and
 * {@value #MIN_GAIN} characters more. Every request, robots.txt included, takes the host's slot in
 * the {@link HostGate}, so pages of one site wait for each other and for that site's feeds. An item
 * whose page cannot be used keeps its excerpt; none is ever dropped.
 */
public final class FullTextFetcher {
    /** The least number of characters the page's text must add to the excerpt's. */
    public static final int MIN_GAIN = 200;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\\s;\"]+)");

    private final FeedFetcher fetcher;
    private final HostGate hosts;
    private final RobotsRules robots;
    private final Clock clock;
    private final Duration hostWait;

    /**
     * @param hostWait how long to wait for a host's slot before giving up on one page
     */
    public FullTextFetcher(FeedFetcher fetcher, HostGate hosts, RobotsRules robots, Clock clock, Duration hostWait) {
        this.fetcher = fetcher;
        this.hosts = hosts;
        this.robots = robots;
        this.clock = clock;
        this.hostWait = hostWait;
    }

    /**
     * The items, each with its page's text where that worked, in their order.
     *
     * @param articles the items; their order is kept
     * @param replaced how many got their page's text
     * @param note     one sentence for the feed's status: how many got the full text and why the others kept their excerpt
     */
    public record Result(List<RawArticle> articles, int replaced, String note) {
    }

    /** Fetches the pages of the items, one after the other. */
    public Result enrich(List<RawArticle> fresh) throws InterruptedException {
        List<RawArticle> out = new ArrayList<>(fresh.size());
        Map<String, Integer> kept = new LinkedHashMap<>();
        int replaced = 0;
        for (RawArticle article : fresh) {
            Outcome outcome;
            try {
                outcome = fullText(article);
            } catch (RuntimeException e) {
                outcome = Outcome.kept("extraction failed: " + e.getClass().getSimpleName());
            }
            if (outcome.article() != null) {
                out.add(outcome.article());
                replaced++;
            } else {
                out.add(article);
                kept.merge(outcome.keptBecause(), 1, Integer::sum);
            }
        }
        String note = "full text for " + replaced + " of " + fresh.size() + " new items" + (kept.isEmpty() ? "" : "; kept the excerpt: "
                + kept.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        return new Result(List.copyOf(out), replaced, note);
    }

    /** The article with its page's text, or null and why not. */
    private record Outcome(RawArticle article, String keptBecause) {
        static Outcome kept(String why) {
            return new Outcome(null, why);
        }
    }

    private Outcome fullText(RawArticle article) throws InterruptedException {
        URI page;
        try {
            page = URI.create(article.url().strip());
        } catch (IllegalArgumentException e) {
            return Outcome.kept("invalid page URL");
        }
        String host = HostGate.keyOf(page.toString());
        Optional<RobotsRules.Verdict> cached = robots.cached(page, clock.instant());
        RobotsRules.Verdict verdict;
        if (cached.isPresent()) {
            verdict = cached.get();
        } else {
            FetchResult answer = fetch(host, RobotsRules.robotsUrl(page));
            if (answer == null) {
                return Outcome.kept("host busy");
            }
            verdict = robots.learn(page, answer, clock.instant());
        }
        if (!verdict.allows(page)) {
            return Outcome.kept(verdict.note().isEmpty() ? "robots.txt disallows" : verdict.note());
        }
        FetchResult answer = fetch(host, page);
        if (answer == null) {
            return Outcome.kept("host busy");
        }
        if (!(answer instanceof FetchResult.Fetched fetched)) {
            return Outcome.kept("page fetch failed: " + (answer instanceof FetchResult.Failed failed ? failed.error() : "HTTP 304"));
        }
        String type = fetched.contentType() == null ? "" : fetched.contentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html")) {
            return Outcome.kept("page is not HTML");
        }
        Optional<ArticleExtractor.Extracted> extracted = ArticleExtractor.extract(parse(fetched), fetched.finalUri());
        if (extracted.isEmpty() || !clearlyLonger(extracted.get().text(), article.text())) {
            return Outcome.kept("extraction too short");
        }
        return new Outcome(withText(article, extracted.get()), "");
    }

    /** Whether the page's text is clearly more than the excerpt: twice as long and {@value #MIN_GAIN} characters more. */
    static boolean clearlyLonger(String extracted, String excerpt) {
        return extracted.length() >= 2 * excerpt.length() && extracted.length() >= excerpt.length() + MIN_GAIN;
    }

    /** One request under the host's politeness slot; null when the slot did not come free in time. */
    private FetchResult fetch(String host, URI url) throws InterruptedException {
        if (!hosts.acquire(host, clock, hostWait)) {
            return null;
        }
        CompletableFuture<FetchResult> request = fetcher.fetchPage(url);
        try {
            return request.get();
        } catch (InterruptedException e) {
            request.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return new FetchResult.Failed(dev.newsroom.model.PollOutcome.NETWORK_ERROR, 0, "unexpected error: " + e.getCause(),
                    Duration.ZERO);
        } finally {
            hosts.release(host, clock.instant());
        }
    }

    private static Document parse(FetchResult.Fetched fetched) {
        String charset = null;
        Matcher m = CHARSET.matcher(fetched.contentType() == null ? "" : fetched.contentType());
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1)).name();
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                charset = null; // jsoup detects it from the page's meta tag or BOM
            }
        }
        try (InputStream in = fetched.openBody()) {
            return Jsoup.parse(in, charset, fetched.finalUri().toString());
        } catch (IOException e) {
            throw new IllegalStateException("Parsing an in-memory page failed: " + e.getMessage(), e);
        }
    }

    private static RawArticle withText(RawArticle a, ArticleExtractor.Extracted page) {
        return new RawArticle(a.id(), a.feedId(), a.feedUrl(), a.url(), a.guid(), a.title(), a.summary(), page.html(), a.author(),
                a.categories(), a.publishedAt(), a.fetchedAt(), a.site(), a.language(), page.text(), a.dateNote());
    }
}
