package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemOutcomeTest {

    @Test
    void shouldCountCreatedAndUpdatedAsIndexed() {
        assertThat(ItemOutcome.classify(201, null, null)).isInstanceOf(ItemOutcome.Indexed.class);
        assertThat(ItemOutcome.classify(200, null, null)).isInstanceOf(ItemOutcome.Indexed.class);
    }

    @Test
    void shouldCountAVersionConflictAsAStaleWriteNotAFailure() {
        assertThat(ItemOutcome.classify(409, "version_conflict_engine_exception", "current version [3] is higher"))
                .isInstanceOf(ItemOutcome.Stale.class);
    }

    @Test
    void shouldRejectForGoodADocumentThatDoesNotFitTheMapping() {
        ItemOutcome outcome = ItemOutcome.classify(400, "document_parsing_exception", "failed to parse field [published_at]");

        assertThat(outcome).isEqualTo(new ItemOutcome.Rejected("document_parsing_exception",
                "document_parsing_exception: failed to parse field [published_at]"));
    }

    @Test
    void shouldRetryAClosedIndexThoughItAnswers400() {
        assertThat(ItemOutcome.classify(400, "index_closed_exception", "closed")).isInstanceOf(ItemOutcome.Retry.class);
    }

    @Test
    void shouldRetryOverloadBlocksAndServerErrors() {
        assertThat(ItemOutcome.classify(429, "es_rejected_execution_exception", "queue full")).isInstanceOf(ItemOutcome.Retry.class);
        assertThat(ItemOutcome.classify(429, "cluster_block_exception", "read-only-allow-delete")).isInstanceOf(ItemOutcome.Retry.class);
        assertThat(ItemOutcome.classify(503, "unavailable_shards_exception", "primary shard is not active"))
                .isInstanceOf(ItemOutcome.Retry.class);
        assertThat(ItemOutcome.classify(404, "index_not_found_exception", "no such index")).isInstanceOf(ItemOutcome.Retry.class);
    }

    @Test
    void shouldCountADeleteOfAMissingDocumentAsDoneButNotAMissingIndex() {
        assertThat(ItemOutcome.classify(true, 404, null, null)).isInstanceOf(ItemOutcome.Indexed.class);
        assertThat(ItemOutcome.classify(true, 404, "index_not_found_exception", "no such index")).isInstanceOf(ItemOutcome.Retry.class);
        assertThat(ItemOutcome.classify(false, 404, null, null)).isInstanceOf(ItemOutcome.Retry.class);
    }
}
