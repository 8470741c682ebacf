package dev.newsroom.streams.internal;

import com.dynatrace.hash4j.hashing.Hashing;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Site boilerplate: lines that match a configured pattern (share, subscribe, copyright, tag lines,
 * credits) and lines that a site repeats across many of its articles, which are learned from the
 * stream. Only the fingerprint leaves them out; the text sent to the index keeps them.
 */
public final class Boilerplate {
    /** Lines longer than this are article paragraphs, never learned as boilerplate. */
    static final int MAX_LEARNED_WORDS = 40;
    private final List<Pattern> patterns;

    public Boilerplate(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Whether a line matches a configured pattern. */
    public boolean matchesPattern(String line) {
        String stripped = line.strip();
        for (Pattern p : patterns) {
            if (p.matcher(stripped).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The keys of the lines of a text that may be learned as boilerplate of its site, each once:
     * the site and a hash of the line's words.
     */
    public static Set<String> learnableLineKeys(String site, String text) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            String key = lineKey(site, line);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The key of a line of a site, or null when the line cannot be boilerplate (empty or too long). */
    static String lineKey(String site, String line) {
        List<String> words = MinHasher.words(line);
        if (words.isEmpty() || words.size() > MAX_LEARNED_WORDS) {
            return null;
        }
        return site + "|" + HexFormat.of().toHexDigits(Hashing.komihash5_0().hashCharsToLong(String.join(" ", words)));
    }

    /** The text to fingerprint: the lines that match no pattern and that {@code learned} does not know as the site's boilerplate. */
    public String fingerprintText(String site, String text, Predicate<String> learned) {
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || matchesPattern(line)) {
                continue;
            }
            String key = lineKey(site, line);
            if (key != null && learned.test(key)) {
                continue;
            }
            kept.add(line);
        }
        String result = String.join("\n", kept);
        // A site that repeats a whole article makes every line of it "learned"; the article is then
        // its own fingerprint rather than an empty one.
        return MinHasher.words(result).isEmpty() ? text : result;
    }
}
