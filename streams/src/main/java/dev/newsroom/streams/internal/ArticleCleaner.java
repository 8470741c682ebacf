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
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z!/]|&[#a-zA-Z0-9]+;");
    // compiled once: String.replaceAll compiles its pattern on every call, for every text node and line
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[ \\t\\x0B\\f\\r]+");

    private ArticleCleaner() {}

    /** The plain text of an HTML fragment or of plain text. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (!MARKUP.matcher(html).find()) {
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

    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blankLines = 0;
        for (String line : text.split("\n", -1)) {
            String collapsed = HORIZONTAL_SPACE.matcher(line.replace('\u00a0', ' ')).replaceAll(" ").strip();
            if (collapsed.isEmpty()) {
                blankLines++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blankLines > 0 ? "\n\n" : "\n");
            }
            out.append(collapsed);
            blankLines = 0;
        }
        return out.toString();
    }
}
