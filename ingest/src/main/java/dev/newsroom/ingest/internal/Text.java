package dev.newsroom.ingest.internal;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/** Small text conversions at the boundary between feed markup and {@link dev.newsroom.model.RawArticle}. */
public final class Text {
    private Text() {}

    /** Markup removed, entities decoded and whitespace collapsed. */
    public static String plain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0 && html.indexOf('\u00a0') < 0) {
            return collapse(html); // no markup, no entities: what jsoup would give, without parsing
        }
        return Jsoup.parseBodyFragment(html).text();
    }

    /** Whitespace collapsed, nothing else touched: for text that is declared plain and may contain {@code <}. */
    public static String collapse(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** Plain text made safe to read as HTML. */
    public static String escape(String text) {
        return text == null ? "" : Entities.escape(text);
    }

    /** The primary ISO 639-1 subtag of a language tag ({@code en-us} gives {@code en}), or empty. */
    public static String language(String tag) {
        if (tag == null) {
            return "";
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : "";
    }

    /** At most {@code max} characters, with an ellipsis when cut; for quoting input in messages. */
    public static String quote(String text, int max) {
        String t = collapse(text);
        return t.length() <= max ? t : t.substring(0, max) + "...";
    }
}
