package dev.newsroom.model;

/**
 * Why a copy is in its story: the earlier copy it matched and how closely, and whether an explicit
 * attribution decided the story's canonical copy.
 *
 * @param matchedArticleId            the copy it was verified against; empty for the copy that founded the story
 * @param jaccard                     estimated Jaccard similarity of the two copies' word shingles, 0..1
 * @param containment                 estimated share of the smaller copy's shingles found in the larger, 0..1
 * @param canonicalByAttribution      whether the story's canonical copy was chosen by an attribution
 * @param rule                        the rule by which it matched, in lower case: {@code near_duplicate},
 *                                    {@code copy}, {@code same_headline}, {@code version},
 *                                    {@code short_near_identical}, {@code same_title}; empty for the founder (and records written before rules were kept)
 */
public record JoinReason(String matchedArticleId, double jaccard, double containment, boolean canonicalByAttribution, String rule) {
    public JoinReason {
        matchedArticleId = Checks.orEmpty(matchedArticleId);
        Checks.unit(jaccard, "jaccard");
        Checks.unit(containment, "containment");
        rule = Checks.orEmpty(rule);
    }

    /** A reason without a rule. */
    public JoinReason(String matchedArticleId, double jaccard, double containment, boolean canonicalByAttribution) {
        this(matchedArticleId, jaccard, containment, canonicalByAttribution, "");
    }

    /** The reason of the copy that founded its story. */
    public static JoinReason founded(boolean canonicalByAttribution) {
        return new JoinReason("", 1.0, 1.0, canonicalByAttribution, "");
    }

    public JoinReason withCanonicalByAttribution(boolean byAttribution) {
        return new JoinReason(matchedArticleId, jaccard, containment, byAttribution, rule);
    }
}
