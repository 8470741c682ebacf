package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.indexer.TestData;
import dev.newsroom.indexer.internal.DeadLetterSink.Letter;
import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.NewsTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The commit rule, with a fake bulk outcome: a record is done (and its offset committable) only
 * once Elasticsearch acknowledged it or the dead-letter topic holds it.
 */
class BatchWriterTest {
    private static final NewsTopics TOPICS = NewsTopics.defaults();
    private static final TopicPartition ARTICLES_0 = new TopicPartition("newsroom.articles", 0);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeBulk bulk = new FakeBulk();
    private final FakeDeadLetters deadLetters = new FakeDeadLetters();
    private final OffsetTracker tracker = new OffsetTracker();
    private final IndexerMetrics metrics = new IndexerMetrics(new SimpleMeterRegistry());
    private final BatchWriter writer = new BatchWriter(new RecordRouter(TOPICS, IndexNames.defaults()), bulk, deadLetters,
            tracker, metrics, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1));
    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void shouldMakeEveryAcknowledgedRecordCommittable() {
        bulk.answers.add(actions -> all(actions, new ItemOutcome.Indexed()));

        writer.write(List.of(article(0, "a0"), article(1, "a1")), tp -> true, this::pause);

        assertThat(bulk.requests).hasSize(1);
        assertThat(tracker.committable()).isEqualTo(Map.of(ARTICLES_0, new OffsetAndMetadata(2)));
        assertThat(metrics.indexed()).isEqualTo(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    void shouldKeepOffsetsUncommittedWhileElasticsearchCannotTakeTheDocuments() {
        bulk.answers.add(actions -> {
            throw new ConnectException("Connection refused");
        });
        bulk.answers.add(actions -> List.of(new ItemOutcome.Indexed(), new ItemOutcome.Retry("status 429")));
        bulk.answers.add(actions -> all(actions, new ItemOutcome.Indexed()));
        List<Map<TopicPartition, OffsetAndMetadata>> committableAtEachPause = new ArrayList<>();

        writer.write(List.of(article(0, "a0"), article(1, "a1")), tp -> true, delay -> {
            committableAtEachPause.add(tracker.committable());
            return pause(delay);
        });

        assertThat(committableAtEachPause).containsExactly(Map.of(), Map.of(ARTICLES_0, new OffsetAndMetadata(1)));
        assertThat(bulk.requests.get(2)).extracting(IndexAction::id).containsExactly("a1");
        assertThat(tracker.committable()).isEqualTo(Map.of(ARTICLES_0, new OffsetAndMetadata(2)));
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(metrics.retries()).isEqualTo(2);
    }

    @Test
    void shouldLeaveUnfinishedRecordsUncommittedWhenClosing() {
        bulk.answers.add(actions -> all(actions, new ItemOutcome.Retry("status 503")));

        writer.write(List.of(article(0, "a0")), tp -> true, delay -> false);

        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.hasOpen(ARTICLES_0)).isTrue();
    }

    @Test
    void shouldSendARecordThatCannotBeReadToTheDeadLetterTopic() {
        bulk.answers.add(actions -> all(actions, new ItemOutcome.Indexed()));
        byte[] poison = "not json".getBytes(StandardCharsets.UTF_8);

        writer.write(List.of(raw(0, poison), article(1, "a1")), tp -> true, this::pause);

        assertThat(deadLetters.sent).hasSize(1);
        DeadLetter letter = deadLetters.sent.get(0).deadLetter();
        assertThat(letter.stage()).isEqualTo("indexer");
        assertThat(letter.topic()).isEqualTo("newsroom.articles");
        assertThat(letter.partition()).isZero();
        assertThat(letter.offset()).isZero();
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(letter.error()).contains("not valid JSON");
        assertThat(letter.failedAt()).isEqualTo(NOW);
        assertThat(deadLetters.sent.get(0).key()).isEqualTo("key-0".getBytes(StandardCharsets.UTF_8));
        assertThat(tracker.committable()).isEqualTo(Map.of(ARTICLES_0, new OffsetAndMetadata(2)));
        assertThat(metrics.deadLettered()).isEqualTo(1);
    }

    @Test
    void shouldSendADocumentElasticsearchRejectsToTheDeadLetterTopicWithItsReason() {
        bulk.answers.add(actions -> List.of(
                new ItemOutcome.Rejected("document_parsing_exception", "document_parsing_exception: failed to parse field [published_at]"),
                new ItemOutcome.Indexed()));

        writer.write(List.of(article(0, "a0"), article(1, "a1")), tp -> true, this::pause);

        DeadLetter letter = deadLetters.sent.get(0).deadLetter();
        assertThat(letter.error()).isEqualTo("Elasticsearch rejected document a0 for index news-articles: "
                + "document_parsing_exception: failed to parse field [published_at]");
        assertThat(letter.errorType()).isEqualTo("document_parsing_exception");
        assertThat(tracker.committable()).isEqualTo(Map.of(ARTICLES_0, new OffsetAndMetadata(2)));
    }

    @Test
    void shouldNotCommitADeadLetterBeforeTheDeadLetterTopicAcknowledgesIt() {
        bulk.answers.add(actions -> List.of(new ItemOutcome.Rejected("mapper_parsing_exception", "bad")));
        deadLetters.failures = 1;
        List<Map<TopicPartition, OffsetAndMetadata>> committableAtEachPause = new ArrayList<>();

        writer.write(List.of(article(0, "a0")), tp -> true, delay -> {
            committableAtEachPause.add(tracker.committable());
            return pause(delay);
        });

        assertThat(committableAtEachPause).containsExactly(Map.of());
        assertThat(bulk.requests).hasSize(1);
        assertThat(deadLetters.sent).hasSize(1);
        assertThat(tracker.committable()).isEqualTo(Map.of(ARTICLES_0, new OffsetAndMetadata(1)));
    }

    @Test
    void shouldCountAStaleStoryRevisionAsDone() {
        bulk.answers.add(actions -> all(actions, new ItemOutcome.Stale()));
        byte[] story = TOPICS.stories().valueSerde().serializer().serialize("newsroom.stories", TestData.story("s1", 1, "T"));

        writer.write(List.of(new SourceRecord(new TopicPartition("newsroom.stories", 0), 4, null, story)), tp -> true, this::pause);

        assertThat(tracker.committable()).isEqualTo(Map.of(new TopicPartition("newsroom.stories", 0), new OffsetAndMetadata(5)));
        assertThat(metrics.stale()).isEqualTo(1);
    }

    @Test
    void shouldDropRetriesOfAPartitionThisConsumerLost() {
        bulk.answers.add(actions -> all(actions, new ItemOutcome.Retry("status 503")));

        writer.write(List.of(article(0, "a0")), tp -> false, this::pause);

        assertThat(bulk.requests).hasSize(1);
        assertThat(tracker.committable()).isEmpty();
    }

    private boolean pause(Duration delay) {
        pauses.add(delay);
        return true;
    }

    private static SourceRecord article(long offset, String id) {
        byte[] value = TOPICS.articles().valueSerde().serializer()
                .serialize("newsroom.articles", TestData.article(id, "s1", "example.org", "Title " + id, "Text"));
        return raw(offset, value);
    }

    private static SourceRecord raw(long offset, byte[] value) {
        return new SourceRecord(ARTICLES_0, offset, ("key-" + offset).getBytes(StandardCharsets.UTF_8), value);
    }

    private static List<ItemOutcome> all(List<IndexAction> actions, ItemOutcome outcome) {
        return actions.stream().map(a -> outcome).toList();
    }

    @FunctionalInterface
    private interface Answer {
        List<ItemOutcome> apply(List<IndexAction> actions) throws IOException;
    }

    /** Answers each bulk request with the next scripted answer. */
    private static final class FakeBulk implements BulkSink {
        final Deque<Answer> answers = new ArrayDeque<>();
        final List<List<IndexAction>> requests = new ArrayList<>();

        @Override
        public List<ItemOutcome> write(List<IndexAction> actions) throws IOException {
            requests.add(actions);
            Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
            return answer.apply(actions);
        }
    }

    /** Keeps what it is sent; fails the first {@code failures} sends. */
    private static final class FakeDeadLetters implements DeadLetterSink {
        final List<Letter> sent = new ArrayList<>();
        int failures;

        @Override
        public void send(List<Letter> letters) throws IOException {
            if (failures > 0) {
                failures--;
                throw new IOException("Dead-letter topic newsroom.dlq did not acknowledge");
            }
            sent.addAll(letters);
        }
    }
}
