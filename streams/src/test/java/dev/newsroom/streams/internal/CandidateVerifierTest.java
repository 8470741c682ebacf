package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.streams.DedupParameters;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidateVerifierTest {
    private final DedupParameters parameters = DedupParameters.defaults();
    private final MinHasher minHasher = new MinHasher(parameters.shingleSize(), parameters.components());
    private final CandidateVerifier verifier = new CandidateVerifier(minHasher, parameters);
    private final LshBands bands = new LshBands(minHasher, parameters.bands(), parameters.rows());

    static String words(long seed, int words) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append("w").append(random.nextInt(5000));
        }
        return text.toString();
    }

    private static String firstWords(String text, int n) {
        return String.join(" ", Arrays.asList(text.split(" ")).subList(0, n));
    }

    @Test
    void shouldMatchACopyWithAHeaderAndAFooter() {
        String text = words(1, 500);
        Fingerprint original = minHasher.fingerprint(text);
        Fingerprint copy = minHasher.fingerprint("Region: Middle East\n" + text + "\nThe original source of this article is Land Destroyer");

        assertThat(verifier.verify(original, copy)).hasValueSatisfying(s -> assertThat(s.jaccard()).isGreaterThan(0.9));
    }

    @Test
    void shouldMatchAnExcerptByContainmentNotByJaccard() {
        String text = words(2, 600);
        Fingerprint full = minHasher.fingerprint(text);
        Fingerprint excerpt = minHasher.fingerprint(firstWords(text, 200));

        assertThat(verifier.verify(full, excerpt)).hasValueSatisfying(s -> {
            assertThat(s.jaccard()).isLessThan(0.4);
            assertThat(s.containment()).isGreaterThan(0.7);
        });
    }

    @Test
    void shouldMatchCopiesWrappedInPagesThreeTimesTheirLengthWhateverTheText() {
        for (int seed = 0; seed < 20; seed++) {
            String text = words(seed, 300);
            Fingerprint copy = minHasher.fingerprint(text);
            Fingerprint page = minHasher.fingerprint(words(seed + 100, 400) + " " + text + " " + words(seed + 200, 300));

            assertThat(verifier.verify(copy, page)).as("seed %d: %s", seed, verifier.similarity(copy, page)).isPresent();
        }
    }

    @Test
    void shouldBeSymmetric() {
        Fingerprint a = minHasher.fingerprint(words(3, 400));
        Fingerprint b = minHasher.fingerprint(firstWords(words(3, 400), 200) + " " + words(4, 100));

        assertThat(verifier.similarity(a, b)).isEqualTo(verifier.similarity(b, a));
    }

    @Test
    void shouldNotMatchDifferentTexts() {
        assertThat(verifier.verify(minHasher.fingerprint(words(5, 500)), minHasher.fingerprint(words(6, 500)))).isEmpty();
    }

    @Test
    void shouldNotMatchAShortTextContainedInALongerPage() {
        String snippet = words(7, 30);
        Fingerprint page = minHasher.fingerprint(snippet + " " + words(8, 60));

        assertThat(verifier.verify(minHasher.fingerprint(snippet), page)).isEmpty();
    }

    @Test
    void shouldMatchIdenticalShortTexts() {
        String snippet = words(9, 30);

        assertThat(verifier.verify(minHasher.fingerprint(snippet), minHasher.fingerprint(snippet))).isPresent();
    }

    @Test
    void shouldNotMatchAnExcerptOfAPageMoreThanMaxLengthRatioTimesLonger() {
        String text = words(10, 1000);

        assertThat(verifier.verify(minHasher.fingerprint(text), minHasher.fingerprint(firstWords(text, 100)))).isEmpty();
    }

    @Test
    void shouldPutNearDuplicatesInACommonBucket() {
        String text = words(11, 500);
        List<String> a = bands.keys(minHasher.fingerprint(text).signature());
        List<String> b = bands.keys(minHasher.fingerprint("Share this\n" + text + "\nComments").signature());

        assertThat(a).hasSize(parameters.bands()).containsAnyElementsOf(b);
        assertThat(bands.candidateProbability(0.5)).isGreaterThan(0.99);
        assertThat(bands.candidateProbability(0.25)).isGreaterThan(0.95);
        assertThat(bands.candidateProbability(0.02)).isLessThan(0.05);
    }

    @Test
    void shouldRefuseToFingerprintATextWithoutWords() {
        MinHasher hasher = new MinHasher(4, 64);

        assertThatThrownBy(() -> hasher.fingerprint(" -- !! "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the article has no words to fingerprint (its text is empty or only punctuation)");
        assertThat(hasher.fingerprint("Incirlik").shingles()).isEqualTo(1);
    }
}
