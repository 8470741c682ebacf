package dev.newsroom.streams.internal;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into {@code bands} bands
 * of {@code rows} components, and each band hashes to one bucket key. Two texts with Jaccard
 * similarity {@code s} share at least one bucket with probability {@code 1 - (1 - s^rows)^bands}.
 */
public final class LshBands {
    private static final Hasher64 HASH = Hashing.komihash5_0();
    private final MinHasher minHasher;
    private final int bands;
    private final int rows;

    public LshBands(MinHasher minHasher, int bands, int rows) {
        this.minHasher = minHasher;
        this.bands = bands;
        this.rows = rows;
    }

    /** The bucket keys of a signature, one per band: band number and 16 hex digits. */
    public List<String> keys(byte[] signature) {
        List<String> keys = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            var stream = HASH.hashStream().putInt(b);
            for (int r = 0; r < rows; r++) {
                stream.putLong(minHasher.component(signature, b * rows + r));
            }
            keys.add(b + ":" + HexFormat.of().toHexDigits(stream.getAsLong()));
        }
        return keys;
    }

    /** The probability that two texts of Jaccard similarity {@code s} become candidates. */
    public double candidateProbability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }
}
