package dev.newsroom.streams.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-labelled evaluation set {@code tagging/feed-items-labelled.jsonl}: items from the real
 * news feeds of {@code shared/data/feeds}, one JSON object per line with a {@code gold} object
 * (how they were chosen and labelled: docs/tagging-labels.md).
 */
public final class LabelledItems {
    public static final String RESOURCE = "/tagging/feed-items-labelled.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledItems() {}

    /** All items, in file order. */
    public static List<LabelledItem> load() {
        List<LabelledItem> items = new ArrayList<>();
        for (JsonNode row : rows()) {
            JsonNode gold = row.required("gold");
            items.add(new LabelledItem(
                    row.required("id").asText(),
                    row.required("title").asText(),
                    row.path("text").asText(""),
                    strings(row.path("categories")),
                    row.path("site").asText(""),
                    strings(gold.required("topics")),
                    strings(gold.path("subtopics")),
                    strings(gold.required("countries")),
                    gold.required("language").asText()));
        }
        return items;
    }

    /** The raw JSON rows (with {@code source} and {@code url}, which the record leaves out). */
    static List<JsonNode> rows() {
        try (InputStream in = LabelledItems.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<JsonNode> rows = new ArrayList<>();
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + " is not JSON: " + e.getOriginalMessage(), e);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
