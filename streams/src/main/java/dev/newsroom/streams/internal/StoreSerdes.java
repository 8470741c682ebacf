package dev.newsroom.streams.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.newsroom.model.Article;
import dev.newsroom.model.Attribution;
import dev.newsroom.model.JoinReason;
import dev.newsroom.model.TopicTag;
import dev.newsroom.model.serde.Json;
import dev.newsroom.model.serde.JsonSerde;
import dev.newsroom.model.serde.MalformedRecordException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary values of the story-assignment stores. They are read and written several times
 * for every article on the one assignment thread, so they are a small fixed layout rather than
 * JSON: a format byte ({@link #FORMAT}), then the fields in order, strings as a length and UTF-8.
 * An {@link ArticleEntry} ({@link #ARTICLE_ENTRY_FORMAT}) carries its copy field by field after its
 * own fields; the earlier layouts are still read, so existing state and changelogs stay valid: format
 * {@value #FORMAT} entries, which carry the copy as the model's JSON, and values that start with
 * <code>{</code>, the first layout (JSON through {@link JsonSerde}).
 */
public final class StoreSerdes {
    /** The first byte of every value in this layout. */
    public static final byte FORMAT = 2;
    /**
     * The first byte of an {@link ArticleEntry} whose copy is stored field by field too; format
     * {@value #FORMAT} entries carry it as JSON and are still read.
     */
    public static final byte ARTICLE_ENTRY_FORMAT = 3;
    /** The first byte of a {@link StoryEntry} with its members' order and attributions. */
    public static final byte STORY_ENTRY_FORMAT = 4;
    private static final ObjectReader ARTICLE_READER = Json.mapper().readerFor(Article.class);
    /**
     * One instance per tag value read (topic codes and labels, countries, regions, languages: small
     * vocabularies), so that merging a story's tags, which reads every copy each time the story
     * changes, hashes each value once and compares by identity. Bounded in case a user's taxonomy is big.
     */
    private static final ConcurrentHashMap<String, String> TAG_VALUES = new ConcurrentHashMap<>();
    private static final int MAX_TAG_VALUES = 20_000;

    private StoreSerdes() {}

    /** {@code story-articles}: article id → {@link ArticleEntry}. */
    public static Serde<ArticleEntry> articles() {
        return new BinarySerde<>(ArticleEntry.class, ARTICLE_ENTRY_FORMAT, (out, e) -> {
            writeFields(out, e);
            writeArticle(out, e);
        }, Map.of(FORMAT, in -> {
            EntryFields f = readFields(in);
            return new ArticleEntry(in.jsonArticle(), f.fingerprint(), f.storyId(), f.joined(), f.seenAt());
        }, ARTICLE_ENTRY_FORMAT, in -> readArticle(in, readFields(in))));
    }

    /** The entry's own fields, in front of its article in both layouts. */
    private static void writeFields(Output out, ArticleEntry e) {
        out.bytes(e.fingerprint().signature());
        out.varint(e.fingerprint().shingles());
        out.varint(e.fingerprint().words());
        out.string(e.fingerprint().headline());
        out.string(e.storyId());
        writeReason(out, e.joined());
        out.long_(e.seenAt());
    }

    /** The entry's own fields. */
    private record EntryFields(Fingerprint fingerprint, String storyId, JoinReason joined, long seenAt) {}

    private static EntryFields readFields(Input in) {
        Fingerprint fingerprint = new Fingerprint(in.bytes(), in.varint(), in.varint(), in.string());
        String storyId = in.string();
        JoinReason joined = readReason(in);
        return new EntryFields(fingerprint, storyId, joined, in.long_());
    }

    private static void writeReason(Output out, JoinReason reason) {
        out.flag(reason != null);
        if (reason != null) {
            out.string(reason.matchedArticleId());
            out.double_(reason.jaccard());
            out.double_(reason.containment());
            out.flag(reason.canonicalByAttribution());
            out.string(reason.rule());
        }
    }

    private static JoinReason readReason(Input in) {
        return in.flag() ? new JoinReason(in.string(), in.double_(), in.double_(), in.flag(), in.string()) : null;
    }

    /**
     * The copy field by field: the story assigner reads every copy of a story to publish it, and
     * reading these fields costs less than parsing the model's JSON; the text is read as its bytes
     * and decoded only when used ({@link ArticleEntry#article()}), and written back as they are if
     * it never was.
     */
    private static void writeArticle(Output out, ArticleEntry e) {
        Article a = e.head();
        out.string(a.id());
        out.string(a.storyId());
        out.flag(a.canonical());
        out.double_(a.similarity());
        out.string(a.url());
        out.string(a.site());
        out.string(a.title());
        if (e.textEncoded()) {
            out.bytes(e.stored(), e.textOffset(), e.textLength());
        } else {
            out.string(a.text());
        }
        out.string(a.feedUrl());
        out.instant(a.publishedAt());
        out.instant(a.fetchedAt());
        out.varint(a.topics().size());
        for (TopicTag t : a.topics()) {
            out.string(t.code());
            out.string(t.label());
            out.double_(t.score());
        }
        out.strings(a.regions());
        out.strings(a.countries());
        out.string(a.language());
        out.flag(a.attribution() != null);
        if (a.attribution() != null) {
            out.string(a.attribution().name());
            out.string(a.attribution().url());
        }
        writeReason(out, a.joined());
        out.strings(a.keywords());
    }

    private static ArticleEntry readArticle(Input in, EntryFields f) {
        String id = in.string();
        String storyId = in.string();
        boolean canonical = in.flag();
        double similarity = in.double_();
        String url = in.string();
        String site = in.string();
        String title = in.string();
        int textLength = in.length();
        int textOffset = in.skip(textLength);
        String feedUrl = in.string();
        Instant publishedAt = in.instant();
        Instant fetchedAt = in.instant();
        int topicCount = in.varint();
        List<TopicTag> topics = new ArrayList<>(Math.min(topicCount, 64));
        for (int i = 0; i < topicCount; i++) {
            topics.add(new TopicTag(in.tag(), in.tag(), in.double_()));
        }
        List<String> regions = in.tags();
        List<String> countries = in.tags();
        String language = in.tag();
        Attribution attribution = in.flag() ? new Attribution(in.string(), in.string()) : null;
        JoinReason joined = readReason(in);
        Article head = new Article(id, storyId, canonical, similarity, url, site, title, "", feedUrl, publishedAt, fetchedAt, topics,
                regions, countries, language, attribution, joined, in.strings());
        return ArticleEntry.withEncodedText(head, in.buffer().array(), textOffset, textLength, f.fingerprint(), f.storyId(), f.joined(),
                f.seenAt());
    }

    /**
     * {@code story-stories}: story id → {@link StoryEntry}. Format {@value #STORY_ENTRY_FORMAT} adds the members'
     * order and attributions after the fields of format {@value #FORMAT}, which is still read (as a story whose
     * order and attributions are not known).
     */
    public static Serde<StoryEntry> stories() {
        return new BinarySerde<>(StoryEntry.class, STORY_ENTRY_FORMAT, (out, s) -> {
            out.string(s.id());
            out.long_(s.revision());
            out.long_(s.createdAt());
            out.strings(s.members());
            out.varint(s.inOrder());
            out.flag(s.attributions() != null);
            if (s.attributions() != null) {
                out.varint(s.attributions().size());
                for (StoryEntry.Attributed a : s.attributions()) {
                    out.string(a.attribution().name());
                    out.string(a.attribution().url());
                    out.varint(a.copies());
                }
            }
        }, Map.of(FORMAT, in -> new StoryEntry(in.string(), in.long_(), in.long_(), in.strings()), STORY_ENTRY_FORMAT, in -> {
            String id = in.string();
            long revision = in.long_();
            long createdAt = in.long_();
            List<String> members = in.strings();
            int inOrder = (int) in.varint();
            List<StoryEntry.Attributed> attributions = null;
            if (in.flag()) {
                int n = (int) in.varint();
                attributions = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    attributions.add(new StoryEntry.Attributed(new Attribution(in.string(), in.string()), (int) in.varint()));
                }
            }
            return new StoryEntry(id, revision, createdAt, members, inOrder, attributions);
        }));
    }

    /** {@code story-buckets}: LSH band key → the article ids in it. */
    static Serde<StoreBackedState.Bucket> buckets() {
        return new BinarySerde<>(StoreBackedState.Bucket.class, FORMAT, (out, b) -> out.strings(b.ids()),
                Map.of(FORMAT, in -> new StoreBackedState.Bucket(in.strings())));
    }

    /** {@code story-boilerplate}: site and line hash → {@link StoryAssignmentProcessor.LineCount}. */
    static Serde<StoryAssignmentProcessor.LineCount> lineCounts() {
        return new BinarySerde<>(StoryAssignmentProcessor.LineCount.class, FORMAT, (out, c) -> {
            out.varint(c.articles());
            out.long_(c.lastSeen());
        }, Map.of(FORMAT, in -> new StoryAssignmentProcessor.LineCount(in.varint(), in.long_())));
    }

    private static Article readJsonArticle(byte[] json) {
        try {
            return ARTICLE_READER.readValue(json);
        } catch (IOException e) {
            throw new MalformedRecordException("An article in the story-articles store is not valid JSON: " + e.getMessage(), e);
        }
    }

    private interface Writer<T> {
        void write(Output out, T value);
    }

    private interface Reader<T> {
        T read(Input in);
    }

    /** A serde that writes one layout and reads it, the older binary layouts it is given, and the first (JSON) layout. */
    private static final class BinarySerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
        private final JsonSerde<T> firstLayout;
        private final byte format;
        private final Writer<T> writer;
        private final Map<Byte, Reader<T>> readers;

        BinarySerde(Class<T> type, byte format, Writer<T> writer, Map<Byte, Reader<T>> readers) {
            this.firstLayout = new JsonSerde<>(type, 1);
            this.format = format;
            this.writer = writer;
            this.readers = Map.copyOf(readers);
        }

        @Override
        public byte[] serialize(String topic, T value) {
            if (value == null) {
                return null;
            }
            Output out = new Output();
            out.buffer[0] = format;
            out.size = 1;
            writer.write(out, value);
            return Arrays.copyOf(out.buffer, out.size);
        }

        @Override
        public T deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            if (data.length > 0 && data[0] == '{') {
                return firstLayout.deserialize(topic, data);
            }
            Reader<T> reader = data.length == 0 ? null : readers.get(data[0]);
            if (reader == null) {
                throw new MalformedRecordException("A value of " + firstLayout.type().getSimpleName() + " in " + topic
                        + " has format " + (data.length == 0 ? "none" : data[0]) + "; this reader knows formats 1 (JSON) and "
                        + readers.keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining(" and ")));
            }
            try {
                return reader.read(new Input(ByteBuffer.wrap(data, 1, data.length - 1)));
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                throw new MalformedRecordException("A value of " + firstLayout.type().getSimpleName() + " in " + topic
                        + " is truncated or corrupt: " + e, e);
            }
        }

        @Override
        public Serializer<T> serializer() {
            return this;
        }

        @Override
        public Deserializer<T> deserializer() {
            return this;
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            // configured by its constructor
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    /** A growing byte array. */
    private static final class Output {
        byte[] buffer = new byte[256];
        int size;

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        void flag(boolean value) {
            ensure(1);
            buffer[size++] = (byte) (value ? 1 : 0);
        }

        void varint(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative count " + value);
            }
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                buffer[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[size++] = (byte) value;
        }

        void long_(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void double_(double value) {
            long_(Double.doubleToLongBits(value));
        }

        void bytes(byte[] value) {
            bytes(value, 0, value.length);
        }

        void bytes(byte[] value, int offset, int length) {
            varint(length);
            ensure(length);
            System.arraycopy(value, offset, buffer, size, length);
            size += length;
        }

        void string(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        void strings(List<String> values) {
            varint(values.size());
            values.forEach(this::string);
        }

        /** A flag for null, else the seconds and nanoseconds. */
        void instant(Instant value) {
            flag(value != null);
            if (value != null) {
                long_(value.getEpochSecond());
                varint(value.getNano());
            }
        }
    }

    /** Reads what {@link Output} wrote. */
    private record Input(ByteBuffer buffer) {
        boolean flag() {
            return buffer.get() != 0;
        }

        int varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buffer.get();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    if (value > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("count " + value + " out of range");
                    }
                    return (int) value;
                }
            }
            throw new IllegalArgumentException("varint longer than 64 bits");
        }

        long long_() {
            return buffer.getLong();
        }

        double double_() {
            return Double.longBitsToDouble(buffer.getLong());
        }

        /** A length in front of bytes, checked against what is left. */
        int length() {
            int length = varint();
            if (length > buffer.remaining()) {
                throw new IllegalArgumentException("length " + length + " exceeds the " + buffer.remaining() + " bytes left");
            }
            return length;
        }

        /** Skips {@code length} bytes; returns the offset in the backing array where they start. */
        int skip(int length) {
            int offset = buffer.arrayOffset() + buffer.position();
            buffer.position(buffer.position() + length);
            return offset;
        }

        byte[] bytes() {
            int length = length();
            byte[] value = new byte[length];
            buffer.get(value);
            return value;
        }

        String string() {
            int length = length();
            String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        List<String> strings() {
            return list(this::string);
        }

        List<String> tags() {
            return list(this::tag);
        }

        /** A count, then that many values. */
        private List<String> list(Supplier<String> value) {
            int count = varint();
            List<String> values = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                values.add(value.get());
            }
            return values;
        }

        /** A value of a small vocabulary (topic code or label, country, region, language), as its one instance. */
        String tag() {
            String value = string();
            String known = TAG_VALUES.get(value);
            if (known != null) {
                return known;
            }
            if (TAG_VALUES.size() < MAX_TAG_VALUES) {
                TAG_VALUES.putIfAbsent(value, value);
            }
            return value;
        }

        Instant instant() {
            return flag() ? Instant.ofEpochSecond(long_(), varint()) : null;
        }

        /** A copy as the model's JSON (format {@value #FORMAT} entries). */
        Article jsonArticle() {
            return readJsonArticle(bytes());
        }
    }
}
