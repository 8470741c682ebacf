package dev.newsroom.streams.internal;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SuperMinHash (hash4j) signatures over word shingles: words are lower-cased, accents and
 * punctuation dropped, and every run of {@code shingleSize} consecutive words is one shingle.
 * Texts shorter than one shingle use their words as shingles.
 */
public final class MinHasher {
    private static final Hasher64 HASH = Hashing.komihash5_0();
    private static final int BITS_PER_COMPONENT = 16;
    /** A headline has at least this many words; shorter first lines are bylines, dates or site names. */
    public static final int HEADLINE_MIN_WORDS = 4;
    /** ... and at most this many; a longer first line is a paragraph, not a headline. */
    static final int HEADLINE_MAX_WORDS = 20;

    private final int shingleSize;
    private final SimilarityHashPolicy policy;
    private final SimilarityHasher hasher;

    public MinHasher(int shingleSize, int components) {
        if (shingleSize < 1) {
            throw new IllegalArgumentException("shingleSize must be at least 1, was " + shingleSize);
        }
        this.shingleSize = shingleSize;
        this.policy = SimilarityHashing.superMinHash(components, BITS_PER_COMPONENT);
        this.hasher = policy.createHasher();
    }

    /** The words of a text as fingerprinting sees them. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** The distinct shingle hashes of a text. */
    public long[] shingles(List<String> words) {
        int n = words.size() < shingleSize ? (words.isEmpty() ? 0 : 1) : words.size() - shingleSize + 1;
        int size = Math.min(shingleSize, words.size());
        java.util.HashSet<Long> seen = new java.util.HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            seen.add(HASH.hashCharsToLong(String.join(" ", words.subList(i, i + size))));
        }
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The headline of a text as fingerprinting sees it: the words of its first line that has between
     * {@value #HEADLINE_MIN_WORDS} and {@value #HEADLINE_MAX_WORDS} words (without a site name after a
     * bar), separated by spaces; empty
     * if no line qualifies. The text handed to {@link #fingerprint} starts with the title, so this is
     * the title unless the title is boilerplate (too short, or dropped as the site's boilerplate).
     */
    public static String headline(String text) {
        for (String line : text.split("\n")) {
            List<String> words = words(withoutSiteName(line));
            if (words.size() >= HEADLINE_MIN_WORDS) {
                return words.size() <= HEADLINE_MAX_WORDS ? String.join(" ", words) : "";
            }
        }
        return "";
    }

    /** A title without the site name that sites append after a bar ("Headline | Miami Herald"): its longest part. */
    private static String withoutSiteName(String line) {
        String longest = "";
        for (String part : line.split(" \\| ")) {
            if (part.length() > longest.length()) {
                longest = part;
            }
        }
        return longest;
    }

    /**
     * The fingerprint of a text.
     *
     * @throws IllegalArgumentException if the text has no word (letters or digits) to fingerprint
     */
    public Fingerprint fingerprint(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the article has no words to fingerprint (its text is empty or only punctuation)");
        }
        long[] shingles = shingles(words);
        return new Fingerprint(hasher.compute(ElementHashProvider.ofValues(shingles)), shingles.length, words.size(), headline(text));
    }

    /** Estimated Jaccard similarity of the two shingle sets. */
    public double jaccard(Fingerprint a, Fingerprint b) {
        return policy.getFractionOfEqualComponents(a.signature(), b.signature());
    }

    /** Component {@code i} of a signature. */
    public long component(byte[] signature, int i) {
        return policy.getComponent(signature, i);
    }
}
