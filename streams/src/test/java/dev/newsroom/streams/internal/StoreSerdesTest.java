package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.model.Article;
import dev.newsroom.model.Attribution;
import dev.newsroom.model.JoinReason;
import dev.newsroom.model.TopicTag;
import dev.newsroom.model.serde.JsonSerde;
import dev.newsroom.model.serde.MalformedRecordException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The binary store layout round-trips every field, still reads the first (JSON) layout, and rejects corrupt bytes clearly. */
class StoreSerdesTest {
    private static final String STORE = "story-articles";
    private final MinHasher minHasher = new MinHasher(4, 512);

    private ArticleEntry entry(JoinReason joined) {
        String text = "US and Turkey edge up to the Syrian border\n" + CandidateVerifierTest.words(5, 300) + "\nÜnïcödé “quotes” — and an em dash";
        Article article = new Article("a-1", "s-0", false, 0.873, "https://www.globalresearch.ca/x/1", "globalresearch.ca",
                "US-Turkey Provocation", text, "https://www.globalresearch.ca/feed", null, Instant.parse("2015-11-28T09:00:00Z"),
                null, List.of("Middle East"), List.of("SY", "TR"), "en",
                new Attribution("Land Destroyer", "https://landdestroyer.blogspot.com/"), joined, List.of("In-depth Report: SYRIA"));
        return new ArticleEntry(article, minHasher.fingerprint(text), "s-0", joined, 1_448_701_200_123L);
    }

    /** A copy with every optional field set: topics, a published time with nanoseconds, no attribution. */
    private ArticleEntry taggedEntry() {
        String text = "Turkey shoots down a Russian jet\n" + CandidateVerifierTest.words(6, 200);
        Article article = new Article("a-2", "s-0", true, 1.0, "https://landdestroyer.blogspot.com/2015/11/x.html", "landdestroyer.blogspot.com",
                "US-Turkey Provocation", text, "", Instant.parse("2015-11-27T21:14:03.123456789Z"), Instant.parse("2015-11-28T09:00:00Z"),
                List.of(new TopicTag("medtop:16000000", "conflict, war and peace", 0.91), new TopicTag("medtop:11000000", "politics", 0.4)),
                List.of(), List.of("SY"), "", null, JoinReason.founded(true), List.of());
        return new ArticleEntry(article, minHasher.fingerprint(text), "s-0", JoinReason.founded(true), 0L);
    }

    private static void assertSameEntry(ArticleEntry actual, ArticleEntry expected) {
        assertThat(actual.article()).isEqualTo(expected.article());
        assertThat(actual.fingerprint().signature()).isEqualTo(expected.fingerprint().signature());
        assertThat(actual.fingerprint().shingles()).isEqualTo(expected.fingerprint().shingles());
        assertThat(actual.fingerprint().words()).isEqualTo(expected.fingerprint().words());
        assertThat(actual.fingerprint().headline()).isEqualTo(expected.fingerprint().headline()).isNotEmpty();
        assertThat(actual.storyId()).isEqualTo(expected.storyId());
        assertThat(actual.joined()).isEqualTo(expected.joined());
        assertThat(actual.seenAt()).isEqualTo(expected.seenAt());
    }

    @Test
    void shouldRoundTripAnArticleEntry() {
        Serde<ArticleEntry> serde = StoreSerdes.articles();
        for (ArticleEntry e : List.of(entry(new JoinReason("a-0", 0.61, 0.97, true, "copy")), entry(null), taggedEntry())) {
            byte[] bytes = serde.serializer().serialize(STORE, e);

            assertThat(bytes[0]).isEqualTo(StoreSerdes.ARTICLE_ENTRY_FORMAT);
            assertSameEntry(serde.deserializer().deserialize(STORE, bytes), e);
        }
    }

    @Test
    void shouldReadEachTagValueAsOneInstanceAndOtherStringsAsTheirOwn() {
        Serde<ArticleEntry> serde = StoreSerdes.articles();
        byte[] bytes = serde.serializer().serialize(STORE, taggedEntry());

        Article first = serde.deserializer().deserialize(STORE, bytes).head();
        Article second = serde.deserializer().deserialize(STORE, bytes).head();

        assertThat(second).isEqualTo(first);
        assertThat(second.topics().get(0).code()).isSameAs(first.topics().get(0).code());
        assertThat(second.topics().get(1).label()).isSameAs(first.topics().get(1).label());
        assertThat(second.countries().get(0)).isSameAs(first.countries().get(0));
        assertThat(second.language()).isSameAs(first.language());
        assertThat(second.title()).as("not a tag: read anew").isNotSameAs(first.title()).isEqualTo(first.title());
    }

    @Test
    void shouldKeepAReadTextUndecodedUntilUsedAndWriteItBackAsItWasStored() {
        Serde<ArticleEntry> serde = StoreSerdes.articles();
        ArticleEntry e = entry(new JoinReason("a-0", 0.61, 0.97, true, "copy"));
        byte[] bytes = serde.serializer().serialize(STORE, e);

        ArticleEntry read = serde.deserializer().deserialize(STORE, bytes);
        assertThat(read.head().text()).as("not decoded yet").isEmpty();
        assertThat(read.head()).usingRecursiveComparison().ignoringFields("text").isEqualTo(e.article());
        assertThat(serde.serializer().serialize(STORE, read)).as("written back without decoding").isEqualTo(bytes);

        ArticleEntry moved = serde.deserializer().deserialize(STORE, serde.serializer().serialize(STORE, read.withStory("s-9", null)));
        assertThat(moved.storyId()).isEqualTo("s-9");
        assertThat(moved.joined()).isNull();
        assertThat(moved.article()).isEqualTo(e.article());

        assertThat(read.article().text()).isEqualTo(e.article().text()).contains("“quotes” — and");
        assertThat(read.head()).isSameAs(read.article());
        assertThat(serde.serializer().serialize(STORE, read)).as("written from the decoded text").isEqualTo(bytes);
    }

    @Test
    void shouldReadAnArticleEntryWrittenInTheSecondLayoutWithItsCopyAsJson() throws IOException {
        // written by the previous release (format 2: binary fields, then the copy as the model's JSON)
        byte[] written;
        try (InputStream in = getClass().getResourceAsStream("/store/article-entry-format2.bin")) {
            written = in.readAllBytes();
        }

        assertThat(written[0]).isEqualTo(StoreSerdes.FORMAT);
        assertSameEntry(StoreSerdes.articles().deserializer().deserialize(STORE, written), entry(new JoinReason("a-0", 0.61, 0.97, true, "copy")));
    }

    @Test
    void shouldReadAnArticleEntryWrittenInTheFirstJsonLayout() {
        ArticleEntry e = entry(new JoinReason("a-0", 0.61, 0.97, false, "same_headline"));
        byte[] json = new JsonSerde<>(ArticleEntry.class, 1).serialize(STORE, e);

        assertSameEntry(StoreSerdes.articles().deserializer().deserialize(STORE, json), e);
    }

    @Test
    void shouldRoundTripStoriesBucketsAndLineCounts() {
        StoryEntry story = new StoryEntry("s-1", 7, 1_448_698_560_000L, List.of("a-1", "a-2", "a-ü"));
        StoreBackedState.Bucket bucket = new StoreBackedState.Bucket(List.of("a-3", "a-1"));
        StoryAssignmentProcessor.LineCount count = new StoryAssignmentProcessor.LineCount(300, 1_448_698_560_000L);

        assertThat(StoreSerdes.stories().deserializer().deserialize("s", StoreSerdes.stories().serializer().serialize("s", story))).isEqualTo(story);
        assertThat(StoreSerdes.buckets().deserializer().deserialize("b", StoreSerdes.buckets().serializer().serialize("b", bucket))).isEqualTo(bucket);
        assertThat(StoreSerdes.lineCounts().deserializer().deserialize("l", StoreSerdes.lineCounts().serializer().serialize("l", count)))
                .isEqualTo(count);
        byte[] firstLayout = "{\"id\":\"s-1\",\"revision\":7,\"created_at\":1448698560000,\"members\":[\"a-1\",\"a-2\",\"a-ü\"]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(StoreSerdes.stories().deserializer().deserialize("s", firstLayout)).isEqualTo(story);
        // the binary layout byte by byte: format byte 2, the id, revision and creation time, then the member ids
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        second.write(StoreSerdes.FORMAT);
        second.writeBytes(new byte[] {3, 's', '-', '1', 0, 0, 0, 0, 0, 0, 0, 7});
        second.writeBytes(ByteBuffer.allocate(8).putLong(1_448_698_560_000L).array());
        second.writeBytes(new byte[] {3, 3, 'a', '-', '1', 3, 'a', '-', '2', 4, 'a', '-', (byte) 0xC3, (byte) 0xBC});
        assertThat(StoreSerdes.stories().deserializer().deserialize("s", second.toByteArray())).isEqualTo(story);
    }

    @Test
    void shouldRoundTripAStoryWithItsMembersOrderAndAttributions() {
        StoryEntry story = new StoryEntry("s-1", 7, 1_448_698_560_000L, List.of("a-1", "a-2", "a-3"), 2,
                List.of(new StoryEntry.Attributed(new dev.newsroom.model.Attribution("Land Destroyer", ""), 2),
                        new StoryEntry.Attributed(new dev.newsroom.model.Attribution("", "https://example.org/a"), 1)));
        byte[] bytes = StoreSerdes.stories().serializer().serialize("s", story);

        assertThat(bytes[0]).isEqualTo(StoreSerdes.STORY_ENTRY_FORMAT);
        assertThat(StoreSerdes.stories().deserializer().deserialize("s", bytes)).isEqualTo(story);
        StoryEntry unknown = new StoryEntry("s-1", 7, 1_448_698_560_000L, List.of("a-1"));
        assertThat(StoreSerdes.stories().deserializer().deserialize("s", StoreSerdes.stories().serializer().serialize("s", unknown)))
                .as("order and attributions not known").isEqualTo(unknown)
                .satisfies(s -> assertThat(s.attributions()).isNull());
    }

    @Test
    void shouldRejectATruncatedValueWithAClearError() {
        byte[] bytes = StoreSerdes.articles().serializer().serialize(STORE, entry(null));
        byte[] truncated = Arrays.copyOf(bytes, 100);

        assertThatThrownBy(() -> StoreSerdes.articles().deserializer().deserialize(STORE, truncated))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("A value of ArticleEntry in story-articles is truncated or corrupt");
    }

    @Test
    void shouldRejectAnUnknownFormat() {
        assertThatThrownBy(() -> StoreSerdes.stories().deserializer().deserialize("story-stories", new byte[] {9, 1, 2}))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("A value of StoryEntry in story-stories has format 9; this reader knows formats 1 (JSON) and 2 and 4");
        assertThatThrownBy(() -> StoreSerdes.articles().deserializer().deserialize(STORE, new byte[] {9, 1, 2}))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("A value of ArticleEntry in story-articles has format 9; this reader knows formats 1 (JSON) and 2 and 3");
    }
}
