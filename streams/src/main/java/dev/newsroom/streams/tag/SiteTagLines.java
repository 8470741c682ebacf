package dev.newsroom.streams.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag lines a site prints around an article, like Global Research's {@code Region: Middle East
 * & North Africa}, {@code Theme: Terrorism, US NATO War Agenda} and {@code In-depth Report: SYRIA}.
 * Only short lines that start with a known label count, so a sentence such as "The theme: ..." in
 * the body is left alone.
 */
public final class SiteTagLines {
    /** What a tag line is about: a region, or anything else (topics, sections, reports). */
    public enum Kind { REGION, TOPIC }

    /** One value of one tag line, e.g. {@code (REGION, "Middle East & North Africa")}. */
    public record TagLine(Kind kind, String label, String value) {
        /** How it is kept when it maps to nothing: {@code "Theme: US NATO War Agenda"}. */
        public String keyword() {
            return label + ": " + value;
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\s*(Regions?|Countr(?:y|ies)|Themes?|Topics?|Tags?|Tagged(?: with)?|Categor(?:y|ies)|Filed under|Section|Subjects?|Keywords|In-depth Report)\\s*:\\s*(.+?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final int MAX_LINE = 240;
    private static final int MAX_VALUE = 80;
    private static final int MAX_VALUES = 12;

    private SiteTagLines() {}

    /** The tag-line values of a plain text, in order; none for a text without tag lines. */
    public static List<TagLine> find(String text) {
        List<TagLine> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.length() > MAX_LINE || line.indexOf(':') < 0) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String label = m.group(1);
            Kind kind = label.toLowerCase(Locale.ROOT).startsWith("region") ? Kind.REGION : Kind.TOPIC;
            String[] values = MARKDOWN_LINK.matcher(m.group(2)).replaceAll("$1").split("\\s*[,;|]\\s*");
            if (values.length > MAX_VALUES) {
                continue;
            }
            for (String value : values) {
                String v = value.strip();
                if (!v.isEmpty() && v.length() <= MAX_VALUE) {
                    found.add(new TagLine(kind, label, v));
                }
            }
        }
        return found;
    }
}
