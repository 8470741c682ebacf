package dev.newsroom.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.app.internal.OfflineDedup;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.serde.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom dedup}: runs the streams topology (same processors and parameters) over a JSON
 * Lines file of articles in input order, and writes one line per input article: {@code id},
 * {@code story_id}, {@code canonical_id}, {@code canonical}, {@code similarity} (and {@code error}
 * for an article the topology sent to the dead-letter topic).
 */
@Command(name = "dedup", description = "Fold cross-posted copies in a JSON Lines file of articles into stories.")
final class DedupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl",
            description = "One article per line: id, url, title, text or html, site, published_at, feed_url.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE.jsonl", description = "Where to write one result line per input article.")
    Path output;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A streams.dedup.* setting, e.g. --set streams.dedup.bands=32 (repeatable).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with streams.dedup.* settings.")
    Path configFile;

    private static final ObjectMapper JSON = Json.mapper();

    @Override
    public Integer call() throws IOException {
        ConfigSource config = config();
        // Articles are read and processed one at a time; only their ids are kept for the output,
        // which is written at the end because a later article can still move an earlier one.
        List<String> ids = new ArrayList<>();
        try (OfflineDedup dedup = new OfflineDedup(config)) {
            read(input, article -> {
                dedup.process(article, article.fetchedAt());
                ids.add(article.id());
            });
            try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                for (String id : ids) {
                    out.write(JSON.writeValueAsString(result(dedup, id)));
                    out.newLine();
                }
            }
        }
        return 0;
    }

    private ConfigSource config() {
        return ConfigSource.of(SettingFlags.parse(settings), System.getenv(), configFile);
    }

    private static ObjectNode result(OfflineDedup dedup, String id) {
        ObjectNode line = JSON.createObjectNode().put("id", id);
        OfflineDedup.Placement copy = dedup.placement(id);
        if (copy == null) {
            String error = dedup.error(id);
            return line.put("error", error == null ? "not processed" : error);
        }
        String canonical = dedup.canonicalOf(copy.storyId());
        line.put("story_id", copy.storyId());
        line.put("canonical_id", canonical == null ? id : canonical);
        line.put("canonical", copy.canonical());
        line.put("similarity", copy.similarity());
        return line;
    }

    /** Hands the input articles in order to {@code each}; a line that is not an article is bad input (exit 2) naming its line number. */
    static void read(Path file, Consumer<RawArticle> each) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                RawArticle article;
                try {
                    article = article(JSON.readTree(line), number);
                } catch (IOException | IllegalArgumentException e) {
                    throw new BadInputException(file + " line " + number + " is not an article: " + Newsroom.oneLine(e), e);
                }
                each.accept(article);
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("No such file: " + file, e);
        }
    }

    /**
     * An input line as a raw article. Without a URL, the article gets {@code https://SITE/ID}; without
     * a published time, the time it was seen ({@code scraped_at} or {@code fetched_at}) stands in; with
     * neither, the line number in seconds after the epoch keeps the input order.
     */
    static RawArticle article(JsonNode node, int lineNumber) {
        String id = text(node, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id is required");
        }
        String site = text(node, "site");
        String url = text(node, "url");
        if (url.isEmpty()) {
            url = "https://" + (site.isEmpty() ? "unknown.invalid" : site.replaceAll("/+$", "")) + "/" + id;
        }
        String feedUrl = text(node, "feed_url");
        Instant published = instant(node, "published_at");
        Instant seen = instant(node, "fetched_at");
        if (seen == null) {
            seen = instant(node, "scraped_at");
        }
        if (seen == null) {
            seen = published != null ? published : Instant.ofEpochSecond(lineNumber);
        }
        String body = node.hasNonNull("html") ? text(node, "html") : text(node, "text");
        List<String> categories = new ArrayList<>();
        node.path("categories").forEach(c -> categories.add(c.asText()));
        return new RawArticle(id, null, feedUrl.isEmpty() ? url : feedUrl, url, null, text(node, "title"), null, body, null,
                categories, published, seen, site.isEmpty() ? null : site, text(node, "language"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException(field + " '" + v + "' is not an ISO-8601 time");
            }
        }
    }
}
