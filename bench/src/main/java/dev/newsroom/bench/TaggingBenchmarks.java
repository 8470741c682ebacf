package dev.newsroom.bench;

import dev.newsroom.model.TopicTag;
import dev.newsroom.streams.internal.ArticleCleaner;
import dev.newsroom.streams.tag.Tagger;
import dev.newsroom.streams.tag.TopicTagger;
import java.util.List;
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
 * Topic tagging (and the whole tagger) of a cleaned 500-word article with the shipped taxonomy (and model, when one is
 * shipped): tokenising, phrase look-ups, site-tag mapping, ranking. The sample text is made of news
 * words, so it hits many phrases: a worse case than most real articles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TaggingBenchmarks {
    private final TopicTagger tagger = TopicTagger.defaults();
    private final Tagger all = Tagger.defaults();
    private final List<String> hints = List.of("Theme: Terrorism", "Theme: US NATO War Agenda", "In-depth Report: SYRIA");
    private String title;
    private String text;

    @Setup
    public void prepare() {
        title = "US-Turkey Edging Up to Syrian Border";
        text = ArticleCleaner.text(Samples.articleHtml(HotPathBenchmarks.WORDS, 11));
    }

    /** IPTC topics of a 500-word article with three site tags: articles/s. */
    @Benchmark
    public List<TopicTag> topics() {
        return tagger.topics(title, text, hints);
    }

    /**
     * Everything an article gets in the topology: topics, places, language, site tag lines and
     * category mapping (the target: 5,000 articles/s per core): articles/s.
     */
    @Benchmark
    public Tagger.Tags tagAll() {
        return all.tag(title, text, hints, "");
    }
}
