package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SupersededTest {
    private static final TopicPartition STORIES = new TopicPartition("newsroom.stories", 0);
    private static final TopicPartition OTHER = new TopicPartition("newsroom.stories", 1);
    private long offset;

    private DocumentWriter.Work write(TopicPartition partition, String id, Long version) {
        return new DocumentWriter.Work(new SourceRecord(partition, offset++, id.getBytes(), new byte[0]),
                new IndexAction("news-stories", id, "{}", version));
    }

    @Test
    void shouldKeepOnlyTheNewestRevisionOfEachStory() {
        DocumentWriter.Work a1 = write(STORIES, "s-a", 1L);
        DocumentWriter.Work b1 = write(STORIES, "s-b", 1L);
        DocumentWriter.Work a2 = write(STORIES, "s-a", 2L);
        DocumentWriter.Work a3 = write(STORIES, "s-a", 3L);

        assertThat(Superseded.find(List.of(a1, b1, a2, a3))).containsExactly(a1, a2);
    }

    @Test
    void shouldKeepWhatElasticsearchWouldKeepWhenVersionsArriveOutOfOrder() {
        DocumentWriter.Work newer = write(STORIES, "s-a", 5L);
        DocumentWriter.Work older = write(STORIES, "s-a", 4L);
        DocumentWriter.Work same = write(STORIES, "s-a", 5L);

        // Elasticsearch refuses a lower or equal external version: the first 5 is what it keeps.
        assertThat(Superseded.find(List.of(newer, older, same))).containsExactly(older, same);
    }

    @Test
    void shouldKeepTheLastWriteOfADocumentWithoutVersions() {
        DocumentWriter.Work first = write(STORIES, "a-1", null);
        DocumentWriter.Work last = write(STORIES, "a-1", null);

        assertThat(Superseded.find(List.of(first, last))).containsExactly(first);
    }

    @Test
    void shouldKeepEveryWriteOfOtherPartitionsOrMixedVersioning() {
        DocumentWriter.Work here = write(STORIES, "s-a", 1L);
        DocumentWriter.Work there = write(OTHER, "s-a", 2L);
        DocumentWriter.Work unversioned = write(STORIES, "s-x", null);
        DocumentWriter.Work versioned = write(STORIES, "s-x", 7L);

        assertThat(Superseded.find(List.of(here, there, unversioned, versioned))).isEmpty();
    }

    @Test
    void shouldTreatADeleteAsTheNewestStateWhenItsVersionIsHigher() {
        DocumentWriter.Work story = write(STORIES, "s-absorbed", 3L);
        DocumentWriter.Work delete = new DocumentWriter.Work(new SourceRecord(STORIES, offset++, null, null),
                IndexAction.delete("news-stories", "s-absorbed", Long.MAX_VALUE / 2));

        assertThat(Superseded.find(List.of(story, delete))).containsExactly(story);
    }
}
