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
 * credits), lines that a site repeats across many of its articles, and short lines that many
 * articles of any site repeat (a network's shared navigation, "Associated Press", widget labels);
 * the last two are learned from the stream. Only the fingerprint leaves them out; the text sent to
 * the index keeps them.
 */
public final class Boilerplate {
    /** Lines longer than this are article paragraphs, never learned as boilerplate. */
    static final int MAX_LEARNED_WORDS = 40;
    /**
     * Lines of at most this many words are also learned across sites: sites of one network share
     * their navigation and widgets, and a site's first articles carry them before its own count is
     * reached. Longer lines are only learned per site, so a quoted paragraph that many copies of one
     * story share is never mistaken for boilerplate.
     */
    static final int MAX_SHARED_WORDS = 12;
    /** The pseudo-site of lines learned across sites. */
    static final String ANY_SITE = "*";
    /**
     * A heading that introduces another article on the page ("Previous story:", "Next article"): the page's
     * own article ends there. Only once {@value #WORDS_BEFORE_ANOTHER_STORY} words of it were kept, so that
     * such a link above the article does not drop the article.
     */
    static final Pattern ANOTHER_STORY = Pattern.compile("(?i)(previous|next) (story|article):?");
    static final int WORDS_BEFORE_ANOTHER_STORY = 50;
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
     * A line of a page as boilerplate sees it: its text, its words ({@link MinHasher#words}), the key it
     * is learned under for its site, and for a short line the key across sites; a key is null when the
     * line cannot be boilerplate (no words, or too long).
     */
    public record Line(String text, List<String> words, String key, String sharedKey) {}

    /**
     * An article's title and text as one page of {@link Line}s, title first, each line split into words
     * once: learning ({@link #learnableLineKeys(List)}) reads the text's lines, fingerprinting
     * ({@link #fingerprintLines(List, Predicate)}) the whole page.
     */
    public record Page(List<Line> lines, int titleLines) {
        /** The lines of the text, without the title's. */
        public List<Line> textLines() {
            return lines.subList(Math.min(titleLines, lines.size()), lines.size());
        }
    }

    /** The page of an article's title and text, as fingerprinting reads them: the title, a line break, the text. */
    public static Page page(String site, String title, String text) {
        int titleLines = 1;
        for (int i = 0; i < title.length(); i++) {
            titleLines += title.charAt(i) == '\n' ? 1 : 0;
        }
        return new Page(lines(site, title + "\n" + text), titleLines);
    }

    /** The lines of a text (as {@code text.split("\n")} gives them), each with its words and keys. */
    static List<Line> lines(String site, String text) {
        List<Line> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            List<String> words = MinHasher.words(line);
            lines.add(new Line(line, words, lineKey(site, words), sharedLineKey(words)));
        }
        return lines;
    }

    /**
     * The keys of the lines of a text that may be learned as boilerplate, each once: the site and a
     * hash of the line's words, and for a short line also {@value #ANY_SITE} and the hash.
     */
    public static Set<String> learnableLineKeys(String site, String text) {
        return learnableLineKeys(lines(site, text));
    }

    /** {@link #learnableLineKeys(String, String)} of lines split already. */
    public static Set<String> learnableLineKeys(List<Line> lines) {
        Set<String> keys = new LinkedHashSet<>();
        for (Line line : lines) {
            if (line.key() != null) {
                keys.add(line.key());
                if (line.sharedKey() != null) {
                    keys.add(line.sharedKey());
                }
            }
        }
        return keys;
    }

    /** The key of a line of a site, or null when the line cannot be boilerplate (empty or too long). */
    static String lineKey(String site, String line) {
        return lineKey(site, MinHasher.words(line));
    }

    private static String lineKey(String site, List<String> words) {
        if (words.isEmpty() || words.size() > MAX_LEARNED_WORDS) {
            return null;
        }
        return site + "|" + HexFormat.of().toHexDigits(Hashing.komihash5_0().hashCharsToLong(String.join(" ", words)));
    }

    /** The cross-site key of a short line, or null when the line is empty or longer than {@value #MAX_SHARED_WORDS} words. */
    private static String sharedLineKey(List<String> words) {
        return words.isEmpty() || words.size() > MAX_SHARED_WORDS ? null : lineKey(ANY_SITE, words);
    }

    /** The text to fingerprint ({@link #fingerprintLines}) and its words, as {@link MinHasher#words} gives them. */
    public record Kept(String text, List<String> words) {}

    /**
     * The text to fingerprint: the lines that match no pattern and that {@code learned} knows neither
     * as the site's boilerplate nor as a short line shared across sites, up to a heading that introduces
     * another article ({@link #ANOTHER_STORY}). The first line that could be
     * a headline ({@link MinHasher#HEADLINE_MIN_WORDS} words or more) stays even when it is shared
     * across sites: a wire headline repeated by every copy is the story's headline, not boilerplate.
     * With it come its words, which this splits anyway and the fingerprint needs.
     */
    public Kept fingerprintLines(String site, String text, Predicate<String> learned) {
        return fingerprintLines(lines(site, text), learned);
    }

    /** {@link #fingerprintLines(String, String, Predicate)} of lines split already. */
    public Kept fingerprintLines(List<Line> lines, Predicate<String> learned) {
        List<String> kept = new ArrayList<>();
        List<String> keptWords = new ArrayList<>();
        boolean headlineSeen = false;
        for (Line line : lines) {
            if (keptWords.size() >= WORDS_BEFORE_ANOTHER_STORY && ANOTHER_STORY.matcher(line.text().strip()).matches()) {
                break;
            }
            if (line.text().isBlank() || matchesPattern(line.text())) {
                continue;
            }
            if (line.key() != null && learned.test(line.key())) {
                continue;
            }
            boolean headline = !headlineSeen && line.words().size() >= MinHasher.HEADLINE_MIN_WORDS;
            headlineSeen |= headline;
            if (!headline && line.sharedKey() != null && learned.test(line.sharedKey())) {
                continue;
            }
            kept.add(line.text());
            keptWords.addAll(line.words());
        }
        if (keptWords.isEmpty()) {
            // A site that repeats a whole article makes every line of it "learned"; the article is then
            // its own fingerprint rather than an empty one.
            List<String> all = new ArrayList<>();
            List<String> allWords = new ArrayList<>();
            for (Line line : lines) {
                all.add(line.text());
                allWords.addAll(line.words());
            }
            return new Kept(String.join("\n", all), allWords);
        }
        // The words of lines joined by line breaks are the words of each line in turn, so they need not be split again.
        return new Kept(String.join("\n", kept), keptWords);
    }
}
