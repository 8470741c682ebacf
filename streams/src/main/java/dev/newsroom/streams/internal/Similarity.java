package dev.newsroom.streams.internal;

/**
 * How alike two copies are.
 *
 * @param jaccard     estimated Jaccard similarity of their shingle sets
 * @param containment estimated share of the smaller copy's shingles that the larger holds
 */
public record Similarity(double jaccard, double containment) {
    /** The one number reported as a copy's similarity: the larger of the two. */
    public double score() {
        return Math.max(jaccard, containment);
    }
}
