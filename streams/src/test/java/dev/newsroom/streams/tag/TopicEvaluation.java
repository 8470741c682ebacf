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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
     * The hand-labelled feed items of the <em>tuning</em> half (never the held-out half), as
     * {@link FeedItemsQualityTest} tags them (feed categories and site tag lines as hints): the
     * labelled top-level topics, the top-level topics of the top three tags, every top-level topic's
     * evidence, the title, the text and the categories; items whose topics differ are marked {@code *}.
     * The first line is the tuning half's micro precision, recall and F1.
     */
    static List<String> feedTuningItems(TopicTagger tagger) {
        Vocabulary vocabulary = Vocabulary.shipped();
        List<String> codes = tagger.topicCodes();
        List<String> out = new ArrayList<>();
        int tp = 0;
        int predictedCount = 0;
        int goldCount = 0;
        for (LabelledItem item : LabelledItems.load()) {
            if (heldOut(item.id())) {
                continue;
            }
            List<String> hints = new ArrayList<>(item.categories());
            SiteTagLines.find(item.text()).stream().filter(l -> l.kind() == SiteTagLines.Kind.TOPIC)
                    .map(SiteTagLines.TagLine::value).forEach(hints::add);
            List<TopicTag> tags = tagger.topics(item.title(), item.text(), hints);
            Set<String> predicted = new LinkedHashSet<>();
            tags.subList(0, Math.min(3, tags.size())).forEach(t -> predicted.add(vocabulary.topLevel(t.code())));
            Set<String> gold = new LinkedHashSet<>(item.topics());
            Set<String> both = new LinkedHashSet<>(predicted);
            both.retainAll(gold);
            tp += both.size();
            predictedCount += predicted.size();
            goldCount += gold.size();
            float[] evidence = tagger.evidence(item.title(), item.text(), hints);
            StringBuilder s = new StringBuilder(predicted.equals(gold) ? "  " : "* ");
            s.append(item.id()).append("\n  gold ").append(short_(gold, vocabulary)).append(" | got ").append(short_(predicted, vocabulary))
                    .append(" | evidence");
            for (int t = 0; t < codes.size(); t++) {
                if (evidence[t] > 0 && vocabulary.get(codes.get(t)).level() == 1) {
                    s.append(String.format(Locale.ROOT, " %s %.1f", vocabulary.get(codes.get(t)).label(), evidence[t]));
                }
            }
            s.append("\n  tags");
            tags.forEach(t -> s.append(String.format(Locale.ROOT, " %s %.2f;", t.label(), t.score())));
            s.append("\n  ").append(item.title()).append(" | ").append(item.text()).append(" | ").append(item.categories());
            out.add(s.toString());
        }
        double p = predictedCount == 0 ? 0 : (double) tp / predictedCount;
        double r = goldCount == 0 ? 0 : (double) tp / goldCount;
        out.add(0, String.format(Locale.ROOT, "tuning half: precision %.3f, recall %.3f, F1 %.3f (%d correct, %d predicted, %d labelled)",
                p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp, predictedCount, goldCount));
        return out;
    }

    private static String short_(Set<String> codes, Vocabulary vocabulary) {
        List<String> labels = new ArrayList<>();
        codes.forEach(c -> labels.add(vocabulary.get(c).label()));
        return labels.toString();
    }

    /**
     * {@code TopicEvaluation tune|held-out|tuning-errors|feed-tuning [TAXONOMY.yaml [MODEL [WEIGHT]]]}: prints BBC and AG
     * News figures (or, with {@code tuning-errors}, the tuning half's misclassified articles; with
     * {@code feed-tuning}, the tuning half of the hand-labelled feed items) of the shipped
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
        if (args.length > 0 && args[0].equals("feed-tuning")) {
            feedTuningItems(tagger).forEach(System.out::println);
            return;
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
