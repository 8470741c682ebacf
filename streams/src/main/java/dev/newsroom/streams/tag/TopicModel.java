package dev.newsroom.streams.tag;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over the top-level IPTC topics: bag of words (the tagger's
 * {@link Tokens}), log term frequency, L2-normalised; trained by plain stochastic gradient descent
 * with L2 regularisation and class weights that balance the classes. About a hundred lines, so the
 * tagger needs no machine-learning library (smile-core would add ~10 MB for one linear model).
 *
 * <p>File format (gzip, UTF-8 text, so it can be inspected with {@code zcat}): a header line
 * {@code newsroom-topic-model 1}, a line of tab-separated class codes, a line of biases, then one line
 * per word: the word and its weight per class.
 */
public final class TopicModel {
    private static final String HEADER = "newsroom-topic-model 1";

    /** One training example: the text and the IPTC code of its top-level topic. */
    public record Example(String title, String text, String topLevelCode) {}

    private final String[] classes;
    private final Map<String, Integer> vocabulary;
    private final float[] weights;
    private final float[] bias;
    /** Per thread, all zero between calls of {@link #features}. */
    private final ThreadLocal<int[]> counts;

    private TopicModel(String[] classes, Map<String, Integer> vocabulary, float[] weights, float[] bias) {
        this.classes = classes;
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.bias = bias;
        this.counts = ThreadLocal.withInitial(() -> new int[vocabulary.size()]);
    }

    /** The class codes, in the order of {@link #probabilities}. */
    public List<String> classes() {
        return List.of(classes);
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    /** Class probabilities for the words of an article (title words counted twice). */
    float[] probabilities(List<String> title, List<String> text) {
        Features x = features(title, text);
        int c = classes.length;
        float[] z = bias.clone();
        for (int j = 0; j < x.size(); j++) {
            int base = x.index[j] * c;
            float v = x.value[j];
            for (int k = 0; k < c; k++) {
                z[k] += weights[base + k] * v;
            }
        }
        return softmax(z);
    }

    /** The probabilities of an article's text, by class code. */
    public Map<String, Double> predict(String title, String text) {
        float[] p = probabilities(Tokens.of(title), Tokens.of(text));
        Map<String, Double> out = new HashMap<>();
        for (int k = 0; k < classes.length; k++) {
            out.put(classes[k], (double) p[k]);
        }
        return out;
    }

    /**
     * An article's features: the vocabulary indices of its words, in the order first seen, and their
     * log term frequencies, L2-normalised. Counted in an array over the vocabulary that each thread
     * keeps and clears where it counted: this runs for every article, where a map of boxed counts, or a
     * sort, cost about as much as the vocabulary lookups themselves, and a new array per article (25 KB
     * for the shipped model's 6,220 words) made the whole tagger slower (JMH {@code tagAll}: 12,800
     * articles/s, against 13,900 before and 15,100 with the array kept).
     */
    private record Features(int[] index, float[] value, int size) {}

    private Features features(List<String> title, List<String> text) {
        int[] counts = this.counts.get();
        int[] index = new int[title.size() + text.size()];
        int size = 0;
        for (String w : title) {
            Integer i = vocabulary.get(w);
            if (i != null) {
                if (counts[i] == 0) {
                    index[size++] = i;
                }
                counts[i] += 2;
            }
        }
        for (String w : text) {
            Integer i = vocabulary.get(w);
            if (i != null) {
                if (counts[i] == 0) {
                    index[size++] = i;
                }
                counts[i]++;
            }
        }
        float[] value = new float[size];
        double norm = 0;
        for (int j = 0; j < size; j++) {
            float v = (float) (1 + Math.log(counts[index[j]]));
            value[j] = v;
            norm += v * v;
        }
        float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < size; j++) {
            value[j] *= inv;
            counts[index[j]] = 0;
        }
        return new Features(index, value, size);
    }

    private static float[] softmax(float[] z) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        float[] p = new float[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = (float) Math.exp(z[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= (float) sum;
        }
        return p;
    }

    /**
     * Trains a model: words seen in at least {@code minDocs} examples, {@code epochs} passes of SGD in
     * a shuffled order fixed by {@code seed}, learning rate 0.5/(1 + epoch), L2 1e-5.
     */
    public static TopicModel train(List<Example> examples, int minDocs, int epochs, long seed) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        List<String> classList = examples.stream().map(Example::topLevelCode).distinct().sorted().toList();
        String[] classes = classList.toArray(String[]::new);
        List<List<String>[]> docs = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (Example e : examples) {
            @SuppressWarnings("unchecked")
            List<String>[] words = new List[] {Tokens.of(e.title()), Tokens.of(e.text())};
            docs.add(words);
            Set<String> seen = new HashSet<>(words[0]);
            seen.addAll(words[1]);
            seen.forEach(w -> df.merge(w, 1, Integer::sum));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        df.entrySet().stream().filter(e -> e.getValue() >= minDocs).map(Map.Entry::getKey).sorted()
                .forEach(w -> vocabulary.put(w, vocabulary.size()));
        int c = classes.length;
        TopicModel model = new TopicModel(classes, vocabulary, new float[vocabulary.size() * c], new float[c]);
        int[] y = new int[examples.size()];
        int[] perClass = new int[c];
        for (int i = 0; i < y.length; i++) {
            y[i] = classList.indexOf(examples.get(i).topLevelCode());
            perClass[y[i]]++;
        }
        float[] classWeight = new float[c];
        for (int k = 0; k < c; k++) {
            classWeight[k] = (float) y.length / (c * perClass[k]);
        }
        List<Features> x = new ArrayList<>();
        for (List<String>[] d : docs) {
            x.add(model.features(d[0], d[1]));
        }
        int[] order = new int[y.length];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        float l2 = 1e-5f;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            float rate = 0.5f / (1 + epoch);
            for (int i : order) {
                Features f = x.get(i);
                float[] z = model.bias.clone();
                for (int j = 0; j < f.size(); j++) {
                    int base = f.index[j] * c;
                    for (int k = 0; k < c; k++) {
                        z[k] += model.weights[base + k] * f.value[j];
                    }
                }
                float[] p = softmax(z);
                for (int k = 0; k < c; k++) {
                    float g = classWeight[y[i]] * (p[k] - (k == y[i] ? 1 : 0));
                    model.bias[k] -= rate * g;
                    for (int j = 0; j < f.size(); j++) {
                        int at = f.index[j] * c + k;
                        model.weights[at] -= rate * (g * f.value[j] + l2 * model.weights[at]);
                    }
                }
            }
        }
        return model;
    }

    public void save(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            w.write(HEADER + "\n" + String.join("\t", classes) + "\n" + join(bias, 0, bias.length) + "\n");
            String[] words = new String[vocabulary.size()];
            vocabulary.forEach((word, i) -> words[i] = word);
            for (int i = 0; i < words.length; i++) {
                w.write(words[i] + "\t" + join(weights, i * classes.length, classes.length) + "\n");
            }
        }
    }

    private static String join(float[] v, int from, int n) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < n; k++) {
            s.append(k == 0 ? "" : "\t").append(String.format(Locale.ROOT, "%.4g", v[from + k]));
        }
        return s.toString();
    }

    public static TopicModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new TagFileException("model " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static TopicModel read(InputStream raw, String name) {
        int line = 1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            if (!HEADER.equals(in.readLine())) {
                throw new TagFileException("model " + name + ": line 1: not a newsroom topic model (expected '" + HEADER + "')");
            }
            line++;
            String[] classes = in.readLine().split("\t");
            line++;
            float[] bias = floats(in.readLine().split("\t"), 0, classes.length);
            Map<String, Integer> vocabulary = new HashMap<>();
            List<float[]> rows = new ArrayList<>();
            String s;
            while ((s = in.readLine()) != null) {
                line++;
                String[] f = s.split("\t");
                vocabulary.put(f[0], rows.size());
                rows.add(floats(f, 1, classes.length));
            }
            float[] weights = new float[rows.size() * classes.length];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, weights, i * classes.length, classes.length);
            }
            return new TopicModel(classes, vocabulary, weights, bias);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TagFileException t) {
                throw t;
            }
            throw new TagFileException("model " + name + ": line " + line + ": " + e.getMessage(), e);
        }
    }

    private static float[] floats(String[] f, int from, int n) {
        if (f.length != from + n) {
            throw new IllegalArgumentException("expected " + n + " weights, found " + (f.length - from));
        }
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = Float.parseFloat(f[from + k]);
        }
        return out;
    }
}
