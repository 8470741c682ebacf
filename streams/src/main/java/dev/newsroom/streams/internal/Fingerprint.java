package dev.newsroom.streams.internal;

/**
 * What near-duplicate detection keeps of a text.
 *
 * @param signature MinHash signature of the word shingles
 * @param shingles  distinct shingles
 * @param words     words of the fingerprinted text
 * @param headline  the words of its headline (the first line of at least {@link MinHasher#HEADLINE_MIN_WORDS}
 *                  words, normalised and separated by spaces); empty when it has none. Stored with the
 *                  signature so that stored articles can be compared by headline.
 */
public record Fingerprint(byte[] signature, int shingles, int words, String headline) {
    public Fingerprint {
        if (signature == null || signature.length == 0) {
            throw new IllegalArgumentException("signature is required");
        }
        if (shingles < 0 || words < 0) {
            throw new IllegalArgumentException("shingles and words must not be negative");
        }
        headline = headline == null ? "" : headline;
    }

    /** A fingerprint without a headline. */
    public Fingerprint(byte[] signature, int shingles, int words) {
        this(signature, shingles, words, "");
    }
}
