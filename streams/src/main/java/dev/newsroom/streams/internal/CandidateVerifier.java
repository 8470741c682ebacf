package dev.newsroom.streams.internal;

import dev.newsroom.streams.DedupParameters;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a candidate pair is the same article, symmetrically, and by which
 * {@link MatchRule}: near-duplicates by Jaccard; a copy contained in a page at most
 * {@code maxLengthRatio} times its length; when the two carry the same headline, a trimmed or
 * updated version sharing less of its text; and a write-through version under another headline
 * ({@code version-jaccard-percent=100} turns it off). Containment never joins a snippet to a page many times longer, so
 * aggregator pages, digests and live blogs that hold snippets of many stories do not glue them
 * together; short texts (under {@code minWords}) match only when near-identical (a headline taken
 * from a short page's first line may be a snippet of another story).
 */
public final class CandidateVerifier {
    /** Headline words shorter than this (articles, prepositions) do not count. */
    private static final int HEADLINE_WORD_MIN_LENGTH = 3;
    /** A photo credit that ends a caption: "(AP Photo/Pablo Martinez Monsivais)", "(Roni Rekomaa/Lehtikuva via AP)". */
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "(?i)\\((?:[^()]*\\bphoto\\b[^()]*|[^()/]{2,60}/[^()]{2,60}|[^()]{2,60}\\bvia [^()]{2,40})\\)\\W*$");
    /** Lines shorter than this are labels, bylines or credits, not captions or paragraphs. */
    private static final int CAPTION_MIN_WORDS = 8;
    private final MinHasher minHasher;
    private final DedupParameters parameters;

    public CandidateVerifier(MinHasher minHasher, DedupParameters parameters) {
        this.minHasher = minHasher;
        this.parameters = parameters;
    }

    /** The similarity of two copies (without a rule). */
    public Similarity similarity(Fingerprint a, Fingerprint b) {
        double jaccard = minHasher.jaccard(a, b);
        int smaller = Math.min(a.shingles(), b.shingles());
        double shared = jaccard * (a.shingles() + b.shingles()) / (1 + jaccard);
        double containment = smaller == 0 ? 0 : Math.min(1.0, shared / smaller);
        return new Similarity(jaccard, Math.max(jaccard, containment), headlineSimilarity(a.headline(), b.headline()), null);
    }

    /** Their similarity, with the rule by which they match, if the two copies match; else empty. */
    public Optional<Similarity> verify(Fingerprint a, Fingerprint b) {
        Similarity s = similarity(a, b);
        MatchRule rule = rule(s, a, b);
        return rule == null ? Optional.empty() : Optional.of(s.matchedBy(rule));
    }

    private MatchRule rule(Similarity s, Fingerprint a, Fingerprint b) {
        double ratio = (double) Math.max(a.shingles(), b.shingles()) / Math.max(1, Math.min(a.shingles(), b.shingles()));
        boolean sameHeadline = s.headline() >= parameters.headlineThreshold()
                && s.containment() >= parameters.headlineContainmentThreshold() && ratio <= parameters.headlineMaxLengthRatio();
        if (Math.min(a.words(), b.words()) < parameters.minWords()) {
            return s.jaccard() >= parameters.shortJaccardThreshold() ? MatchRule.SHORT_NEAR_IDENTICAL : null;
        }
        if (s.jaccard() >= parameters.jaccardThreshold()) {
            return MatchRule.NEAR_DUPLICATE;
        }
        if (s.containment() >= parameters.containmentThreshold() && ratio <= parameters.maxLengthRatio()) {
            return MatchRule.COPY;
        }
        if (sameHeadline) {
            return MatchRule.SAME_HEADLINE;
        }
        if (s.containment() >= parameters.versionContainmentThreshold() && s.jaccard() >= parameters.versionJaccardThreshold()
                && ratio <= parameters.maxLengthRatio()) {
            return MatchRule.VERSION;
        }
        return null;
    }

    /**
     * A page's title as the title index keys it: its words (lower case, no punctuation, without a site name after a
     * bar), or empty unless it has at least {@code title-min-words} words and fingerprinting kept it as the page's
     * headline (a title that is learned boilerplate or a configured pattern is no headline).
     */
    public String specificTitle(String title, Fingerprint fingerprint) {
        String normalised = MinHasher.headline(title == null ? "" : title);
        if (normalised.isEmpty() || !normalised.equals(fingerprint.headline())
                || normalised.split(" ").length < parameters.titleMinWords() || parameters.titleMinWords() > MinHasher.HEADLINE_MAX_WORDS) {
            return "";
        }
        return normalised;
    }

    /**
     * Whether two copies that carry the same specific title ({@link MatchRule#SAME_TITLE}; the caller checks the titles)
     * match although their texts do not: the text cannot tell because one of them is short (under {@code min-words}) or a
     * photo gallery ({@link #captionsOnly}), or the smaller is an excerpt of the larger (containment at least
     * {@code containment-percent}, whatever the length ratio). Empty with {@code title-min-words} above a
     * headline's length (off).
     */
    public Optional<Similarity> verifyTitle(Fingerprint a, String textA, Fingerprint b, String textB) {
        if (parameters.titleMinWords() > MinHasher.HEADLINE_MAX_WORDS) {
            return Optional.empty();
        }
        Similarity s = similarity(a, b);
        boolean textCannotTell = Math.min(a.words(), b.words()) < parameters.minWords() || captionsOnly(textA) || captionsOnly(textB)
                || s.containment() >= parameters.containmentThreshold();
        return textCannotTell ? Optional.of(s.matchedBy(MatchRule.SAME_TITLE)) : Optional.empty();
    }

    /**
     * Whether a text is a photo gallery: at least two lines of {@value #CAPTION_MIN_WORDS}+ words, and at least half of
     * them end with a photo credit in parentheses. Its words are captions, which share little text with the article the
     * page carries the title of.
     */
    static boolean captionsOnly(String text) {
        int lines = 0;
        int captions = 0;
        for (String line : text.split("\n")) {
            if (MinHasher.words(line).size() >= CAPTION_MIN_WORDS) {
                lines++;
                if (PHOTO_CREDIT.matcher(line.strip()).find()) {
                    captions++;
                }
            }
        }
        return captions >= 2 && 2 * captions >= lines;
    }

    /** Whether a match is a near-duplicate by Jaccard, not only by containment. */
    public boolean nearDuplicate(Similarity s) {
        return s.jaccard() >= parameters.jaccardThreshold();
    }

    /**
     * Whether a match to a copy in another story merges that story into the article's: every verified
     * match with {@code mergeOnAnyMatch} (the default; a copy of a copy is a copy), except where one of
     * the two merely contains the other ({@link #container}); only near-duplicates without it.
     */
    public boolean bridges(Similarity s, Fingerprint article, Fingerprint member) {
        if (nearDuplicate(s)) {
            return true;
        }
        return parameters.mergeOnAnyMatch() && s.rule() != null && !container(s, article, member);
    }

    /**
     * The container guard of {@code mergeOnAnyMatch}: whether a match by containment ({@link MatchRule#COPY}
     * or {@link MatchRule#VERSION}) is a page that <em>contains</em> the other copy rather than a copy of
     * it ({@link #contains}, either way round). Near-duplicates and same-headline matches are never
     * containers. Always false with {@code mergeOnAnyMatch} off.
     */
    public boolean container(Similarity s, Fingerprint a, Fingerprint b) {
        return contains(s, a, b) || contains(s, b, a);
    }

    /**
     * Whether {@code page} contains {@code copy} (with {@code mergeOnAnyMatch}, for a {@link MatchRule#COPY}
     * or {@link MatchRule#VERSION} match): the page has at least as many shingles, less
     * than {@code bridgeContainmentThreshold} of its own shingles are in the copy, and those not in it are
     * at least {@code containerExtraShingles} (another story's worth of text, not a header, footer or added
     * paragraphs). Such a page may hold the copy wrapped in its own long header and footer, or the copy
     * and another story; which one is not told by the pair. The {@link StoryAssigner} therefore lets a
     * page join the story of a copy it contains, never a copy the story of a page that contains it, and
     * merges no story through a container match unless the page's copies overlap ({@link #overlapping}).
     */
    public boolean contains(Similarity s, Fingerprint page, Fingerprint copy) {
        if (!parameters.mergeOnAnyMatch() || (s.rule() != MatchRule.COPY && s.rule() != MatchRule.VERSION)
                || page.shingles() < copy.shingles()) {
            return false;
        }
        double own = ownContainment(s, page, copy);
        return own < parameters.bridgeContainmentThreshold() && page.shingles() * (1 - own) >= parameters.containerExtraShingles();
    }

    /**
     * Whether two copies that one page contains are parts of one story rather than two stories: the
     * smaller has at least {@code containerOverlapThreshold} of its shingles in the larger (estimated).
     * Different articles about one event share quotes too, so this is asked only of copies the same page
     * holds.
     */
    public boolean overlapping(Fingerprint a, Fingerprint b) {
        return similarity(a, b).containment() >= parameters.containerOverlapThreshold();
    }

    /** The estimated share of the article's own shingles that the member holds (1 when it is the smaller and fully contained). */
    static double ownContainment(Similarity s, Fingerprint article, Fingerprint member) {
        if (article.shingles() == 0) {
            return 0.0;
        }
        double shared = s.jaccard() * (article.shingles() + member.shingles()) / (1 + s.jaccard());
        return Math.min(1.0, shared / article.shingles());
    }

    /** Jaccard similarity of the words (of three letters or more) of two headlines; 0 if either has none. */
    static double headlineSimilarity(String a, String b) {
        Set<String> x = headlineWords(a);
        Set<String> y = headlineWords(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0.0;
        }
        int union = x.size() + y.size();
        x.retainAll(y);
        return (double) x.size() / (union - x.size());
    }

    private static Set<String> headlineWords(String headline) {
        Set<String> words = new HashSet<>();
        for (String w : headline.split(" ")) {
            if (w.length() >= HEADLINE_WORD_MIN_LENGTH) {
                words.add(w);
            }
        }
        return words;
    }
}
