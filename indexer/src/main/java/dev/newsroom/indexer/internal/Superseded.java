package dev.newsroom.indexer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * The writes of one poll that another write of the same poll makes pointless: a story revised
 * five times while the indexer waited arrives as five records of one partition, and only the
 * newest revision needs to reach Elasticsearch. Of the writes to one document from one partition,
 * the one Elasticsearch would end up with is kept: the highest external version (on a tie the
 * first, since Elasticsearch refuses an equal external version), or, without versions, the last.
 * Writes of one document that mix versioned and unversioned operations are all kept.
 */
final class Superseded {
    private Superseded() {}

    private record Target(TopicPartition partition, String index, String id) {}

    /** The superseded writes among {@code work}, in order. */
    static List<DocumentWriter.Work> find(List<DocumentWriter.Work> work) {
        Map<Target, DocumentWriter.Work> kept = new HashMap<>();
        Map<Target, Boolean> mixed = new HashMap<>();
        for (DocumentWriter.Work w : work) {
            Target target = new Target(w.source().partition(), w.action().index(), w.action().id());
            DocumentWriter.Work before = kept.get(target);
            if (before == null) {
                kept.put(target, w);
            } else if ((before.action().externalVersion() == null) != (w.action().externalVersion() == null)) {
                mixed.put(target, true);
            } else if (replaces(w, before)) {
                kept.put(target, w);
            }
        }
        List<DocumentWriter.Work> superseded = new ArrayList<>();
        for (DocumentWriter.Work w : work) {
            Target target = new Target(w.source().partition(), w.action().index(), w.action().id());
            if (!mixed.containsKey(target) && kept.get(target) != w) {
                superseded.add(w);
            }
        }
        return superseded;
    }

    private static boolean replaces(DocumentWriter.Work later, DocumentWriter.Work earlier) {
        Long version = later.action().externalVersion();
        return version == null || version > Objects.requireNonNull(earlier.action().externalVersion());
    }
}
