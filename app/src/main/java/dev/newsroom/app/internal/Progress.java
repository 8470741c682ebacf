package dev.newsroom.app.internal;

import dev.newsroom.indexer.ArticleIndexer;
import dev.newsroom.ingest.IngestService;
import dev.newsroom.streams.StreamsService;

/**
 * The progress line of {@code newsroom run}, from the counters of the three services since this
 * start: feeds polled, articles published, stories formed, documents indexed, dead letters.
 */
public final class Progress {
    private Progress() {}

    /** One sentence, e.g. "Progress: 37 feeds polled (35 errors), 120 raw articles, 0 stories, 118 documents indexed, 2 dead letters." */
    public static String line(IngestService.Snapshot ingest, StreamsService.Snapshot streams, ArticleIndexer.Snapshot indexer) {
        long deadLetters = ingest.itemsSkipped() + streams.deadLetters() + indexer.deadLettered();
        return "Progress: " + ingest.feedsPolled() + " feeds polled (" + ingest.errors() + " errors), "
                + ingest.articlesPublished() + " raw articles, " + streams.stories() + " stories, "
                + indexer.indexed() + " documents indexed, " + deadLetters + " dead letters.";
    }
}
