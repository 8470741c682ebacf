package dev.newsroom.indexer;

/**
 * Elasticsearch cannot be used with the connection given: it cannot be reached, or it refuses the
 * credentials. The message is one sentence naming the URLs and the cause, fit for a command's
 * error line.
 */
public final class ElasticsearchUnavailableException extends RuntimeException {
    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
