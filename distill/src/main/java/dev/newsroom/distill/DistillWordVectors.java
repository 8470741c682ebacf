package dev.newsroom.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.newsroom.streams.tag.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Distils all-MiniLM-L6-v2 into the static word-vector table of the topic model (Model2Vec's idea):
 * every word of a vocabulary is embedded alone through the sentence-transformer once (384
 * dimensions), the vectors are reduced by PCA to {@code --dimensions}, each is scaled by the
 * frequency prior {@code a / (a + p(w))} (SIF, a = 10⁻³; p from the word counts of the unlabelled
 * texts below, 0 for a word they lack) and the table is written quantized ({@link WordVectors}).
 *
 * <p>Vocabulary: the words (as the tagger splits them) of the training items, of the IPTC Media
 * Topics' labels and definitions and of the crossposts articles, and the whole words of the model's
 * own WordPiece vocabulary (the ~20,000 commonest English words and names). No evaluation text
 * (BBC News, AG News, the labelled feed items) is read. The run is repeatable: same inputs, same
 * table.
 *
 * <p>Usage, from the repository root: {@code java -cp "distill/target/classes:distill/target/lib/*"
 * dev.newsroom.distill.DistillWordVectors [--output FILE] [--dimensions N]} (docs/tagging.md).
 */
public final class DistillWordVectors {
    static final double SIF_A = 1e-3;
    static final int MAX_WORD_LENGTH = 30;

    private DistillWordVectors() {}

    public static void main(String[] args) throws IOException {
        Path train = Path.of("streams/src/test/resources/tagging/feed-items-train.jsonl");
        Path iptc = Path.of("../shared/data/topics/iptc-mediatopic-2023-10-24.jsonl");
        Path crossposts = Path.of("../shared/data/crossposts/articles.jsonl");
        Path output = Path.of("streams/src/main/resources/dev/newsroom/streams/tag/word-vectors.bin.gz");
        int dims = 128;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = Path.of(args[++i]);
                case "--dimensions" -> dims = Integer.parseInt(args[++i]);
                case "--train" -> train = Path.of(args[++i]);
                case "--iptc" -> iptc = Path.of(args[++i]);
                case "--crossposts" -> crossposts = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --output FILE, --dimensions N, --train FILE, --iptc FILE, --crossposts FILE)");
            }
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode row : lines(json, train)) {
            count(counts, row.path("title").asText("") + "\n" + row.path("text").asText(""));
        }
        for (JsonNode row : lines(json, iptc)) {
            if (row.path("retired").isNull() || row.path("retired").isMissingNode()) {
                count(counts, row.path("label_en_gb").asText("") + "\n" + row.path("definition_en_gb").asText(""));
            }
        }
        for (JsonNode row : lines(json, crossposts)) {
            count(counts, row.path("title").asText("") + "\n" + row.path("text").asText(""));
        }
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        TreeSet<String> vocabulary = new TreeSet<>(counts.keySet());
        int corpusWords = vocabulary.size();
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Iterator<String> pieces = json.readTree(in).path("model").path("vocab").fieldNames();
            while (pieces.hasNext()) {
                String piece = pieces.next();
                if (!piece.startsWith("##") && !piece.startsWith("[") && piece.codePoints().anyMatch(Character::isLetter)) {
                    vocabulary.addAll(WordVectors.words(piece));
                }
            }
        }
        vocabulary.removeIf(w -> w.length() > MAX_WORD_LENGTH);
        List<String> words = new ArrayList<>(vocabulary);
        System.err.printf("%d words (%d from the texts, %d more from the model's vocabulary); embedding each alone...%n",
                words.size(), corpusWords, words.size() - corpusWords);

        AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        double[][] raw = new double[words.size()][];
        for (int i = 0; i < raw.length; i++) {
            float[] v = model.embed(words.get(i)).content().vector();
            raw[i] = new double[v.length];
            for (int k = 0; k < v.length; k++) {
                raw[i][k] = v[k];
            }
            if ((i + 1) % 5000 == 0) {
                System.err.printf("%d of %d%n", i + 1, raw.length);
            }
        }
        float[][] vectors = project(raw, dims, words, counts, total);
        WordVectors.write(output, words, vectors);
        System.err.printf("Wrote %s: %d words, %d dimensions, %,d bytes.%n", output, words.size(), dims, Files.size(output));
    }

    /** PCA to {@code dims} components (signs fixed: each component's largest coordinate positive), times the SIF weight. */
    static float[][] project(double[][] raw, int dims, List<String> words, Map<String, Integer> counts, long total) {
        int n = raw.length;
        int d = raw[0].length;
        double[] mean = new double[d];
        for (double[] v : raw) {
            for (int k = 0; k < d; k++) {
                mean[k] += v[k] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] v : raw) {
            for (int a = 0; a < d; a++) {
                double x = v[a] - mean[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += x * (v[b] - mean[b]) / n;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        RealMatrix basis = eigen.getV();
        double[][] components = new double[dims][];
        double kept = 0;
        double all = 0;
        for (double value : values) {
            all += value;
        }
        for (int c = 0; c < dims; c++) {
            components[c] = basis.getColumn(order[c]);
            kept += values[order[c]];
            int largest = 0;
            for (int k = 1; k < d; k++) {
                if (Math.abs(components[c][k]) > Math.abs(components[c][largest])) {
                    largest = k;
                }
            }
            if (components[c][largest] < 0) {
                for (int k = 0; k < d; k++) {
                    components[c][k] = -components[c][k];
                }
            }
        }
        System.err.printf("PCA: %d of %d dimensions keep %.1f %% of the variance%n", dims, d, 100 * kept / all);
        float[][] out = new float[n][dims];
        for (int i = 0; i < n; i++) {
            double p = (double) counts.getOrDefault(words.get(i), 0) / total;
            double weight = SIF_A / (SIF_A + p);
            for (int c = 0; c < dims; c++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += (raw[i][k] - mean[k]) * components[c][k];
                }
                out[i][c] = (float) (weight * dot);
            }
        }
        return out;
    }

    private static void count(Map<String, Integer> counts, String text) {
        for (String w : WordVectors.words(text)) {
            counts.merge(w, 1, Integer::sum);
        }
    }

    private static List<JsonNode> lines(ObjectMapper json, Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
        }
        return out;
    }
}
