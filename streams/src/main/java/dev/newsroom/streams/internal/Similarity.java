package dev.newsroom.streams.internal;

/**
 * How alike two copies are, and by which rule they match.
 *
 * @param jaccard     estimated Jaccard similarity of their shingle sets
 * @param containment estimated share of the smaller copy's shingles that the larger holds
 * @param headline    Jaccard similarity of their headlines' words (0 when either has no headline)
 * @param rule        the rule by which they match; null when they do not (or were only measured)
 */
public record Similarity(double jaccard, double containment, double headline, MatchRule rule) {
    public Similarity(double jaccard, double containment) {
        this(jaccard, containment, 0.0, null);
    }

    /** The one number reported as a copy's similarity: the larger of Jaccard and containment. */
    public double score() {
        return Math.max(jaccard, containment);
    }

    Similarity matchedBy(MatchRule matched) {
        return new Similarity(jaccard, containment, headline, matched);
    }
}
