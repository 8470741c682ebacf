package dev.newsroom.indexer.internal;

/**
 * What became of one document of a bulk request. Only {@link Retry} leaves the record
 * unfinished; the other outcomes let its offset be committed.
 */
public sealed interface ItemOutcome {
    /** Written. */
    record Indexed() implements ItemOutcome {}

    /** Not written because the index holds a newer (or the same) external version: success. */
    record Stale() implements ItemOutcome {}

    /** Refused for good (the document does not fit the mapping); goes to the dead-letter topic. */
    record Rejected(String errorType, String reason) implements ItemOutcome {}

    /** Not written now (overload, cluster trouble, unreachable); try again later. */
    record Retry(String reason) implements ItemOutcome {}

    /**
     * Classifies one bulk item answer by its HTTP status and error type. A 400 is final
     * (document_parsing_exception, strict_dynamic_mapping_exception, illegal_argument_exception,
     * ...) except {@code index_closed_exception}, which ends when the index is opened again; a
     * 409 is a stale external version; every other failure (429, 5xx, 403 blocks, 404 missing
     * index) may heal and is retried.
     */
    static ItemOutcome classify(int status, String errorType, String reason) {
        return classify(false, status, errorType, reason);
    }

    /**
     * Classifies the answer to an index or, when {@code delete}, a delete operation: a delete of a
     * document that is not there (404 without an error) is done, like a written one.
     */
    static ItemOutcome classify(boolean delete, int status, String errorType, String reason) {
        if (delete && status == 404 && errorType == null) {
            return new Indexed();
        }
        if (status >= 200 && status < 300) {
            return new Indexed();
        }
        if (status == 409) {
            return new Stale();
        }
        String what = (errorType == null ? "error" : errorType) + ": " + (reason == null ? "(no reason given)" : reason);
        if (status == 400 && !"index_closed_exception".equals(errorType)) {
            return new Rejected(errorType == null ? "" : errorType, what);
        }
        return new Retry("status " + status + ", " + what);
    }
}
