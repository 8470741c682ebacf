package dev.newsroom.streams.internal;

/**
 * The rules by which two copies are the same article ({@link CandidateVerifier}), strongest first.
 * Each mirrors a kind of copy seen in real news (docs/dedup-quality.md).
 */
public enum MatchRule {
    /** Near-identical short texts (under {@code min-words}): Jaccard at least 0.9. */
    SHORT_NEAR_IDENTICAL,
    /** Near-duplicates: estimated Jaccard at least {@code jaccard-percent}. */
    NEAR_DUPLICATE,
    /** A copy with its own header and footer: containment at least {@code containment-percent}, length ratio at most {@code max-length-ratio}. */
    COPY,
    /**
     * The same headline (headline word Jaccard at least {@code headline-percent}) and containment at least
     * {@code headline-containment-percent}, length ratio at most {@code headline-max-length-ratio}: a
     * trimmed or updated wire version that kept its headline. Never for short texts.
     */
    SAME_HEADLINE,
    /** A write-through of a wire story under another headline: containment at least {@code version-containment-percent} and Jaccard at least {@code version-jaccard-percent}, length ratio at most {@code max-length-ratio}. */
    VERSION,
    /**
     * The same specific title (at least {@code title-min-words} words, identical once case, punctuation and a site name
     * after a bar are dropped, kept as the page's headline) where the text cannot tell: one of the two is short
     * (under {@code min-words}) or a photo gallery (captions only), or the smaller is contained at least
     * {@code containment-percent} in the larger whatever their length ratio (an excerpt). Found through a title
     * index, not LSH; never when the title is ambiguous (its copies are in several stories) or repeated by the page's
     * own site ({@link StoryAssigner}).
     */
    SAME_TITLE
}
