package dev.newsroom.streams.tag;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxonomy file compiled for matching: the topics in file order (the 17 top-level topics added
 * when the file leaves one out), for each topic the topics its evidence counts for (itself and its
 * listed broader topics), and two phrase indexes keyed by first word: one for article text, one for
 * site/feed tags (the text phrases plus each topic's label and its {@code hints}).
 */
final class Taxonomy {
    /** One phrase of one topic; a negative term has a negative weight. */
    record Phrase(String[] rest, int topic, float weight, int id) {}

    record File(List<Entry> topics) {}

    record Entry(String code, Map<String, Double> phrases, Map<String, Double> negative, List<String> hints) {}

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    final String[] codes;
    final String[] labels;
    final int[] levels;
    /** For each topic, the topic indexes its evidence is added to (itself first). */
    final int[][] rollup;
    final Map<String, Phrase[]> text;
    final Map<String, Phrase[]> hints;
    final int phraseCount;

    private Taxonomy(List<String> codes, Vocabulary vocabulary, Map<String, Phrase[]> text, Map<String, Phrase[]> hints, int phraseCount) {
        int n = codes.size();
        this.codes = codes.toArray(String[]::new);
        this.labels = new String[n];
        this.levels = new int[n];
        this.rollup = new int[n][];
        for (int i = 0; i < n; i++) {
            Vocabulary.Concept c = vocabulary.get(this.codes[i]);
            labels[i] = c.label();
            levels[i] = c.level();
            List<Integer> up = new ArrayList<>(List.of(i));
            for (String a : vocabulary.ancestors(this.codes[i])) {
                int j = codes.indexOf(a);
                if (j >= 0) {
                    up.add(j);
                }
            }
            rollup[i] = up.stream().mapToInt(Integer::intValue).toArray();
        }
        this.text = text;
        this.hints = hints;
        this.phraseCount = phraseCount;
    }

    /** Reads and checks a taxonomy; {@code name} is how errors name the file. */
    static Taxonomy read(InputStream in, String name, Vocabulary vocabulary) {
        File file;
        try {
            file = YAML.readValue(in, File.class);
        } catch (JsonProcessingException e) {
            StringBuilder where = new StringBuilder(name).append(':');
            if (e.getLocation() != null) {
                where.append(" line ").append(e.getLocation().getLineNr()).append(':');
            }
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JsonMappingException.Reference r : m.getPath()) {
                    path.append(r.getFieldName() != null ? (path.length() == 0 ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
                }
                where.append(' ').append(path).append(':');
            }
            throw new TagFileException(where + " " + e.getOriginalMessage().lines().findFirst().orElse("").strip(), e);
        } catch (IOException e) {
            throw new TagFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (file == null || file.topics() == null || file.topics().isEmpty()) {
            throw new TagFileException(name + ": no 'topics' list");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < file.topics().size(); i++) {
            Entry e = file.topics().get(i);
            String where = name + ": topics[" + i + "]";
            if (e == null || e.code() == null || e.code().isBlank()) {
                throw new TagFileException(where + ": 'code' is required");
            }
            if (vocabulary.get(e.code()) == null) {
                throw new TagFileException(where + " (" + e.code() + "): code is not an active IPTC Media Topic");
            }
            if (codes.contains(e.code())) {
                throw new TagFileException(where + " (" + e.code() + "): the code is listed twice");
            }
            codes.add(e.code());
        }
        for (String top : vocabulary.topLevelCodes()) {
            if (!codes.contains(top)) {
                codes.add(top);
            }
        }
        Builder text = new Builder();
        Builder hints = new Builder();
        for (int i = 0; i < file.topics().size(); i++) {
            Entry e = file.topics().get(i);
            String where = name + ": topics[" + i + "] (" + e.code() + ")";
            Map<String, Float> positive = weights(e.phrases(), where + ".phrases");
            Map<String, Float> negative = weights(e.negative(), where + ".negative");
            int topic = i;
            positive.forEach((p, w) -> {
                text.add(p, topic, w);
                hints.add(p, topic, w);
            });
            negative.forEach((p, w) -> {
                text.add(p, topic, -w);
                hints.add(p, topic, -w);
            });
            hints.add(String.join(" ", Tokens.of(vocabulary.get(e.code()).label())), i, TopicTagger.HINT_MATCH);
            if (e.hints() != null) {
                for (String h : e.hints()) {
                    List<String> words = Tokens.of(h);
                    if (words.isEmpty()) {
                        throw new TagFileException(where + ".hints: '" + h + "' has no words");
                    }
                    hints.add(String.join(" ", words), i, TopicTagger.HINT_MATCH);
                }
            }
        }
        return new Taxonomy(codes, vocabulary, text.index(), hints.index(), Math.max(text.count, hints.count));
    }

    private static Map<String, Float> weights(Map<String, Double> phrases, String where) {
        Map<String, Float> out = new LinkedHashMap<>();
        if (phrases == null) {
            return out;
        }
        for (Map.Entry<String, Double> p : phrases.entrySet()) {
            if (p.getValue() == null || !(p.getValue() > 0) || p.getValue().isInfinite()) {
                throw new TagFileException(where + " '" + p.getKey() + "': weight must be a number above 0, got " + p.getValue());
            }
            List<String> words = Tokens.of(p.getKey());
            if (words.isEmpty()) {
                throw new TagFileException(where + " '" + p.getKey() + "': the phrase has no words");
            }
            out.merge(String.join(" ", words), p.getValue().floatValue(), Math::max);
        }
        return out;
    }

    /** Collects phrases by first word; one phrase per (words, topic) pair, the larger weight winning. */
    private static final class Builder {
        private final Map<String, Map<Integer, Float>> byTopicPhrase = new LinkedHashMap<>();
        int count;

        void add(String normalised, int topic, float weight) {
            byTopicPhrase.computeIfAbsent(normalised, k -> new LinkedHashMap<>())
                    .merge(topic, weight, (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
        }

        Map<String, Phrase[]> index() {
            Map<String, List<Phrase>> lists = new HashMap<>();
            for (Map.Entry<String, Map<Integer, Float>> e : byTopicPhrase.entrySet()) {
                String[] words = e.getKey().split(" ");
                String[] rest = Arrays.copyOfRange(words, 1, words.length);
                for (Map.Entry<Integer, Float> t : e.getValue().entrySet()) {
                    lists.computeIfAbsent(words[0], k -> new ArrayList<>())
                            .add(new Phrase(rest, t.getKey(), t.getValue(), count++));
                }
            }
            Map<String, Phrase[]> out = new HashMap<>(lists.size() * 2);
            lists.forEach((k, v) -> out.put(k, v.toArray(Phrase[]::new)));
            return out;
        }
    }
}
