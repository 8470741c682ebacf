package dev.newsroom.streams.internal;

import dev.newsroom.streams.DedupParameters;
import java.util.Optional;

/**
 * Decides whether a candidate pair is the same article, symmetrically. Two copies match when their
 * estimated Jaccard similarity reaches the threshold, or when the smaller is contained in the
 * larger (an excerpt with "read more", a copy wrapped in a longer page) and the larger is at most
 * {@code maxLengthRatio} times the smaller. Short texts (under {@code minWords}) match only when
 * near-identical, so a snippet never glues the stories of an aggregator page together.
 */
public final class CandidateVerifier {
    private final MinHasher minHasher;
    private final DedupParameters parameters;

    public CandidateVerifier(MinHasher minHasher, DedupParameters parameters) {
        this.minHasher = minHasher;
        this.parameters = parameters;
    }

    /** The similarity of two copies. */
    public Similarity similarity(Fingerprint a, Fingerprint b) {
        double jaccard = minHasher.jaccard(a, b);
        int smaller = Math.min(a.shingles(), b.shingles());
        double shared = jaccard * (a.shingles() + b.shingles()) / (1 + jaccard);
        double containment = smaller == 0 ? 0 : Math.min(1.0, shared / smaller);
        return new Similarity(jaccard, Math.max(jaccard, containment));
    }

    /** Their similarity if the two copies match, else empty. */
    public Optional<Similarity> verify(Fingerprint a, Fingerprint b) {
        Similarity s = similarity(a, b);
        if (Math.min(a.words(), b.words()) < parameters.minWords()) {
            return s.jaccard() >= parameters.shortJaccardThreshold() ? Optional.of(s) : Optional.empty();
        }
        if (s.jaccard() >= parameters.jaccardThreshold()) {
            return Optional.of(s);
        }
        double ratio = (double) Math.max(a.shingles(), b.shingles()) / Math.max(1, Math.min(a.shingles(), b.shingles()));
        return s.containment() >= parameters.containmentThreshold() && ratio <= parameters.maxLengthRatio()
                ? Optional.of(s) : Optional.empty();
    }

    /** Whether a match is a near-duplicate by Jaccard, not only by containment. */
    public boolean nearDuplicate(Similarity s) {
        return s.jaccard() >= parameters.jaccardThreshold();
    }
}
