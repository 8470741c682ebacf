package dev.newsroom.bench;

import dev.newsroom.model.Article;
import dev.newsroom.model.JoinReason;
import dev.newsroom.model.serde.JsonSerde;
import dev.newsroom.streams.DedupParameters;
import dev.newsroom.streams.internal.ArticleEntry;
import dev.newsroom.streams.internal.StoreSerdes;
import dev.newsroom.streams.internal.ArticleCleaner;
import dev.newsroom.streams.internal.CandidateVerifier;
import dev.newsroom.streams.internal.Fingerprint;
import dev.newsroom.streams.internal.LshBands;
import dev.newsroom.streams.internal.MinHasher;
import dev.newsroom.streams.internal.Similarity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serde;
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
 * The per-article work of story assignment with the default parameters: the MinHash signature of a
 * 500-word article, its LSH band keys (the candidate lookup keys), and the verification of one
 * candidate (estimated Jaccard and containment); the words of a text as fingerprinting splits
 * them; and an article's entry in the {@code story-articles} store written and read in its binary
 * layout ({@link StoreSerdes}) next to the first, JSON layout it replaced.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DedupBenchmarks {
    private static final String STORE = "story-articles";
    private final DedupParameters parameters = DedupParameters.defaults();
    private final MinHasher minHasher = new MinHasher(parameters.shingleSize(), parameters.components());
    private final LshBands bands = new LshBands(minHasher, parameters.bands(), parameters.rows());
    private final CandidateVerifier verifier = new CandidateVerifier(minHasher, parameters);
    private String text;
    private Fingerprint original;
    private Fingerprint copy;
    private final Serde<ArticleEntry> entrySerde = StoreSerdes.articles();
    private final JsonSerde<ArticleEntry> entryJson = new JsonSerde<>(ArticleEntry.class, 1);
    private ArticleEntry entry;
    private byte[] entryBytes;
    private byte[] entryJsonBytes;

    @Setup
    public void prepare() {
        text = ArticleCleaner.text(Samples.articleHtml(HotPathBenchmarks.WORDS, 7));
        original = minHasher.fingerprint(text);
        copy = minHasher.fingerprint("Region: Middle East\n\n" + text + "\n\nThe original source of this article is Land Destroyer");
        Article article = new Article("a-1", "s-1", true, 1.0, "https://landdestroyer.blogspot.com/2015/11/a.html",
                "landdestroyer.blogspot.com", "US-Turkey Provocation", text, "https://landdestroyer.blogspot.com/feeds/posts/default",
                Instant.parse("2015-11-28T08:15:00Z"), Instant.parse("2015-11-28T08:16:00Z"), null, null, null, "en",
                null, JoinReason.founded(false));
        entry = new ArticleEntry(article, original, "s-1", JoinReason.founded(false), 1_448_698_560_000L);
        entryBytes = entrySerde.serializer().serialize(STORE, entry);
        entryJsonBytes = entryJson.serialize(STORE, entry);
    }

    /** The words of a cleaned 500-word article (fingerprinting runs this on the text and each of its lines). */
    @Benchmark
    public List<String> words() {
        return MinHasher.words(text);
    }

    /** An article's store entry (copy with its 500-word text, fingerprint, story, reason) in the binary layout. */
    @Benchmark
    public byte[] writeStoreEntry() {
        return entrySerde.serializer().serialize(STORE, entry);
    }

    /** Reads an entry as publishing reads most of a story's copies: without decoding the text. */
    @Benchmark
    public ArticleEntry readStoreEntry() {
        return entrySerde.deserializer().deserialize(STORE, entryBytes);
    }

    /** Reads an entry and decodes its text, as for a canonical or re-emitted copy. */
    @Benchmark
    public Article readStoreEntryWithText() {
        return entrySerde.deserializer().deserialize(STORE, entryBytes).article();
    }

    /** The same entry in the first, JSON layout, for comparison. */
    @Benchmark
    public byte[] writeStoreEntryAsJson() {
        return entryJson.serialize(STORE, entry);
    }

    @Benchmark
    public ArticleEntry readStoreEntryAsJson() {
        return entryJson.deserialize(STORE, entryJsonBytes);
    }

    /** MinHash signature of a cleaned 500-word article: articles/s. */
    @Benchmark
    public Fingerprint signature() {
        return minHasher.fingerprint(text);
    }

    /** The LSH band keys of a signature, i.e. the store keys of the candidate lookup. */
    @Benchmark
    public List<String> candidateKeys() {
        return bands.keys(original.signature());
    }

    /** Verifying one candidate: estimated Jaccard and containment from two signatures. */
    @Benchmark
    public Optional<Similarity> verifyCandidate() {
        return verifier.verify(copy, original);
    }
}
