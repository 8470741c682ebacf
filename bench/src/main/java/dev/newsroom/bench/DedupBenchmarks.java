package dev.newsroom.bench;

import dev.newsroom.streams.DedupParameters;
import dev.newsroom.streams.internal.ArticleCleaner;
import dev.newsroom.streams.internal.CandidateVerifier;
import dev.newsroom.streams.internal.Fingerprint;
import dev.newsroom.streams.internal.LshBands;
import dev.newsroom.streams.internal.MinHasher;
import dev.newsroom.streams.internal.Similarity;
import java.util.List;
import java.util.Optional;
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
 * The per-article work of story assignment with the default parameters: the MinHash signature of a
 * 500-word article, its LSH band keys (the candidate lookup keys), and the verification of one
 * candidate (estimated Jaccard and containment).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DedupBenchmarks {
    private final DedupParameters parameters = DedupParameters.defaults();
    private final MinHasher minHasher = new MinHasher(parameters.shingleSize(), parameters.components());
    private final LshBands bands = new LshBands(minHasher, parameters.bands(), parameters.rows());
    private final CandidateVerifier verifier = new CandidateVerifier(minHasher, parameters);
    private String text;
    private Fingerprint original;
    private Fingerprint copy;

    @Setup
    public void prepare() {
        text = ArticleCleaner.text(Samples.articleHtml(HotPathBenchmarks.WORDS, 7));
        original = minHasher.fingerprint(text);
        copy = minHasher.fingerprint("Region: Middle East\n\n" + text + "\n\nThe original source of this article is Land Destroyer");
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
