package dev.newsroom.streams.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsroom.model.Article;
import dev.newsroom.model.JoinReason;
import dev.newsroom.model.serde.Json;
import dev.newsroom.model.serde.JsonSerde;
import dev.newsroom.model.serde.MalformedRecordException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary values of the story-assignment stores. They are read and written several times
 * for every article on the one assignment thread, so they are a small fixed layout rather than
 * JSON: a format byte ({@link #FORMAT}), then the fields in order, strings as a length and UTF-8.
 * An {@link ArticleEntry} carries its copy as the model's JSON (so {@link Article} keeps one
 * definition), after the binary fields. Values that start with <code>{</code> are the first layout
 * (JSON through {@link JsonSerde}) and are still read, so existing state and changelogs stay valid.
 */
public final class StoreSerdes {
    /** The first byte of every value in this layout. */
    public static final byte FORMAT = 2;
    private static final ObjectWriter ARTICLE_WRITER = Json.mapper().writerFor(Article.class);
    private static final ObjectReader ARTICLE_READER = Json.mapper().readerFor(Article.class);

    private StoreSerdes() {}

    /** {@code story-articles}: article id → {@link ArticleEntry}. */
    public static Serde<ArticleEntry> articles() {
        return new BinarySerde<>(ArticleEntry.class, (out, e) -> {
            out.bytes(e.fingerprint().signature());
            out.varint(e.fingerprint().shingles());
            out.varint(e.fingerprint().words());
            out.string(e.fingerprint().headline());
            out.string(e.storyId());
            out.flag(e.joined() != null);
            if (e.joined() != null) {
                out.string(e.joined().matchedArticleId());
                out.double_(e.joined().jaccard());
                out.double_(e.joined().containment());
                out.flag(e.joined().canonicalByAttribution());
                out.string(e.joined().rule());
            }
            out.long_(e.seenAt());
            out.bytes(writeArticle(e.article()));
        }, in -> {
            Fingerprint fingerprint = new Fingerprint(in.bytes(), in.varint(), in.varint(), in.string());
            String storyId = in.string();
            JoinReason joined = in.flag() ? new JoinReason(in.string(), in.double_(), in.double_(), in.flag(), in.string()) : null;
            long seenAt = in.long_();
            return new ArticleEntry(readArticle(in.bytes()), fingerprint, storyId, joined, seenAt);
        });
    }

    /** {@code story-stories}: story id → {@link StoryEntry}. */
    public static Serde<StoryEntry> stories() {
        return new BinarySerde<>(StoryEntry.class, (out, s) -> {
            out.string(s.id());
            out.long_(s.revision());
            out.long_(s.createdAt());
            out.strings(s.members());
        }, in -> new StoryEntry(in.string(), in.long_(), in.long_(), in.strings()));
    }

    /** {@code story-buckets}: LSH band key → the article ids in it. */
    static Serde<StoreBackedState.Bucket> buckets() {
        return new BinarySerde<>(StoreBackedState.Bucket.class, (out, b) -> out.strings(b.ids()),
                in -> new StoreBackedState.Bucket(in.strings()));
    }

    /** {@code story-boilerplate}: site and line hash → {@link StoryAssignmentProcessor.LineCount}. */
    static Serde<StoryAssignmentProcessor.LineCount> lineCounts() {
        return new BinarySerde<>(StoryAssignmentProcessor.LineCount.class, (out, c) -> {
            out.varint(c.articles());
            out.long_(c.lastSeen());
        }, in -> new StoryAssignmentProcessor.LineCount(in.varint(), in.long_()));
    }

    private static byte[] writeArticle(Article article) {
        try {
            return ARTICLE_WRITER.writeValueAsBytes(article);
        } catch (IOException e) {
            throw new MalformedRecordException("Cannot write article " + article.id() + " to the story-articles store: " + e.getMessage(), e);
        }
    }

    private static Article readArticle(byte[] json) {
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

    /** A serde of one layout, which also reads the first (JSON) layout. */
    private static final class BinarySerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
        private final JsonSerde<T> firstLayout;
        private final Writer<T> writer;
        private final Reader<T> reader;

        BinarySerde(Class<T> type, Writer<T> writer, Reader<T> reader) {
            this.firstLayout = new JsonSerde<>(type, 1);
            this.writer = writer;
            this.reader = reader;
        }

        @Override
        public byte[] serialize(String topic, T value) {
            if (value == null) {
                return null;
            }
            Output out = new Output();
            out.buffer[0] = FORMAT;
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
            if (data.length == 0 || data[0] != FORMAT) {
                throw new MalformedRecordException("A value of " + firstLayout.type().getSimpleName() + " in " + topic
                        + " has format " + (data.length == 0 ? "none" : data[0]) + "; this reader knows formats 1 (JSON) and " + FORMAT);
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
            varint(value.length);
            ensure(value.length);
            System.arraycopy(value, 0, buffer, size, value.length);
            size += value.length;
        }

        void string(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        void strings(List<String> values) {
            varint(values.size());
            values.forEach(this::string);
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

        byte[] bytes() {
            int length = varint();
            if (length > buffer.remaining()) {
                throw new IllegalArgumentException("length " + length + " exceeds the " + buffer.remaining() + " bytes left");
            }
            byte[] value = new byte[length];
            buffer.get(value);
            return value;
        }

        String string() {
            int length = varint();
            if (length > buffer.remaining()) {
                throw new IllegalArgumentException("length " + length + " exceeds the " + buffer.remaining() + " bytes left");
            }
            String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        List<String> strings() {
            int count = varint();
            List<String> values = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                values.add(string());
            }
            return values;
        }
    }
}
