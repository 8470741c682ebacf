package dev.newsroom.streams.internal;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an item's HTML into clean plain text: scripts, styles, forms, navigation and embedded
 * frames removed, one blank line between blocks, a line break for {@code <br>}, whitespace
 * collapsed as a browser would. Text without markup passes through with its lines kept.
 */
public final class ArticleCleaner {
    private static final String REMOVED = "script, style, noscript, iframe, form, nav, aside, button, svg, template";
    // compiled once: String.replaceAll compiles its pattern on every call, for every text node
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ArticleCleaner() {}

    /** The plain text of an HTML fragment or of plain text. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (!hasMarkup(html)) {
            return tidy(html);
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select(REMOVED).remove();
        StringBuilder out = new StringBuilder(html.length());
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(inPre(text) ? text.getWholeText() : WHITESPACE.matcher(text.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element e && e.nameIs("br")) {
                    out.append('\n');
                } else if (node instanceof Element e && e.isBlock()) {
                    out.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append("\n\n");
                }
            }
        });
        return tidy(out.toString());
    }

    private static boolean inPre(TextNode text) {
        for (Node n = text.parent(); n instanceof Element e; n = e.parent()) {
            if (e.nameIs("pre")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a text holds a tag ({@code <p}, {@code </}, {@code <!}) or a character reference
     * ({@code &amp;}, {@code &#8217;}), i.e. whether {@code <[a-zA-Z!/]|&[#a-zA-Z0-9]+;} occurs. A
     * loop rather than that regular expression: every article's text passes here, and the loop
     * costs a tenth of the regex (ArticleCleanerTest compares the two).
     */
    static boolean hasMarkup(String text) {
        int n = text.length();
        for (int i = 0; i < n - 1; i++) {
            char c = text.charAt(i);
            if (c == '<') {
                char next = text.charAt(i + 1);
                if (isAsciiLetter(next) || next == '!' || next == '/') {
                    return true;
                }
            } else if (c == '&') {
                int j = i + 1;
                while (j < n && (isAsciiLetter(text.charAt(j)) || isAsciiDigit(text.charAt(j)) || text.charAt(j) == '#')) {
                    j++;
                }
                if (j > i + 1 && j < n && text.charAt(j) == ';') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Each line with its runs of spaces, tabs, form feeds, carriage returns and no-break spaces
     * collapsed to one space and its ends stripped of whitespace; empty lines dropped, and a run of
     * them between two lines kept as one blank line. One pass over the characters, without a
     * regular expression per line.
     */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder line = new StringBuilder();
        int blankLines = 0;
        int n = text.length();
        for (int start = 0; start <= n; ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            line.setLength(0);
            boolean inSpace = false;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (isHorizontalSpace(c)) {
                    if (!inSpace) {
                        line.append(' ');
                    }
                    inSpace = true;
                } else {
                    line.append(c);
                    inSpace = false;
                }
            }
            int from = 0;
            int to = line.length();
            while (from < to && Character.isWhitespace(line.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
                to--;
            }
            if (from == to) {
                blankLines++;
            } else {
                if (out.length() > 0) {
                    out.append(blankLines > 0 ? "\n\n" : "\n");
                }
                out.append(line, from, to);
                blankLines = 0;
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0';
    }
}
