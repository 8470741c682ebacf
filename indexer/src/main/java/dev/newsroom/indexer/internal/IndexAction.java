package dev.newsroom.indexer.internal;

import java.util.Objects;

/**
 * One operation of a bulk request: index a document, or delete one (no document).
 *
 * @param index           target index (or alias)
 * @param id              document id
 * @param document        the document, serialized with the model's JSON dialect; null for a delete
 * @param externalVersion the external version (a story's revision, an article's offset), or null
 *                        for internal versioning
 */
public record IndexAction(String index, String id, Object document, Long externalVersion) {
    public IndexAction {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
    }

    /** A delete of document {@code id}, with an external version so that an older write cannot bring it back. */
    public static IndexAction delete(String index, String id, long externalVersion) {
        return new IndexAction(index, id, null, externalVersion);
    }

    /** Whether this removes the document rather than writing it. */
    public boolean isDelete() {
        return document == null;
    }
}
