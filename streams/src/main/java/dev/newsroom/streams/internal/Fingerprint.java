package dev.newsroom.streams.internal;

/**
 * What near-duplicate detection keeps of a text.
 *
 * @param signature MinHash signature of the word shingles
 * @param shingles  distinct shingles
 * @param words     words of the fingerprinted text
 */
public record Fingerprint(byte[] signature, int shingles, int words) {
    public Fingerprint {
        if (signature == null || signature.length == 0) {
            throw new IllegalArgumentException("signature is required");
        }
        if (shingles < 0 || words < 0) {
            throw new IllegalArgumentException("shingles and words must not be negative");
        }
    }
}
