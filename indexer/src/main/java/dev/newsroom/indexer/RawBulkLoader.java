package dev.newsroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import dev.newsroom.indexer.internal.Documents.ArticleDocument;
import dev.newsroom.indexer.internal.IndexAction;
import dev.newsroom.indexer.internal.ElasticsearchBulkSink;
import dev.newsroom.model.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of {@code newsroom bench index}: the article documents the indexer would write,
 * sent straight to Elasticsearch with one {@code _bulk} request after another, without Kafka,
 * offsets or retries.
 */
public final class RawBulkLoader {
    private RawBulkLoader() {}

    /**
     * Writes the articles' documents to {@code index}, {@code batchSize} per request.
     *
     * @return how many items Elasticsearch refused
     * @throws IOException when Elasticsearch cannot be reached
     */
    public static long load(ElasticsearchClient client, String index, List<Article> articles, int batchSize) throws IOException {
        long errors = 0;
        for (int from = 0; from < articles.size(); from += batchSize) {
            List<IndexAction> actions = new ArrayList<>(batchSize);
            for (Article a : articles.subList(from, Math.min(articles.size(), from + batchSize))) {
                actions.add(new IndexAction(index, a.id(), ArticleDocument.of(a), null));
            }
            BulkResponse response = client.bulk(ElasticsearchBulkSink.request(actions));
            if (response.errors()) {
                errors += response.items().stream().filter(i -> i.error() != null).count();
            }
        }
        return errors;
    }
}
