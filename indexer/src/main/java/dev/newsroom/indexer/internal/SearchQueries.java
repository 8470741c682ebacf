package dev.newsroom.indexer.internal;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.newsroom.indexer.SearchRequest;
import dev.newsroom.model.IndexNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Elasticsearch search for a {@link SearchRequest}: {@code simple_query_string} over
 * {@code title^2} and {@code text} with every word required, or {@code match_all} newest first
 * when there are no words; filters as {@code term} (case-insensitive) and {@code range} queries
 * in filter context, so they do not change the score.
 */
public final class SearchQueries {
    /** The fields a hit needs; the long text stays on the server. */
    static final List<String> SOURCE_FIELDS = List.of(
            "id", "title", "url", "site", "published_at", "story_id", "topics.label", "countries", "copy_count", "sites");

    private SearchQueries() {}

    /** The index a request searches. */
    public static String index(SearchRequest request, IndexNames indices) {
        return request.kind() == SearchRequest.Kind.STORIES ? indices.stories() : indices.articles();
    }

    public static co.elastic.clients.elasticsearch.core.SearchRequest build(SearchRequest request, IndexNames indices) {
        List<Query> filters = filters(request);
        Query words = request.query().isEmpty()
                ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.simpleQueryString(s -> s
                        .query(request.query())
                        .fields("title^2", "text")
                        .defaultOperator(Operator.And)));
        return co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> {
            s.index(index(request, indices))
                    .size(request.limit())
                    .query(q -> q.bool(b -> b.must(words).filter(filters)))
                    .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)));
            if (!request.query().isEmpty()) {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            }
            s.sort(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc).missing("_last")));
            return s;
        });
    }

    static List<Query> filters(SearchRequest request) {
        List<Query> filters = new ArrayList<>();
        if (request.topic() != null) {
            filters.add(Query.of(q -> q.bool(b -> b
                    .should(term("topics.code", request.topic()), term("topics.label", request.topic()))
                    .minimumShouldMatch("1"))));
        }
        if (request.country() != null) {
            filters.add(term("countries", request.country()));
        }
        if (request.site() != null) {
            filters.add(term(request.kind() == SearchRequest.Kind.STORIES ? "sites" : "site", request.site()));
        }
        if (request.since() != null || request.until() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("published_at");
                if (request.since() != null) {
                    d.gte(request.since().toString());
                }
                if (request.until() != null) {
                    d.lte(request.until().toString());
                }
                return d;
            }))));
        }
        return filters;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value).caseInsensitive(true)));
    }
}
