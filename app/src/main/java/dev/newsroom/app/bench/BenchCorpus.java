package dev.newsroom.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.model.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;

/**
 * The articles of a benchmark run: real articles from a JSON Lines corpus (`title`, `text`,
 * `site`), cycled to reach N, and among them republished copies as the web makes them: the same
 * text on another site with a header and an attribution footer added, the title changed, or only
 * an excerpt with "read more".
 */
final class BenchCorpus {
    /** Every how-many-th item is a republished copy of the item before it. */
    static final int COPY_EVERY = 4;

    private record Source(String site, String title, String text) {}

    private BenchCorpus() {}

    /** {@code count} items spread over feeds of {@code itemsPerFeed} items. */
    static List<BenchArticle> load(Path corpus, int count, int itemsPerFeed) throws IOException {
        List<Source> sources = read(corpus);
        if (sources.isEmpty()) {
            throw new IOException("the corpus " + corpus + " has no article with a title and a text");
        }
        // Items cycle through the corpus: bodies are made once per source and variant and shared,
        // so that a run of 100,000 items holds about the corpus in memory, not 100,000 bodies.
        Map<Object, String> bodies = new HashMap<>();
        List<BenchArticle> items = new ArrayList<>(count);
        Source previous = null;
        int originals = 0;
        for (int i = 0; i < count; i++) {
            int feed = i / itemsPerFeed;
            if (i % COPY_EVERY == COPY_EVERY - 1 && previous != null) {
                items.add(republished(previous, i, feed, bodies));
            } else {
                previous = sources.get(originals++ % sources.size());
                Source source = previous;
                items.add(new BenchArticle("https://" + source.site() + "/bench/" + i, source.title(),
                        bodies.computeIfAbsent(source, k -> html(source.text())), feed));
            }
        }
        return items;
    }

    private static BenchArticle republished(Source original, int i, int feed, Map<Object, String> bodies) {
        String site = "republisher-" + (i % 7) + ".example";
        int variant = i % 3;
        String body = bodies.computeIfAbsent(List.of(original, variant), k -> html(switch (variant) {
            case 0 -> "Region: Middle East\nTheme: Politics\n\n" + original.text()
                    + "\n\nThe original source of this article is " + original.site() + ". Copyright, " + original.site() + ", 2018";
            case 1 -> excerpt(original.text()) + "\n\nRead more at " + original.site();
            default -> original.text() + "\n\nShare this article. Subscribe to our newsletter.";
        }));
        String title = i % 2 == 0 ? original.title() : original.title().toUpperCase(Locale.ROOT);
        return new BenchArticle("https://" + site + "/bench/" + i, title, body, feed);
    }

    private static String excerpt(String text) {
        String[] words = text.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 80))) + " ...";
    }

    private static String html(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(escape(paragraph.strip())).append("</p>\n");
        }
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("]]>", "]]&gt;");
    }

    private static List<Source> read(Path corpus) throws IOException {
        List<Source> sources = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(corpus)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.mapper().readTree(line);
                String title = node.path("title").asText("");
                String text = node.path("text").asText("");
                String site = node.path("site").asText("news.example").replaceAll("[^a-zA-Z0-9.-]", "-").toLowerCase(Locale.ROOT);
                if (!title.isBlank() && !text.isBlank()) {
                    sources.add(new Source(site.isBlank() ? "news.example" : site, title, text));
                }
            }
        }
        return sources;
    }
}
