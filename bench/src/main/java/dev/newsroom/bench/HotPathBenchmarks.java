package dev.newsroom.bench;

import dev.newsroom.ingest.FeedParseException;
import dev.newsroom.ingest.FeedParser;
import dev.newsroom.ingest.FeedSource;
import dev.newsroom.ingest.ParsedFeed;
import dev.newsroom.model.Article;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.Topic;
import dev.newsroom.streams.internal.ArticleCleaner;
import dev.newsroom.streams.internal.ArticleMapper;
import dev.newsroom.streams.tag.Tagger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the per-item hot paths: parsing a feed, cleaning an article's HTML, and the JSON
 * serdes of the two records every article passes through. Later stages (signature, candidate
 * lookup, tagging) add their benchmarks here as they land.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmarks {
    /** Items per feed document: a typical news feed. */
    static final int ITEMS = 50;
    /** Words per article body: a typical news article. */
    static final int WORDS = 500;

    private final FeedParser parser = new FeedParser();
    private final FeedSource source = FeedSource.of("https://news.example.org/feed.xml");
    private final Topic<String, RawArticle> rawTopic = NewsTopics.defaults().raw();
    private final Topic<String, Article> articleTopic = NewsTopics.defaults().articles();
    private byte[] feed;
    private String html;
    private RawArticle raw;
    private byte[] rawJson;
    private Article article;
    private byte[] articleJson;

    @Setup
    public void prepare() throws FeedParseException {
        feed = Samples.rss(ITEMS, WORDS).getBytes(StandardCharsets.UTF_8);
        html = Samples.articleHtml(WORDS, 42);
        raw = parse().articles().get(0);
        rawJson = rawTopic.valueSerde().serializer().serialize(rawTopic.name(), raw);
        article = new ArticleMapper(Tagger.defaults()).clean(raw);
        articleJson = articleTopic.valueSerde().serializer().serialize(articleTopic.name(), article);
    }

    /** One feed document of 50 items of 500 words: feeds/s (multiply by 50 for items/s). */
    @Benchmark
    public ParsedFeed parseFeed() throws FeedParseException {
        return parse();
    }

    private ParsedFeed parse() throws FeedParseException {
        return parser.parse(new ByteArrayInputStream(feed), "application/rss+xml", source, Instant.EPOCH);
    }

    /** HTML of a 500-word article to clean text: articles/s. */
    @Benchmark
    public String cleanArticle() {
        return ArticleCleaner.text(html);
    }

    @Benchmark
    public byte[] serializeRawArticle() {
        return rawTopic.valueSerde().serializer().serialize(rawTopic.name(), raw);
    }

    @Benchmark
    public RawArticle deserializeRawArticle() {
        return rawTopic.valueSerde().deserializer().deserialize(rawTopic.name(), rawJson);
    }

    @Benchmark
    public byte[] serializeArticle() {
        return articleTopic.valueSerde().serializer().serialize(articleTopic.name(), article);
    }

    @Benchmark
    public Article deserializeArticle() {
        return articleTopic.valueSerde().deserializer().deserialize(articleTopic.name(), articleJson);
    }
}
