package dev.newsroom.streams.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.model.TopicTag;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Measures a {@link TopicTagger} on a labelled JSON Lines file ({@code id}, {@code title},
 * {@code text}, {@code label}): the top-level topic of the best tag against the label's topic, as
 * macro-F1 over the labels and a confusion table. The split: an article is in the <em>tuning</em>
 * half when the CRC-32 of its id is even, in the <em>held-out</em> half when odd; rules were tuned
 * reading the tuning half only, figures are reported on the held-out half.
 */
final class TopicEvaluation {
    static final Map<String, String> BBC = Map.of(
            "business", "medtop:04000000", "entertainment", "medtop:01000000", "politics", "medtop:11000000",
            "sport", "medtop:15000000", "tech", "medtop:13000000");
    /** AG News: World is politics (the top-level topic of most of its items; see docs/tagging-quality.md). */
    static final Map<String, String> AG_NEWS = Map.of(
            "World", "medtop:11000000", "Sports", "medtop:15000000", "Business", "medtop:04000000", "Sci/Tech", "medtop:13000000");
    /** AG News as the issue names it: Sports, Business and Sci/Tech; World items are left out. */
    static final Map<String, String> AG_NEWS_3 = Map.of(
            "Sports", "medtop:15000000", "Business", "medtop:04000000", "Sci/Tech", "medtop:13000000");
    static final String NONE = "(none)";

    record Result(int articles, double macroF1, double accuracy, Map<String, Map<String, Integer>> confusion,
                  Map<String, double[]> perClass) {
        String report() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d articles, macro-F1 %.4f, accuracy %.4f%n",
                    articles, macroF1, accuracy));
            s.append("label -> predicted top-level counts | precision recall F1\n");
            confusion.forEach((gold, row) -> {
                double[] prf = perClass.get(gold);
                s.append(String.format(Locale.ROOT, "%-16s %s | %.3f %.3f %.3f%n", gold, row, prf[0], prf[1], prf[2]));
            });
            return s.toString();
        }
    }

    private TopicEvaluation() {}

    static boolean heldOut(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 1;
    }

    static Predicate<String> half(boolean heldOut) {
        return id -> heldOut(id) == heldOut;
    }

    /** The shared data folder ({@code shared/data/topics}), found upwards from the working directory. */
    static Optional<Path> sharedTopics() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path topics = dir.resolve("shared/data/topics");
            if (Files.isRegularFile(topics.resolve("bbc-news-2225.jsonl"))) {
                return Optional.of(topics);
            }
        }
        return Optional.empty();
    }

    static Result evaluate(TopicTagger tagger, Path file, Map<String, String> mapping, Predicate<String> ids) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int n = 0;
        int correct = 0;
        Vocabulary vocabulary = Vocabulary.shipped();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode row = json.readTree(line);
                if (!ids.test(row.get("id").asText())) {
                    continue;
                }
                String gold = mapping.get(row.get("label").asText());
                if (gold == null) {
                    continue;
                }
                List<TopicTag> tags = tagger.topics(row.get("title").asText(), row.get("text").asText(), List.of());
                String predicted = tags.isEmpty() ? NONE : vocabulary.topLevel(tags.get(0).code());
                confusion.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
                n++;
                correct += gold.equals(predicted) ? 1 : 0;
            }
        }
        Map<String, double[]> perClass = new TreeMap<>();
        double sumF1 = 0;
        for (String gold : new TreeSet<>(mapping.values())) {
            int tp = confusion.getOrDefault(gold, Map.of()).getOrDefault(gold, 0);
            int goldCount = confusion.getOrDefault(gold, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            int predictedCount = confusion.values().stream().mapToInt(r -> r.getOrDefault(gold, 0)).sum();
            double p = predictedCount == 0 ? 0 : (double) tp / predictedCount;
            double r = goldCount == 0 ? 0 : (double) tp / goldCount;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            perClass.put(gold, new double[] {p, r, f1});
            sumF1 += f1;
        }
        return new Result(n, sumF1 / perClass.size(), n == 0 ? 0 : (double) correct / n, confusion, perClass);
    }

    /**
     * The misclassified articles of the <em>tuning</em> half (never the held-out half: its errors are
     * not for reading), one per line: gold topic, predicted tags, title and the first words of the text.
     */
    static List<String> tuningErrors(TopicTagger tagger, Path file, Map<String, String> mapping) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Vocabulary vocabulary = Vocabulary.shipped();
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode row = json.readTree(line);
                String gold = mapping.get(row.get("label").asText());
                if (gold == null || heldOut(row.get("id").asText())) {
                    continue;
                }
                String text = row.get("text").asText().replaceAll("\\s+", " ");
                List<TopicTag> tags = tagger.topics(row.get("title").asText(), text, List.of());
                String predicted = tags.isEmpty() ? NONE : vocabulary.topLevel(tags.get(0).code());
                if (!gold.equals(predicted)) {
                    StringBuilder s = new StringBuilder(vocabulary.get(gold).label()).append(" <- ");
                    tags.forEach(t -> s.append(t.label()).append(' ').append(t.score()).append("; "));
                    out.add(s + "| " + row.get("title").asText() + " | " + text.substring(0, Math.min(300, text.length())));
                }
            }
        }
        return out;
    }

    /**
     * {@code TopicEvaluation tune|held-out|tuning-errors [TAXONOMY.yaml [MODEL [WEIGHT]]]}: prints BBC and AG
     * News figures (or, with {@code tuning-errors}, the tuning half's misclassified articles) of the shipped
     * tagger, or of a taxonomy file with an optional model and model weight.
     */
    public static void main(String[] args) throws IOException {
        boolean heldOut = args.length > 0 && args[0].equals("held-out");
        boolean errors = args.length > 0 && args[0].equals("tuning-errors");
        TopicTagger tagger = args.length > 1 ? TopicTagger.load(Path.of(args[1]), args.length > 2 ? Path.of(args[2]) : null)
                : TopicTagger.defaults();
        if (args.length > 3) {
            tagger = tagger.withModel(TopicModel.load(Path.of(args[2])), Float.parseFloat(args[3]));
        }
        Path topics = sharedTopics().orElseThrow();
        if (errors) {
            tuningErrors(tagger, topics.resolve("bbc-news-2225.jsonl"), BBC).forEach(e -> System.out.println("BBC " + e));
            tuningErrors(tagger, topics.resolve("ag-news-test-7600.jsonl"), AG_NEWS).forEach(e -> System.out.println("AG " + e));
            return;
        }
        System.out.println("BBC " + (heldOut ? "held-out" : "tuning") + " half: "
                + evaluate(tagger, topics.resolve("bbc-news-2225.jsonl"), BBC, half(heldOut)).report());
        System.out.println("AG News " + (heldOut ? "held-out" : "tuning") + " half: "
                + evaluate(tagger, topics.resolve("ag-news-test-7600.jsonl"), AG_NEWS, half(heldOut)).report());
        System.out.println("AG News, 3 classes, " + (heldOut ? "held-out" : "tuning") + " half: "
                + evaluate(tagger, topics.resolve("ag-news-test-7600.jsonl"), AG_NEWS_3, half(heldOut)).report());
    }
}
