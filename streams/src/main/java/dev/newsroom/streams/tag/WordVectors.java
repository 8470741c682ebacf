package dev.newsroom.streams.tag;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Static word vectors distilled from a sentence-transformer (all-MiniLM-L6-v2, Apache-2.0): each word
 * of a vocabulary embedded alone through the model once, offline, reduced by PCA, scaled by a
 * frequency prior (rare words count more) and quantized to one signed byte per dimension. An
 * article's vector is the weighted mean of its words' vectors (title words count
 * {@value TopicTagger#TITLE_WEIGHT}, lead words {@value TopicTagger#LEAD_WEIGHT}, as for the
 * taxonomy's phrases), L2-normalised: a few tens of microseconds, no model at run time. The table is
 * built by the {@code distill} module (docs/tagging.md); {@link TopicModel} uses it as features
 * beside its bag of words.
 *
 * <p>File format (gzip of Java {@link DataOutputStream} fields): the UTF string
 * {@code newsroom-word-vectors 1}, the int number of dimensions, the int number of words, the float
 * scale (a byte {@code q} stands for {@code q × scale}), then per word its UTF string and its bytes.
 */
public final class WordVectors {
    static final String RESOURCE = "word-vectors.bin.gz";
    private static final String HEADER = "newsroom-word-vectors 1";

    private final int dims;
    private final float scale;
    private final Map<String, Integer> index;
    private final byte[] table;

    private WordVectors(int dims, float scale, Map<String, Integer> index, byte[] table) {
        this.dims = dims;
        this.scale = scale;
        this.index = index;
        this.table = table;
    }

    public int dimensions() {
        return dims;
    }

    public int size() {
        return index.size();
    }

    /** The stored (quantized, de-scaled) vector of a word as the tagger splits words, or null when the table lacks it. */
    public float[] vector(String word) {
        Integer i = index.get(word);
        if (i == null) {
            return null;
        }
        float[] v = new float[dims];
        for (int k = 0; k < dims; k++) {
            v[k] = table[i * dims + k] * scale;
        }
        return v;
    }

    /** The L2-normalised weighted mean of the words' vectors (zero when no word is in the table). */
    float[] article(List<String> title, List<String> text) {
        float[] acc = new float[dims];
        add(title, 0, title.size(), TopicTagger.TITLE_WEIGHT, acc);
        int lead = Math.min(TopicTagger.LEAD_WORDS, text.size());
        add(text, 0, lead, TopicTagger.LEAD_WEIGHT, acc);
        add(text, lead, text.size(), 1f, acc);
        double norm = 0;
        for (float a : acc) {
            norm += a * a;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < dims; k++) {
                acc[k] *= inv;
            }
        }
        return acc;
    }

    /** The article vector of a title and text; for tests and tools. */
    public float[] article(String title, String text) {
        return article(Tokens.of(title), Tokens.of(text));
    }

    private void add(List<String> words, int from, int to, float weight, float[] acc) {
        for (int j = from; j < to; j++) {
            Integer i = index.get(words.get(j));
            if (i != null) {
                int base = i * dims;
                for (int k = 0; k < dims; k++) {
                    acc[k] += weight * table[base + k];
                }
            }
        }
    }

    /** The words of a text as the tagger splits them (lower case, plural fold); for the distillation tool. */
    public static List<String> words(String text) {
        return Tokens.of(text);
    }

    /** The shipped table, read once; null when the jar has none. */
    public static WordVectors shipped() {
        return Shipped.VECTORS;
    }

    private static final class Shipped {
        static final WordVectors VECTORS = readShipped();

        private static WordVectors readShipped() {
            try (InputStream in = WordVectors.class.getResourceAsStream(RESOURCE)) {
                return in == null ? null : read(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static WordVectors load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new TagFileException("word vectors " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static WordVectors read(InputStream raw, String name) {
        int word = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16))) {
            if (!HEADER.equals(in.readUTF())) {
                throw new TagFileException("word vectors " + name + ": not a newsroom word-vector table (expected '" + HEADER + "')");
            }
            int dims = in.readInt();
            int count = in.readInt();
            float scale = in.readFloat();
            if (dims < 1 || dims > 4096 || count < 0 || !(scale > 0)) {
                throw new TagFileException("word vectors " + name + ": bad header: " + dims + " dimensions, " + count + " words, scale " + scale);
            }
            Map<String, Integer> index = new HashMap<>(count * 2);
            byte[] table = new byte[count * dims];
            for (; word < count; word++) {
                if (index.put(in.readUTF(), word) != null) {
                    throw new TagFileException("word vectors " + name + ": word " + (word + 1) + " is a repeat");
                }
                in.readFully(table, word * dims, dims);
            }
            if (in.read() != -1) {
                throw new TagFileException("word vectors " + name + ": data after the " + count + " words");
            }
            return new WordVectors(dims, scale, index, table);
        } catch (EOFException e) {
            throw new TagFileException("word vectors " + name + ": ends early, at word " + (word + 1), e);
        } catch (IOException e) {
            throw new TagFileException("word vectors " + name + ": word " + (word + 1) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a table: {@code vectors[i]} is the vector of {@code words.get(i)}; all are quantized
     * with one scale, the largest absolute value over 127.
     */
    public static void write(Path file, List<String> words, float[][] vectors) throws IOException {
        int dims = vectors.length == 0 ? 1 : vectors[0].length;
        float max = 0;
        for (float[] v : vectors) {
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
        }
        float scale = max == 0 ? 1 : max / 127;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file)), 1 << 16))) {
            out.writeUTF(HEADER);
            out.writeInt(dims);
            out.writeInt(words.size());
            out.writeFloat(scale);
            byte[] q = new byte[dims];
            for (int i = 0; i < words.size(); i++) {
                out.writeUTF(words.get(i));
                for (int k = 0; k < dims; k++) {
                    q[k] = (byte) Math.round(vectors[i][k] / scale);
                }
                out.write(q);
            }
        }
    }
}
