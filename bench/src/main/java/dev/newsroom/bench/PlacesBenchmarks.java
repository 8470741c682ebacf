package dev.newsroom.bench;

import dev.newsroom.streams.tag.Gazetteer;
import dev.newsroom.streams.tag.LanguageIdentifier;
import dev.newsroom.streams.tag.Places;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The place and language tags of one 500-word article: the gazetteer's countries and regions, and
 * the language. The text is news-like prose in sentences, one word in eight a capitalised name
 * (places, people, organisations), so the gazetteer's span lookups and context rules all run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlacesBenchmarks {
    private static final String[] WORDS = ("the of and to in a that for on is was said with by as at from his it an be have "
            + "government minister president security forces border attack military officials region country war talks "
            + "agreement economy market oil prices election vote parliament opposition protest police court law report "
            + "jet downed airspace refugees aid humanitarian ceasefire negotiations sanctions trade growth inflation bank").split(" ");
    private static final String[] NAMES = ("Syria Turkey Russia United States Washington Moscow Ankara Damascus Syrian "
            + "Turkish Russian American NATO Pentagon Reuters Erdogan Putin Obama Michael Jordan Georgia Atlanta Paris "
            + "Europe Middle East Islamic State Kurdish Incirlik Chad Johnson China Beijing London British Iran Tehran").split(" ");

    private final Gazetteer gazetteer = Gazetteer.defaults();
    private final LanguageIdentifier languages = LanguageIdentifier.defaults();
    private final String title = "US-Turkey Edging Up to Syrian Border";
    private String text;

    @Setup
    public void prepare() {
        text = newsText(HotPathBenchmarks.WORDS, 42);
    }

    /** About {@code words} words in sentences of 8 to 23 words, one word in eight a capitalised name. */
    static String newsText(int words, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        int sentence = 0;
        for (int i = 0; i < words; i++) {
            boolean name = random.nextInt(8) == 0;
            String word = name ? NAMES[random.nextInt(NAMES.length)] : WORDS[random.nextInt(WORDS.length)];
            if (sentence == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            text.append(word);
            sentence++;
            if (sentence >= 8 && random.nextInt(8) == 0) {
                text.append(i % 5 == 0 ? ".\n\n" : ". ");
                sentence = 0;
            } else {
                text.append(random.nextInt(12) == 0 ? ", " : " ");
            }
        }
        return text.append('.').toString();
    }

    /** Countries and regions of a 500-word article: articles/s. */
    @Benchmark
    public Places findPlaces() {
        return gazetteer.find(title, text);
    }

    /** Language of a 500-word article (the first 500 characters are read): articles/s. */
    @Benchmark
    public String detectLanguage() {
        return languages.detect(title, text);
    }
}
