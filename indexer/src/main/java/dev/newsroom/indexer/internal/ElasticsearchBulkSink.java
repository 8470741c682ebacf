package dev.newsroom.indexer.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.elasticsearch.client.ResponseException;

/**
 * Writes index operations with one {@code _bulk} request and classifies each item's answer. A
 * request larger than the cluster takes ({@code http.max_content_length}, 413) is split in halves;
 * a single document that is still too large is rejected for good. A request refused as a whole
 * with 400 ({@code action_request_validation_exception}, a body Elasticsearch cannot parse) is
 * split the same way, so that only the documents it cannot take are rejected, with the reason of
 * the refusal; retrying them would stall their partition.
 */
public final class ElasticsearchBulkSink implements BulkSink {
    private static final int BAD_REQUEST = 400;
    private static final int TOO_LARGE = 413;
    private static final ItemOutcome.Rejected TOO_LARGE_DOCUMENT = new ItemOutcome.Rejected("request_entity_too_large",
            "request_entity_too_large: the document is larger than the cluster's http.max_content_length");

    private final ElasticsearchClient client;

    public ElasticsearchBulkSink(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public List<ItemOutcome> write(List<IndexAction> actions) throws IOException {
        BulkResponse response;
        try {
            response = client.bulk(request(actions));
        } catch (ElasticsearchException e) {
            if (e.status() == TOO_LARGE) {
                return split(actions, TOO_LARGE_DOCUMENT);
            }
            if (e.status() == BAD_REQUEST) {
                ErrorCause error = e.error();
                return split(actions, badRequest(error == null ? null : error.type(), error == null ? e.getMessage() : reason(error)));
            }
            throw new IOException("Elasticsearch refused the bulk request with status " + e.status() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (httpStatus(e) == TOO_LARGE) {
                return split(actions, TOO_LARGE_DOCUMENT);
            }
            if (httpStatus(e) == BAD_REQUEST) {
                return split(actions, badRequest(null, e.getMessage()));
            }
            throw e;
        }
        if (response.items().size() != actions.size()) {
            throw new IOException("Elasticsearch answered " + response.items().size() + " items to a bulk request of " + actions.size());
        }
        return outcomes(actions, response.items());
    }

    /** The outcome of each item, in the order of the actions that asked for them. */
    static List<ItemOutcome> outcomes(List<IndexAction> actions, List<BulkResponseItem> items) {
        List<ItemOutcome> outcomes = new ArrayList<>(actions.size());
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            ErrorCause error = item.error();
            outcomes.add(ItemOutcome.classify(actions.get(i).isDelete(), item.status(),
                    error == null ? null : error.type(), error == null ? null : reason(error)));
        }
        return outcomes;
    }

    /** Writes each half of a refused request on its own; a single document gets {@code rejection}. */
    private List<ItemOutcome> split(List<IndexAction> actions, ItemOutcome.Rejected rejection) throws IOException {
        if (actions.size() == 1) {
            return List.of(rejection);
        }
        List<ItemOutcome> outcomes = new ArrayList<>(write(actions.subList(0, actions.size() / 2)));
        outcomes.addAll(write(actions.subList(actions.size() / 2, actions.size())));
        return outcomes;
    }

    /** The rejection of a document whose request, holding only that document, was refused with 400. */
    private static ItemOutcome.Rejected badRequest(String errorType, String reason) {
        String type = errorType == null || errorType.isBlank() ? "bad_request" : errorType;
        return new ItemOutcome.Rejected(type, type + ": " + (reason == null || reason.isBlank() ? "(no reason given)" : reason)
                + " (status 400 for the whole request)");
    }

    /** The bulk request for the actions, in their order. */
    public static BulkRequest request(List<IndexAction> actions) {
        List<BulkOperation> operations = new ArrayList<>(actions.size());
        for (IndexAction action : actions) {
            operations.add(operation(action));
        }
        return BulkRequest.of(b -> b.operations(operations));
    }

    /** The bulk operation of one action: an index or a delete, with its external version if it has one. */
    static BulkOperation operation(IndexAction action) {
        if (action.isDelete()) {
            return BulkOperation.of(op -> op.delete(d -> {
                d.index(action.index()).id(action.id());
                if (action.externalVersion() != null) {
                    d.version(action.externalVersion()).versionType(VersionType.External);
                }
                return d;
            }));
        }
        return BulkOperation.of(op -> op.index(i -> {
            i.index(action.index()).id(action.id()).document(action.document());
            if (action.externalVersion() != null) {
                i.version(action.externalVersion()).versionType(VersionType.External);
            }
            return i;
        }));
    }

    /** The HTTP status of a failed request whose answer was not an Elasticsearch error body; -1 if none. */
    static int httpStatus(Throwable e) {
        if (e instanceof ElasticsearchException es) {
            return es.status();
        }
        if (e instanceof TransportException t) {
            return t.statusCode();
        }
        if (e instanceof ResponseException r) {
            return r.getResponse().getStatusLine().getStatusCode();
        }
        return -1;
    }

    /** The reason and the reasons of its causes, on one line. */
    static String reason(ErrorCause error) {
        StringBuilder text = new StringBuilder(error.reason() == null ? "" : error.reason());
        for (ErrorCause cause = error.causedBy(); cause != null; cause = cause.causedBy()) {
            text.append("; caused by ").append(cause.type()).append(": ").append(cause.reason());
        }
        return text.toString();
    }
}
