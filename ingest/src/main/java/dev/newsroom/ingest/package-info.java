/**
 * Feed ingestion: {@link dev.newsroom.ingest.FeedFetcher} fetches feed documents over HTTP,
 * {@link dev.newsroom.ingest.FeedParser} reads them with Rome into
 * {@link dev.newsroom.model.RawArticle}s, {@link dev.newsroom.ingest.FeedList} reads and writes
 * OPML feed lists, and {@link dev.newsroom.ingest.IngestService} polls the subscribed feeds and
 * publishes what is new to Kafka. Everything in {@code internal} may change without notice.
 */
package dev.newsroom.ingest;
