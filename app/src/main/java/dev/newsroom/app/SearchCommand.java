package dev.newsroom.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsroom.app.internal.QueryOptions;
import dev.newsroom.indexer.ArticleSearch;
import dev.newsroom.indexer.SearchHit;
import dev.newsroom.indexer.SearchRequest;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.Names;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsroom search}: full-text search over stories or articles with filters; a table for
 * people, or {@code --json}, one object per line, for scripts.
 */
@Command(name = "search", description = "Search stories or articles in Elasticsearch.")
final class SearchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "Words to find (Elasticsearch simple query syntax); empty = newest first.")
    String query;

    @ArgGroup(exclusive = true)
    Kind kind;

    static final class Kind {
        @Option(names = "--stories", description = "Search stories, one result per story (the default).") boolean stories;
        @Option(names = "--articles", description = "Search articles, one result per copy.") boolean articles;
    }

    @Option(names = "--topic", paramLabel = "T", description = "Only results tagged with this topic (label or medtop code).")
    String topic;

    @Option(names = "--country", paramLabel = "CC", description = "Only results about this country (ISO 3166-1 alpha-2).")
    String country;

    @Option(names = "--site", paramLabel = "S", description = "Only results from this site, e.g. globalresearch.ca.")
    String site;

    @Option(names = "--since", paramLabel = "ISO", converter = InstantConverter.class, description = "Published at or after (2015-11-28 or 2015-11-28T08:00:00Z).")
    Instant since;

    @Option(names = "--until", paramLabel = "ISO", converter = InstantConverter.class, description = "Published before.")
    Instant until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N results, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Mixin QueryOptions options;

    @Override
    public Integer call() throws IOException {
        ConfigSource config = options.config();
        SearchRequest request;
        try {
            request = new SearchRequest(query, kind != null && kind.articles ? SearchRequest.Kind.ARTICLES : SearchRequest.Kind.STORIES,
                    topic, country, site, since, until, limit);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        ElasticsearchConnection connection = ElasticsearchConnection.from(config);
        List<SearchHit> hits;
        try (ArticleSearch search = ArticleSearch.connect(connection, Names.indices(config))) {
            hits = search.search(request);
        } catch (IOException e) {
            throw new IOException("Cannot search Elasticsearch at " + connection.urlText() + ": " + Newsroom.oneLine(e), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            for (SearchHit hit : hits) {
                out.println(toJson(hit, request.kind()));
            }
        } else {
            printTable(out, hits, request.kind());
        }
        out.flush();
        return 0;
    }

    static String toJson(SearchHit hit, SearchRequest.Kind kind) throws JsonProcessingException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", hit.id());
        line.put("title", hit.title());
        line.put("url", hit.url());
        line.put("site", hit.site());
        line.put("published_at", hit.publishedAt() == null ? null : hit.publishedAt().toString());
        line.put("story_id", hit.storyId());
        line.put("topics", hit.topics());
        line.put("countries", hit.countries());
        if (kind == SearchRequest.Kind.STORIES) {
            line.put("copy_count", hit.copyCount());
            line.put("sites", hit.sites());
        }
        return Json.mapper().writeValueAsString(line);
    }

    /** A table for people: date, site, copies (stories), title and topics, one row per hit. */
    static void printTable(PrintWriter out, List<SearchHit> hits, SearchRequest.Kind kind) {
        if (hits.isEmpty()) {
            out.println("No " + kind.name().toLowerCase() + " found.");
            return;
        }
        out.printf("%-10s  %-24s  %6s  %-60s  %s%n", "DATE", "SITE", "COPIES", "TITLE", "TOPICS");
        for (SearchHit hit : hits) {
            String date = hit.publishedAt() == null ? "-" : hit.publishedAt().toString().substring(0, 10);
            String copies = hit.copyCount() == null ? "-" : hit.copyCount().toString();
            String topics = hit.topics().isEmpty() ? "-" : String.join(", ", hit.topics());
            out.printf("%-10s  %-24.24s  %6s  %-60.60s  %s%n", date, hit.site() == null ? "-" : hit.site(), copies,
                    hit.title() == null ? "" : hit.title(), topics);
        }
    }

    /** Accepts an instant (2015-11-28T08:00:00Z) or a date (2015-11-28, meaning its start in UTC). */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 date or instant (2015-11-28 or 2015-11-28T08:00:00Z)");
            }
        }
    }
}
