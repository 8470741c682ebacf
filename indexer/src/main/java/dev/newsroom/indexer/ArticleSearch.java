package dev.newsroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.indexer.internal.SearchQueries;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search API of {@code newsroom search} and {@code newsroom story}. An index that does not
 * exist yet (nothing indexed) gives no hits and a warning saying so, not an error.
 */
public final class ArticleSearch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArticleSearch.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ElasticsearchClient client;
    private final IndexNames indices;
    private final boolean ownsClient;

    /** Searches with a client the caller keeps and closes. */
    public ArticleSearch(ElasticsearchClient client, IndexNames indices) {
        this(client, indices, false);
    }

    /** Searches with a client of its own, released by {@link #close()}. */
    public ArticleSearch(ElasticsearchConnection connection, IndexNames indices) {
        this(ElasticsearchClients.create(connection), indices, true);
    }

    /**
     * Searches with a client of its own after checking that Elasticsearch answers and takes the
     * credentials.
     *
     * @throws ElasticsearchUnavailableException in one sentence, when it does not
     */
    public static ArticleSearch connect(ElasticsearchConnection connection, IndexNames indices) {
        ElasticsearchClient client = ElasticsearchClients.create(connection);
        try {
            ElasticsearchClients.check(client, connection);
        } catch (RuntimeException e) {
            try {
                client.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new ArticleSearch(client, indices, true);
    }

    private ArticleSearch(ElasticsearchClient client, IndexNames indices, boolean ownsClient) {
        this.client = client;
        this.indices = indices;
        this.ownsClient = ownsClient;
    }

    /**
     * The best hits for the request: by relevance when it has words, else newest first.
     *
     * @return the hits; empty when nothing matches or the index does not exist
     * @throws IOException when Elasticsearch cannot be reached
     * @throws ElasticsearchException when Elasticsearch refuses the search
     */
    public List<SearchHit> search(SearchRequest request) throws IOException {
        SearchResponse<ObjectNode> response;
        try {
            response = client.search(SearchQueries.build(request, indices), ObjectNode.class);
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                log.warn("Index {} does not exist yet, so the search finds nothing: run the indexer to fill it.",
                        SearchQueries.index(request, indices));
                return List.of();
            }
            throw e;
        }
        List<SearchHit> hits = new ArrayList<>();
        for (co.elastic.clients.elasticsearch.core.search.Hit<ObjectNode> hit : response.hits().hits()) {
            hits.add(toHit(hit.id(), hit.source(), request.kind()));
        }
        return hits;
    }

    /**
     * The story document with this id, as stored (snake_case fields: {@code title}, {@code text},
     * {@code canonical}, {@code copies}, {@code topics}, ...).
     *
     * @return the document, or empty when there is no such story or no stories index
     * @throws IOException when Elasticsearch cannot be reached
     */
    public Optional<Map<String, Object>> storyById(String id) throws IOException {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        GetResponse<ObjectNode> response;
        try {
            response = client.get(g -> g.index(indices.stories()).id(id), ObjectNode.class);
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                log.warn("Index {} does not exist yet, so story {} is not there: run the indexer to fill it.", indices.stories(), id);
                return Optional.empty();
            }
            throw e;
        }
        if (!response.found() || response.source() == null) {
            return Optional.empty();
        }
        return Optional.of(Json.mapper().convertValue(response.source(), MAP));
    }

    /** Releases the client if this search created it. */
    @Override
    public void close() throws IOException {
        if (ownsClient) {
            client.close();
        }
    }

    static SearchHit toHit(String id, ObjectNode source, SearchRequest.Kind kind) {
        ObjectNode s = source == null ? Json.mapper().createObjectNode() : source;
        List<String> topics = new ArrayList<>();
        s.path("topics").forEach(t -> topics.add(t.path("label").asText()));
        boolean story = kind == SearchRequest.Kind.STORIES;
        return new SearchHit(
                id,
                text(s, "title"),
                text(s, "url"),
                text(s, "site"),
                s.hasNonNull("published_at") ? DateTimeFormatter.ISO_DATE_TIME.parse(s.get("published_at").asText(), Instant::from) : null,
                story ? id : text(s, "story_id"),
                topics,
                strings(s.path("countries")),
                story ? Integer.valueOf(s.path("copy_count").asInt()) : null,
                story ? strings(s.path("sites")) : null);
    }

    private static String text(ObjectNode s, String field) {
        return s.hasNonNull(field) ? s.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static boolean isMissingIndex(ElasticsearchException e) {
        return e.error() != null && "index_not_found_exception".equals(e.error().type());
    }
}
