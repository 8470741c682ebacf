package dev.newsroom.indexer.internal;

import java.util.Objects;

/**
 * One index operation of a bulk request.
 *
 * @param index           target index
 * @param id              document id
 * @param document        the document, serialized with the model's JSON dialect
 * @param externalVersion the external version (a story's revision), or null for internal versioning
 */
public record IndexAction(String index, String id, Object document, Long externalVersion) {
    public IndexAction {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
    }
}
