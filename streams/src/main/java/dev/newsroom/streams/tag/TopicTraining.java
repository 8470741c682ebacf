package dev.newsroom.streams.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.model.TopicTag;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training data for {@link TopicModel} from a JSON Lines file, one article per line: {@code title},
 * {@code text}, and either {@code topic} (an IPTC code of any level; its top-level topic is the
 * label) or {@code topics} (codes, or objects with a {@code code}, the first one counts), or neither:
 * then the article is labelled by the taxonomy rules (distant supervision), using its {@code hints}
 * or {@code categories} as site/feed tags, when the rules' best topic scores at least
 * {@value #WEAK_MIN_SCORE}; otherwise it is skipped.
 */
public final class TopicTraining {
    static final double WEAK_MIN_SCORE = 0.6;

    /** The examples read, with how many were labelled in the file, by the rules, or skipped. */
    public record Data(List<TopicModel.Example> examples, int labelled, int weaklyLabelled, int skipped) {}

    private TopicTraining() {}

    public static Data read(Path file, TopicTagger rules) {
        ObjectMapper json = new ObjectMapper();
        Vocabulary vocabulary = Vocabulary.shipped();
        List<TopicModel.Example> examples = new ArrayList<>();
        int labelled = 0;
        int weak = 0;
        int skipped = 0;
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new TagFileException(file + " line " + number + ": not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
                }
                String title = row.path("title").asText("");
                String text = row.path("text").asText("");
                String code = code(row);
                if (code != null) {
                    if (vocabulary.get(code) == null) {
                        throw new TagFileException(file + " line " + number + ": topic '" + code + "' is not an active IPTC Media Topic");
                    }
                    examples.add(new TopicModel.Example(title, text, vocabulary.topLevel(code)));
                    labelled++;
                    continue;
                }
                List<String> hints = new ArrayList<>();
                row.path("hints").forEach(h -> hints.add(h.asText()));
                row.path("categories").forEach(h -> hints.add(h.asText()));
                List<TopicTag> tags = rules.topics(title, text, hints);
                if (!tags.isEmpty() && tags.get(0).score() >= WEAK_MIN_SCORE) {
                    examples.add(new TopicModel.Example(title, text, vocabulary.topLevel(tags.get(0).code())));
                    weak++;
                } else {
                    skipped++;
                }
            }
        } catch (NoSuchFileException e) {
            throw new TagFileException("No such file: " + file, e);
        } catch (IOException e) {
            throw new TagFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new Data(examples, labelled, weak, skipped);
    }

    private static String code(JsonNode row) {
        if (row.hasNonNull("topic")) {
            return row.get("topic").asText();
        }
        JsonNode first = row.path("topics").path(0);
        if (first.isTextual()) {
            return first.asText();
        }
        return first.hasNonNull("code") ? first.get("code").asText() : null;
    }
}
