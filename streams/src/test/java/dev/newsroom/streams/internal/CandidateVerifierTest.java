package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.streams.DedupParameters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    private static final String HEADLINE = "Trump sets expectations low for Helsinki summit with Putin";

    /** A trimmed or updated version: the first 300 of 600 words, then 200 new ones (containment 0.6, Jaccard about 0.375). */
    private static String version(String text, long seed) {
        return firstWords(text, 300) + " " + words(seed, 200);
    }

    @Test
    void shouldMatchATrimmedVersionUnderTheSameHeadline() {
        String text = words(20, 600);
        Fingerprint original = minHasher.fingerprint(HEADLINE + "\n" + text);
        Fingerprint trimmed = minHasher.fingerprint("Trump Sets Expectations Low for Helsinki Summit With Putin | Miami Herald\n" + version(text, 21));

        assertThat(verifier.verify(original, trimmed)).hasValueSatisfying(s -> {
            assertThat(s.rule()).isEqualTo(MatchRule.SAME_HEADLINE);
            assertThat(s.jaccard()).isLessThan(parameters.jaccardThreshold());
            assertThat(s.containment()).isLessThan(parameters.containmentThreshold());
            assertThat(s.headline()).isGreaterThanOrEqualTo(parameters.headlineThreshold());
        });
    }

    @Test
    void shouldNotMatchAVersionSharingHalfItsTextUnderAnotherHeadline() {
        String text = words(20, 600);
        Fingerprint original = minHasher.fingerprint(HEADLINE + "\n" + text);
        // 250 of 600 words kept and 200 new ones: containment 0.56, below the version rule's 0.6
        String half = firstWords(text, 250) + " " + words(21, 200);
        Fingerprint other = minHasher.fingerprint("Putin arrives late for his meeting with Trump\n" + half);
        Fingerprint sameHeadline = minHasher.fingerprint(HEADLINE + "\n" + half);

        assertThat(verifier.verify(original, other)).isEmpty();
        assertThat(verifier.verify(original, sameHeadline)).as("the headline decides")
                .hasValueSatisfying(s -> assertThat(s.rule()).isEqualTo(MatchRule.SAME_HEADLINE));
        assertThat(verifier.verify(original, minHasher.fingerprint("Putin arrives late for his meeting with Trump\n" + version(text, 21))))
                .as("60% of the text under another headline is a write-through version (ADR 9 amendment 2)")
                .hasValueSatisfying(s -> assertThat(s.rule()).isEqualTo(MatchRule.VERSION));
    }

    @Test
    void shouldMatchAWriteThroughUnderANewHeadlineUnlessTheVersionRuleIsOff() {
        DedupParameters withoutVersions = DedupParameters.from(ConfigSource.ofFlags(Map.of(DedupParameters.VERSION_JACCARD_PERCENT.key(), "100")));
        CandidateVerifier noVersions = new CandidateVerifier(minHasher, withoutVersions);
        // 330 of 800 words kept and 170 new ones: containment 0.66, Jaccard 0.34
        String text = words(22, 800);
        Fingerprint first = minHasher.fingerprint(HEADLINE + "\n" + text);
        Fingerprint writeThrough = minHasher.fingerprint("Trump arrives in Finland for closely watched Putin summit\n"
                + firstWords(text, 330) + " " + words(23, 170));

        assertThat(verifier.verify(first, writeThrough)).as("on by default")
                .hasValueSatisfying(s -> assertThat(s.rule()).isEqualTo(MatchRule.VERSION));
        assertThat(noVersions.verify(first, writeThrough)).isEmpty();
    }

    @Test
    void shouldNotMatchASnippetInAnAggregatorPageEvenUnderTheSameHeadline() {
        String article = words(24, 300);
        StringBuilder page = new StringBuilder(HEADLINE + "\n" + firstWords(article, 150));
        for (int story = 0; story < 10; story++) {
            page.append("\n").append(words(100 + story, 150));
        }
        Fingerprint copy = minHasher.fingerprint(HEADLINE + "\n" + article);
        Fingerprint aggregator = minHasher.fingerprint(page.toString());

        assertThat(verifier.verify(copy, aggregator)).as("%s", verifier.similarity(copy, aggregator)).isEmpty();
    }

    @Test
    void shouldNotMatchShortTextsByHeadlineAlone() {
        String text = words(25, 35);
        Fingerprint a = minHasher.fingerprint("Trump arrives in Helsinki ahead of Putin summit\n" + text + " " + words(27, 10));
        Fingerprint b = minHasher.fingerprint("Trump arrives in Helsinki ahead of Putin summit\n" + text);

        assertThat(verifier.similarity(a, b).headline()).isEqualTo(1.0);
        assertThat(verifier.verify(a, b)).isEmpty();
    }

    @Test
    void shouldCompareHeadlinesByTheirLongerWords() {
        assertThat(CandidateVerifier.headlineSimilarity("trump sets expectations low for helsinki summit with putin",
                "trump sets expectations low for helsinki summit with putin miami herald")).isEqualTo(9.0 / 11);
        assertThat(CandidateVerifier.headlineSimilarity("", "trump meets putin in helsinki")).isZero();
        assertThat(MinHasher.headline("By AP\nTrump meets Putin in Helsinki\nMore text here today")).isEqualTo("trump meets putin in helsinki");
        assertThat(MinHasher.headline("AP\n" + words(26, 40))).as("a paragraph is not a headline").isEmpty();
        assertThat(MinHasher.headline("Trump sets expectations low for Helsinki summit | The Seattle Times"))
                .isEqualTo("trump sets expectations low for helsinki summit");
    }

    @Test
    void shouldRefuseToFingerprintATextWithoutWords() {
        MinHasher hasher = new MinHasher(4, 64);

        assertThatThrownBy(() -> hasher.fingerprint(" -- !! "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the article has no words to fingerprint (its text is empty or only punctuation)");
        assertThat(hasher.fingerprint("Incirlik").shingles()).isEqualTo(1);
    }

    @Test
    void shouldTellAPageThatContainsACopyFromACopyWhenMergingOnAnyMatch() {
        String story = words(50, 300);
        Fingerprint copy = minHasher.fingerprint(story);
        Fingerprint page = minHasher.fingerprint(story + "\n" + words(51, 600));
        Fingerprint repost = minHasher.fingerprint("Header line of the repost here\n" + story + "\n" + words(52, 40));
        DedupParameters mergeAll = DedupParameters.defaults();
        CandidateVerifier merging = verifier;
        CandidateVerifier notMerging = new CandidateVerifier(minHasher,
                DedupParameters.from(ConfigSource.ofFlags(Map.of(DedupParameters.MERGE_ON_ANY_MATCH.key(), "false"))));

        Similarity inPage = merging.verify(page, copy).orElseThrow();
        assertThat(inPage.rule()).isEqualTo(MatchRule.COPY);
        assertThat(merging.container(inPage, page, copy)).as("two thirds of the page are not in the copy").isTrue();
        assertThat(merging.container(inPage, copy, page)).as("symmetric").isTrue();
        assertThat(merging.contains(inPage, page, copy)).isTrue();
        assertThat(merging.contains(inPage, copy, page)).as("the copy does not contain the page").isFalse();
        assertThat(merging.bridges(inPage, page, copy)).isFalse();
        assertThat(notMerging.container(inPage, page, copy)).as("no guard with merging off").isFalse();

        String shortStory = words(54, 200);
        Fingerprint shortCopy = minHasher.fingerprint(shortStory);
        Fingerprint updated = minHasher.fingerprint(shortStory + "\n" + words(53, 300));
        Similarity update = merging.verify(updated, shortCopy).orElseThrow();
        assertThat(update.rule()).isEqualTo(MatchRule.COPY);
        assertThat(CandidateVerifier.ownContainment(update, updated, shortCopy)).isLessThan(mergeAll.bridgeContainmentThreshold());
        assertThat(merging.container(update, updated, shortCopy)).as("300 added words are not another story").isFalse();

        Similarity reposted = merging.verify(repost, copy).orElseThrow();
        assertThat(merging.container(reposted, repost, copy)).isFalse();
        assertThat(merging.bridges(reposted, repost, copy)).isTrue();
    }

    @Test
    void shouldTellTwoPartsOfOneStoryFromTwoStoriesThatOnePageHolds() {
        String story = words(60, 750);
        Fingerprint top = minHasher.fingerprint(firstWords(story, 500));
        // the last 500 words: 250 of them shared with the top, containment 0.5 each way
        Fingerprint bottom = minHasher.fingerprint(String.join(" ", Arrays.asList(story.split(" ")).subList(250, 750)));
        Fingerprint other = minHasher.fingerprint(words(61, 500));

        assertThat(verifier.verify(top, bottom)).as("not a copy or version of each other").isEmpty();
        assertThat(verifier.overlapping(top, bottom)).isTrue();
        assertThat(verifier.overlapping(bottom, top)).isTrue();
        assertThat(verifier.overlapping(top, other)).isFalse();
        CandidateVerifier strict = new CandidateVerifier(minHasher,
                DedupParameters.from(ConfigSource.ofFlags(Map.of(DedupParameters.CONTAINER_OVERLAP_PERCENT.key(), "60"))));
        assertThat(strict.overlapping(top, bottom)).isFalse();
    }

    @Test
    void shouldTellAPhotoGalleryFromAnArticleWithAPhoto() {
        assertThat(CandidateVerifier.captionsOnly(StoryAssignerTest.gallery(1, 8))).isTrue();
        String article = words(3, 100) + "\n\n" + words(4, 30) + " (AP Photo/Pablo Martinez Monsivais)\n\n" + words(5, 100) + "\n\n"
                + words(6, 100);
        assertThat(CandidateVerifier.captionsOnly(article)).as("one captioned photo in an article").isFalse();
        assertThat(CandidateVerifier.captionsOnly(words(7, 300))).isFalse();
    }

    @Test
    void shouldKeyOnlyASpecificTitleThatFingerprintingKeptAsTheHeadline() {
        String title = "Trump, Putin sit down a bit late for closely watched summit";
        String text = words(8, 300);

        assertThat(verifier.specificTitle(title + " | Boston Herald", minHasher.fingerprint(title + " | Boston Herald\n" + text)))
                .isEqualTo("trump putin sit down a bit late for closely watched summit");
        assertThat(verifier.specificTitle("Trump meets Putin in Helsinki", minHasher.fingerprint("Trump meets Putin in Helsinki\n" + text)))
                .as("five words").isEmpty();
        assertThat(verifier.specificTitle(title, minHasher.fingerprint("Enter City and State or Zip Code\n" + text)))
                .as("a title that fingerprinting dropped as boilerplate").isEmpty();
        CandidateVerifier off = new CandidateVerifier(minHasher,
                DedupParameters.from(ConfigSource.ofFlags(Map.of(DedupParameters.TITLE_MIN_WORDS.key(), "21"))));
        assertThat(off.specificTitle(title, minHasher.fingerprint(title + "\n" + text))).as("the rule off").isEmpty();
    }

    @Test
    void shouldMatchBySameTitleOnlyWhereTheTextCannotTell() {
        String text = words(9, 600);
        Fingerprint article = minHasher.fingerprint(text);
        String gallery = StoryAssignerTest.gallery(2, 8);
        Fingerprint photos = minHasher.fingerprint(gallery);

        assertThat(verifier.verify(article, photos)).isEmpty();
        assertThat(verifier.verifyTitle(article, text, photos, gallery)).hasValueSatisfying(s -> assertThat(s.rule()).isEqualTo(MatchRule.SAME_TITLE));
        String excerpt = firstWords(text, 100);
        assertThat(verifier.verifyTitle(article, text, minHasher.fingerprint(excerpt), excerpt)).as("an excerpt six times shorter").isPresent();
        String shortPage = words(10, 30);
        assertThat(verifier.verifyTitle(article, text, minHasher.fingerprint(shortPage), shortPage)).as("a 30-word page").isPresent();
        String other = words(11, 600);
        assertThat(verifier.verifyTitle(article, text, minHasher.fingerprint(other), other)).as("another article").isEmpty();
    }
}
