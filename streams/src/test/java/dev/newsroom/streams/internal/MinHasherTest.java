package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one-pass word splitter and shingler give exactly what the first, regular-expression
 * implementation gave (kept here as the reference), so signatures already in state stay comparable.
 */
class MinHasherTest {
    private final MinHasher minHasher = new MinHasher(4, 512);

    /** The first implementation: NFKD, marks removed, lower case, split at non-letters and non-numbers. */
    private static List<String> referenceWords(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** The first implementation's signature: shingles joined by spaces, komihash, a HashSet. */
    private static byte[] referenceSignature(String text) {
        List<String> words = referenceWords(text);
        int n = words.size() < 4 ? 1 : words.size() - 3;
        int size = Math.min(4, words.size());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            seen.add(Hashing.komihash5_0().hashCharsToLong(String.join(" ", words.subList(i, i + size))));
        }
        return SimilarityHashing.superMinHash(512, 16).createHasher()
                .compute(ElementHashProvider.ofValues(seen.stream().mapToLong(Long::longValue).toArray()));
    }

    @Test
    void shouldSplitWordsLikeTheReferenceOnTrickyText() {
        List<String> texts = List.of(
                "Crème brûlée — “quoted” it’s 3½ ﬁne Ⅷ ① x²",
                "ΟΔΟΣ'Α ΟΔΟΣ. Σίσυφος ΣΣ",
                "İstanbul ǅemal Straße ÅNGSTRÖM",
                "e\u0301t\u0301e\u0301 a\u20DDb \u0903x",
                "日本語のテキスト 中文 한국어 العربية ١٢٣",
                "emoji \uD83D\uDE00 surrogate \uD835\uDC00 bold \uD835\uDFCE",
                "   ", "", "plain ascii, with punctuation: yes! 42 times.");
        for (String text : texts) {
            assertThat(MinHasher.words(text)).as(text).isEqualTo(referenceWords(text));
        }
    }

    @Test
    void shouldSplitWordsLikeTheReferenceOnRandomUnicode() {
        Random random = new Random(7);
        int[][] ranges = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x2000, 0x2BFF}, {0xFB00, 0xFB06},
                {0x1D400, 0x1D7FF}, {0x3040, 0x30FF}, {0x0900, 0x097F}};
        for (int t = 0; t < 2_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0, len = random.nextInt(40); i < len; i++) {
                int[] r = ranges[random.nextInt(ranges.length)];
                b.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
            }
            String text = b.toString();
            assertThat(MinHasher.words(text)).as(text).isEqualTo(referenceWords(text));
        }
    }

    @Test
    void shouldComputeTheReferenceSignature() {
        String text = CandidateVerifierTest.words(3, 400) + "\nIt’s the “same” text — with Ünïcödé, and repeats repeats repeats repeats repeats.";
        assertThat(minHasher.fingerprint(text).signature()).isEqualTo(referenceSignature(text));
        assertThat(minHasher.fingerprint("two words").signature()).isEqualTo(referenceSignature("two words"));
    }

    @Test
    void shouldCountDistinctShingles() {
        assertThat(minHasher.fingerprint("a b c d a b c d a b c d").shingles()).isEqualTo(4);
        assertThat(minHasher.fingerprint("a b c d a b c d a b c d").words()).isEqualTo(12);
    }
}
