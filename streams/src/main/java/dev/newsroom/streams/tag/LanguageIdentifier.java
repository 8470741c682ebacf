package dev.newsroom.streams.tag;

import com.google.common.base.Optional;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The language of an article as an ISO 639-1 code, by the n-gram profiles of 71 languages that
 * ship inside optimaize's language-detector (Apache-2.0; no network at run time). Reads at most
 * the first {@value #SAMPLE_CHARS} characters of title and text (about 80 words: enough for the
 * language of news prose, and what keeps it fast), and answers "" when there are
 * fewer than {@value #MIN_LETTERS} letters or the best language's probability is under
 * {@value #MIN_CONFIDENCE}.
 *
 * <p>Thread-safe: the detector is immutable and seeded (the same text always gets the same
 * answer); each call makes its own text object.
 */
public final class LanguageIdentifier {
    static final int SAMPLE_CHARS = 500;
    static final int MIN_LETTERS = 20;
    static final double MIN_CONFIDENCE = 0.9;

    private static volatile LanguageIdentifier defaults;

    private final LanguageDetector detector;
    /** Article text is clean already: no URL or script filters, which would cost more than the detection. */
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

    private LanguageIdentifier(LanguageDetector detector) {
        this.detector = detector;
    }

    /** The detector with every built-in language profile, loaded once. */
    public static LanguageIdentifier defaults() {
        LanguageIdentifier l = defaults;
        if (l == null) {
            synchronized (LanguageIdentifier.class) {
                l = defaults;
                if (l == null) {
                    try {
                        l = new LanguageIdentifier(LanguageDetectorBuilder.create(NgramExtractors.standard())
                                .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                                .minimalConfidence(MIN_CONFIDENCE)
                                .seed(42L)
                                .build());
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not read the built-in language profiles of language-detector", e);
                    }
                    defaults = l;
                }
            }
        }
        return l;
    }

    /** ISO 639-1 code of the language of title and text ("en"), or "" when too short or unsure. */
    public String detect(String title, String text) {
        String sample = sample(title, text);
        if (letters(sample) < MIN_LETTERS) {
            return "";
        }
        Optional<LdLocale> locale = detector.detect(texts.forText(sample));
        if (!locale.isPresent()) {
            return "";
        }
        String language = locale.get().getLanguage();
        return language.length() == 2 ? language : "";
    }

    /** Title and the start of the text, at most {@value #SAMPLE_CHARS} characters, cut at a space. */
    static String sample(String title, String text) {
        StringBuilder sample = new StringBuilder(SAMPLE_CHARS + 1);
        if (title != null && !title.isBlank()) {
            sample.append(title.strip()).append(". ");
        }
        if (text != null) {
            int room = SAMPLE_CHARS - sample.length();
            if (text.length() <= room) {
                sample.append(text);
            } else if (room > 0) {
                int cut = text.lastIndexOf(' ', room);
                sample.append(text, 0, cut > room / 2 ? cut : room);
            }
        }
        return sample.length() > SAMPLE_CHARS ? sample.substring(0, SAMPLE_CHARS) : sample.toString();
    }

    private static int letters(CharSequence s) {
        int letters = 0;
        for (int i = 0; i < s.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }
}
