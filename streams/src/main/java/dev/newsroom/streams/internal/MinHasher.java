package dev.newsroom.streams.internal;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * The words of a text as fingerprinting sees them: compatibility-decomposed (NFKD), combining
     * marks dropped, lower-cased, split at every character that is neither a letter nor a number.
     * One pass over the characters (this runs several times per article on the single story
     * assignment thread); ASCII text skips the decomposition, which leaves it unchanged.
     */
    public static List<String> words(String text) {
        String folded = (isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD)).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder marked = null;  // the word so far, when a mark inside it was dropped
        int start = -1;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isWordChar(c)) {
                if (start < 0) {
                    start = i;
                }
            } else if (isMark(c)) {
                if (start >= 0) {
                    marked = (marked == null ? new StringBuilder() : marked).append(folded, start, i);
                    start = next;
                }
            } else {
                addWord(words, marked, folded, start, i);
                marked = null;
                start = -1;
            }
            i = next;
        }
        addWord(words, marked, folded, start, folded.length());
        return words;
    }

    private static void addWord(List<String> words, StringBuilder marked, String text, int start, int end) {
        if (marked != null) {
            marked.append(text, Math.max(start, 0), Math.max(start, end));
            if (marked.length() > 0) {
                words.add(marked.toString());
            }
        } else if (start >= 0 && end > start) {
            words.add(text.substring(start, end));
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code \p{L}} or {@code \p{N}}. */
    private static boolean isWordChar(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** {@code \p{M}}: dropped, so a word with an accent stays one word. */
    private static boolean isMark(int c) {
        if (c < 0x80) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * The distinct shingle hashes of a text, in ascending order: the hash of each run of
     * {@code shingleSize} words joined by single spaces. The words are joined once, and each shingle
     * is hashed where it lies in the joined text rather than copied out of it.
     */
    public long[] shingles(List<String> words) {
        int n = words.size() < shingleSize ? (words.isEmpty() ? 0 : 1) : words.size() - shingleSize + 1;
        int size = Math.min(shingleSize, words.size());
        int[] starts = new int[words.size() + 1];
        StringBuilder joined = new StringBuilder(words.size() * 8);
        for (int w = 0; w < words.size(); w++) {
            if (w > 0) {
                joined.append(' ');
            }
            starts[w] = joined.length();
            joined.append(words.get(w));
        }
        starts[words.size()] = joined.length() + 1;
        String text = joined.toString();
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = HASH.hashCharsToLong(new Slice(text, starts[i], starts[i + size] - 1));
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /**
     * Characters {@code from} to {@code to} of a string, without copying them. Not {@code CharBuffer.wrap}: with
     * it the signature of a 500-word article measured about 10 % slower (JMH {@code DedupBenchmarks.signature},
     * 20,800 against 23,100 per second), its {@code charAt} checking position and limit on every character.
     */
    private record Slice(String text, int from, int to) implements CharSequence {
        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return text.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Slice(text, from + start, from + end);
        }

        @Override
        public String toString() {
            return text.substring(from, to);
        }
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
        return fingerprint(text, words(text));
    }

    /**
     * The fingerprint of a text whose {@link #words} the caller has already split.
     *
     * @throws IllegalArgumentException if the text has no word (letters or digits) to fingerprint
     */
    public Fingerprint fingerprint(String text, List<String> words) {
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
