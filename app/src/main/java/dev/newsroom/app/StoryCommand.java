package dev.newsroom.app;

import dev.newsroom.app.internal.QueryOptions;
import dev.newsroom.indexer.ArticleSearch;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.Names;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom story ID}: one story as the index holds it, its canonical copy first, then every
 * copy with site, date, URL and why it joined; or, with {@code --json}, the story document as one
 * JSON object on one line. An id the index does not hold is one line on stderr and exit 1.
 */
@Command(name = "story", description = "Show one story with all its copies.")
final class StoryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The story id, e.g. s-3f2a....")
    String id;

    @Option(names = "--json", description = "The story document as one JSON object on one line.")
    boolean json;

    @Mixin QueryOptions options;

    @Override
    public Integer call() throws IOException {
        ConfigSource config = options.config();
        ElasticsearchConnection connection = ElasticsearchConnection.from(config);
        IndexNames indices = Names.indices(config);
        Optional<Map<String, Object>> story;
        try (ArticleSearch search = ArticleSearch.connect(connection, indices)) {
            story = search.storyById(id);
        } catch (IOException e) {
            throw new IOException("Cannot read story " + id + " from Elasticsearch at " + connection.urlText() + ": " + Newsroom.oneLine(e), e);
        }
        if (story.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("newsroom story: No story " + id + " in index " + indices.stories() + " at " + connection.urlText());
            err.flush();
            return Newsroom.RUNTIME_FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(story.get()));
        } else {
            print(out, story.get());
        }
        out.flush();
        return 0;
    }

    /** The story for people: a header, the canonical copy, then a table of every copy. */
    static void print(PrintWriter out, Map<String, Object> story) {
        List<Map<String, Object>> copies = maps(story.get("copies"));
        Map<String, Object> canonical = map(story.get("canonical"));
        int count = Math.max(copies.size(), story.get("copy_count") instanceof Number n ? n.intValue() : 0);
        out.printf("Story %s (revision %s, %d %s%s)%n", text(story.get("id")), text(story.get("revision")), count,
                count == 1 ? "copy" : "copies", count > copies.size() ? ", the first " + copies.size() + " listed" : "");
        out.println(text(story.get("title")));
        List<String> topics = new ArrayList<>();
        maps(story.get("topics")).forEach(t -> topics.add(text(t.get("label"))));
        out.printf("Topics: %s%n", topics.isEmpty() ? "-" : String.join(", ", topics));
        out.printf("Countries: %s   Regions: %s   Language: %s%n", list(story.get("countries")), list(story.get("regions")),
                text(story.get("language")).isEmpty() ? "-" : text(story.get("language")));
        out.printf("Canonical: %s  %s  %s%n", text(canonical.get("site")), date(canonical.get("published_at")), text(canonical.get("url")));
        out.println();
        out.printf("%-28s  %-10s  %-44s  %s%n", "SITE", "DATE", "WHY IT JOINED", "URL");
        String canonicalId = text(canonical.get("article_id"));
        for (Map<String, Object> copy : copies) {
            out.printf("%-28.28s  %-10s  %-44s  %s%n", text(copy.get("site")), date(copy.get("published_at")),
                    why(copy, canonicalId), text(copy.get("url")));
        }
    }

    /**
     * Why a copy is in its story, from what the story document records: the copy it matched and
     * how closely ({@code joined}, when the stories stage records it), else its similarity to the
     * canonical copy.
     */
    static String why(Map<String, Object> copy, String canonicalId) {
        boolean isCanonical = text(copy.get("article_id")).equals(canonicalId);
        Map<String, Object> joined = map(copy.get("joined"));
        StringBuilder why = new StringBuilder();
        if (isCanonical) {
            why.append("canonical");
            if (Boolean.TRUE.equals(joined.get("canonical_by_attribution"))) {
                why.append(" (by attribution)");
            }
        }
        String matched = text(joined.get("matched_article_id"));
        if (!matched.isEmpty()) {
            why.append(why.length() > 0 ? "; " : "").append("matched ").append(matched);
            String rule = text(joined.get("rule"));
            if (!rule.isEmpty()) {
                why.append(" as ").append(rule.replace('_', ' '));
            }
            if (joined.get("containment") instanceof Number c) {
                why.append(String.format(Locale.ROOT, ", containment %.2f", c.doubleValue()));
            }
            if (joined.get("jaccard") instanceof Number j) {
                why.append(String.format(Locale.ROOT, ", jaccard %.2f", j.doubleValue()));
            }
        } else if (!isCanonical && copy.get("similarity") instanceof Number s) {
            why.append(String.format(Locale.ROOT, "similarity %.2f", s.doubleValue()));
        } else if (!joined.isEmpty() && !isCanonical) {
            why.append("founded the story");
        }
        return why.length() == 0 ? "-" : why.toString();
    }

    private static String date(Object instant) {
        String s = text(instant);
        return s.length() >= 10 ? s.substring(0, 10) : (s.isEmpty() ? "-" : s);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String list(Object values) {
        if (values instanceof List<?> l && !l.isEmpty()) {
            return String.join(", ", l.stream().map(Object::toString).toList());
        }
        return "-";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(v -> maps.add(map(v)));
        }
        return maps;
    }
}
