package dev.newsroom.streams.tag;

import dev.newsroom.model.TopicTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Assigns IPTC Media Topics to an article: top-level topics and the subtopics the taxonomy lists,
 * best first, at most five, each with a score in 0..1. Thread-safe and immutable; build once, share.
 *
 * <p>How: the title and text are split into words once ({@link Tokens}); every word is looked up in
 * a hash map of the taxonomy's phrases by first word. A phrase adds {@code weight × (1 + ln n)} to its
 * topic, where {@code n} counts its occurrences (an occurrence in the title counts {@value #TITLE_WEIGHT}
 * times, one in the lead, the first {@value #LEAD_WORDS} words of the text, {@value #LEAD_WEIGHT} times:
 * news puts what a story is about first); a negative term subtracts
 * the same way. Site and feed tags ({@code hints}) that map to a topic add {@value #HINT_WEIGHT}.
 * A topic's evidence also counts for each broader topic in the taxonomy, so a top-level topic ranks
 * above its own subtopics. With a model, each top-level topic also gets {@code modelWeight × p ×
 * max(best rule score, MIN_EVIDENCE)} where {@code p} is the model's probability. A topic is reported
 * when its evidence is at least {@value #MIN_EVIDENCE} and, for a top-level topic, at least {@value #RELATIVE}
 * of the best top-level topic's (a short item is often about two things, politics and conflict, crime and
 * politics), for a subtopic at least {@value #RELATIVE_SUB} of the best subtopic's;
 * its score is {@code e / (e + }{@value #SCALE}{@code )}.
 *
 * <p>The taxonomy, the vocabulary and the measured quality: {@code docs/tagging-quality.md}.
 */
public final class TopicTagger {
    /** Evidence a site/feed tag adds to each topic it maps to. */
    static final float HINT_WEIGHT = 6f;
    /** Weight of a topic's label or listed hint when matching site/feed tags. */
    static final float HINT_MATCH = 4f;
    /** Evidence a hint needs in a topic to map to it. */
    static final float HINT_MIN = 2f;
    /** Evidence any reported topic needs: one clear phrase in the text, or one hint word in the title. */
    static final float MIN_EVIDENCE = 2f;
    /** Share of the best top-level topic's evidence another top-level topic needs. */
    static final float RELATIVE = 0.15f;
    /** Share of the best subtopic's evidence another subtopic needs. */
    static final float RELATIVE_SUB = 0.25f;
    static final float SCALE = 10f;
    static final int MAX_TOPICS = 5;
    /** How many times a phrase in the title counts. */
    static final float TITLE_WEIGHT = 3f;
    /** How many times a phrase in the lead (the first {@value #LEAD_WORDS} words of the text) counts. */
    static final float LEAD_WEIGHT = 2f;
    static final int LEAD_WORDS = 50;
    /** Weight of the shipped model and of a model given to {@link #load} (chosen on the tuning halves; see docs/tagging-quality.md). */
    static final float DEFAULT_MODEL_WEIGHT = 0.5f;

    private static final String TAXONOMY = "taxonomy.yaml";
    private static final String MODEL = "topic-model.tsv.gz";

    private final Taxonomy taxonomy;
    private final TopicModel model;
    private final float modelWeight;
    private final int[] modelClassTopic;

    TopicTagger(Taxonomy taxonomy, TopicModel model, float modelWeight) {
        this.taxonomy = taxonomy;
        this.model = model;
        this.modelWeight = modelWeight;
        this.modelClassTopic = model == null ? new int[0]
                : model.classes().stream().mapToInt(c -> Arrays.asList(taxonomy.codes).indexOf(c)).toArray();
    }

    /** The taxonomy and, when one is shipped, the model, from this jar's resources. */
    public static TopicTagger defaults() {
        return new TopicTagger(shippedTaxonomy(), shippedModel(), DEFAULT_MODEL_WEIGHT);
    }

    /**
     * A user's taxonomy file and, unless {@code modelFileOrNull} is null, a model trained by
     * {@code newsroom tagger train}.
     *
     * @throws TagFileException with a one-line message naming the file and line or field at fault
     */
    public static TopicTagger load(Path taxonomyFile, Path modelFileOrNull) {
        Taxonomy taxonomy;
        try (InputStream in = Files.newInputStream(taxonomyFile)) {
            taxonomy = Taxonomy.read(in, taxonomyFile.toString(), Vocabulary.shipped());
        } catch (NoSuchFileException e) {
            throw new TagFileException("No such taxonomy file: " + taxonomyFile, e);
        } catch (IOException e) {
            throw new TagFileException(taxonomyFile + ": cannot be read: " + e.getMessage(), e);
        }
        return new TopicTagger(taxonomy, modelFileOrNull == null ? null : TopicModel.load(modelFileOrNull), DEFAULT_MODEL_WEIGHT);
    }

    /** The same taxonomy with another model (or none) and model weight; for evaluation. */
    TopicTagger withModel(TopicModel other, float weight) {
        return new TopicTagger(taxonomy, other, weight);
    }

    static Taxonomy shippedTaxonomy() {
        try (InputStream in = TopicTagger.class.getResourceAsStream(TAXONOMY)) {
            return Taxonomy.read(in, TAXONOMY, Vocabulary.shipped());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TopicModel shippedModel() {
        try (InputStream in = TopicTagger.class.getResourceAsStream(MODEL)) {
            return in == null ? null : TopicModel.read(in, MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a model takes part (the shipped one or the one given to {@link #load}). */
    public boolean hasModel() {
        return model != null;
    }

    /**
     * The article's topics, best first: at most five, each with its IPTC code, label and a score in
     * 0..1. {@code hints} are the item's site/feed tags as published (RSS categories, "Theme: ..."
     * lines); those that map to a topic count as evidence for it, the rest are ignored here (see
     * {@link #unmatchedHints}).
     */
    public List<TopicTag> topics(String title, String text, Collection<String> hints) {
        return best(evidence(title, text, hints));
    }

    /** The evidence of every topic, in taxonomy order ({@link #topicCodes}); for evaluation. */
    float[] evidence(String title, String text, Collection<String> hints) {
        List<String> titleWords = Tokens.of(title);
        List<String> textWords = Tokens.of(text);
        int n = taxonomy.codes.length;
        float[] raw = new float[n];
        float[] counts = new float[taxonomy.phraseCount];
        List<Taxonomy.Phrase> seen = new ArrayList<>();
        count(taxonomy.text, titleWords, 0, titleWords.size(), TITLE_WEIGHT, counts, seen);
        int lead = Math.min(LEAD_WORDS, textWords.size());
        count(taxonomy.text, textWords, 0, lead, LEAD_WEIGHT, counts, seen);
        count(taxonomy.text, textWords, lead, textWords.size(), 1f, counts, seen);
        for (Taxonomy.Phrase p : seen) {
            raw[p.topic()] += p.weight() * (float) (1 + Math.log(counts[p.id()]));
        }
        if (hints != null) {
            for (String hint : hints) {
                float[] h = hintEvidence(hint);
                for (int t = 0; t < n; t++) {
                    if (h[t] >= HINT_MIN) {
                        raw[t] += HINT_WEIGHT;
                    }
                }
            }
        }
        float[] evidence = new float[n];
        for (int t = 0; t < n; t++) {
            if (raw[t] > 0) {
                for (int up : taxonomy.rollup[t]) {
                    evidence[up] += raw[t];
                }
            }
        }
        if (model != null && modelWeight > 0) {
            float best = MIN_EVIDENCE;
            for (float e : evidence) {
                best = Math.max(best, e);
            }
            float[] p = model.probabilities(titleWords, textWords);
            for (int k = 0; k < p.length; k++) {
                if (modelClassTopic[k] >= 0) {
                    evidence[modelClassTopic[k]] += modelWeight * p[k] * best;
                }
            }
        }
        return evidence;
    }

    /** The taxonomy's topic codes, in the order of {@link #evidence}. */
    List<String> topicCodes() {
        return List.of(taxonomy.codes);
    }

    private List<TopicTag> best(float[] evidence) {
        float bestTop = 0;
        float bestSub = 0;
        for (int t = 0; t < evidence.length; t++) {
            if (taxonomy.levels[t] == 1) {
                bestTop = Math.max(bestTop, evidence[t]);
            } else {
                bestSub = Math.max(bestSub, evidence[t]);
            }
        }
        List<Integer> picked = new ArrayList<>();
        for (int t = 0; t < evidence.length; t++) {
            float floor = Math.max(MIN_EVIDENCE, taxonomy.levels[t] == 1 ? RELATIVE * bestTop : RELATIVE_SUB * bestSub);
            if (evidence[t] >= floor) {
                picked.add(t);
            }
        }
        picked.sort((a, b) -> evidence[a] != evidence[b] ? Float.compare(evidence[b], evidence[a])
                : Integer.compare(taxonomy.levels[a], taxonomy.levels[b]));
        List<TopicTag> out = new ArrayList<>(MAX_TOPICS);
        for (int t : picked.subList(0, Math.min(MAX_TOPICS, picked.size()))) {
            double score = Math.round(1000.0 * evidence[t] / (evidence[t] + SCALE)) / 1000.0;
            out.add(new TopicTag(taxonomy.codes[t], taxonomy.labels[t], score));
        }
        return out;
    }

    /** The site/feed tags that map to no topic, in their order: the lead keeps them as raw keywords. */
    public List<String> unmatchedHints(Collection<String> hints) {
        List<String> out = new ArrayList<>();
        if (hints != null) {
            for (String hint : hints) {
                if (!matches(hint)) {
                    out.add(hint);
                }
            }
        }
        return out;
    }

    /** The topic codes a site/feed tag maps to (without their broader topics), in taxonomy order. */
    public List<String> hintTopics(String hint) {
        float[] h = hintEvidence(hint);
        List<String> out = new ArrayList<>();
        for (int t = 0; t < h.length; t++) {
            if (h[t] >= HINT_MIN) {
                out.add(taxonomy.codes[t]);
            }
        }
        return out;
    }

    private boolean matches(String hint) {
        for (float e : hintEvidence(hint)) {
            if (e >= HINT_MIN) {
                return true;
            }
        }
        return false;
    }

    private float[] hintEvidence(String hint) {
        float[] raw = new float[taxonomy.codes.length];
        float[] counts = new float[taxonomy.phraseCount];
        List<Taxonomy.Phrase> seen = new ArrayList<>();
        List<String> words = Tokens.of(hint);
        count(taxonomy.hints, words, 0, words.size(), 1f, counts, seen);
        for (Taxonomy.Phrase p : seen) {
            raw[p.topic()] += p.weight();
        }
        return raw;
    }

    /** Counts the phrases starting at words {@code from} (inclusive) to {@code to}, each occurrence as {@code each}. */
    private static void count(Map<String, Taxonomy.Phrase[]> index, List<String> words, int from, int to, float each,
                              float[] counts, List<Taxonomy.Phrase> seen) {
        int size = words.size();
        for (int i = from; i < to; i++) {
            Taxonomy.Phrase[] candidates = index.get(words.get(i));
            if (candidates == null) {
                continue;
            }
            for (Taxonomy.Phrase p : candidates) {
                String[] rest = p.rest();
                if (i + rest.length >= size) {
                    continue;
                }
                boolean match = true;
                for (int j = 0; j < rest.length && match; j++) {
                    match = rest[j].equals(words.get(i + 1 + j));
                }
                if (match) {
                    if (counts[p.id()] == 0) {
                        seen.add(p);
                    }
                    counts[p.id()] += each;
                }
            }
        }
    }
}
