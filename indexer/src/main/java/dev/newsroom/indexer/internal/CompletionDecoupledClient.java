package dev.newsroom.indexer.internal;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The async client the {@code BulkIngester} sends with, completing every bulk request on an
 * executor of its own. The ingester's completion handler takes the ingester's lock; the HTTP
 * client may complete a request that fails at once (connection refused) on its own thread while
 * holding its connection-pool lock, and the ingester may send while holding its lock and asking
 * the pool for a connection: run on the HTTP client's thread, the two lock each other (seen when
 * Elasticsearch stopped mid-stream). A request that fails before it is sent is a failed request
 * too, never an exception in the caller, so its operations reach the listener.
 */
final class CompletionDecoupledClient extends ElasticsearchAsyncClient {
    private final Executor completions;

    CompletionDecoupledClient(ElasticsearchClient client, Executor completions) {
        super(client._transport(), client._transportOptions());
        this.completions = completions;
    }

    @Override
    public CompletableFuture<BulkResponse> bulk(BulkRequest request) {
        CompletableFuture<BulkResponse> sent;
        try {
            sent = super.bulk(request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<BulkResponse> completed = new CompletableFuture<>();
        sent.whenCompleteAsync((response, failure) -> {
            if (failure != null) {
                completed.completeExceptionally(failure);
            } else {
                completed.complete(response);
            }
        }, completions);
        return completed;
    }
}
