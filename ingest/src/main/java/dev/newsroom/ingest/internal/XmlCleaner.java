package dev.newsroom.ingest.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the faults of real-world feeds that make a strict XML parser give up, on the decoded
 * text, before a second attempt: anything before the XML declaration, or before the first {@code <} when
 * there is none (byte order marks read as
 * text, whitespace, stray output of a server script), characters XML 1.0 forbids (control
 * characters, U+FFFE, U+FFFF, lone surrogates), and bare {@code &} that start no entity or
 * character reference. Named entities are left alone; Rome's healer maps the HTML ones.
 */
public final class XmlCleaner {
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!(?:[A-Za-z][A-Za-z0-9._-]*|#[0-9]+|#[xX][0-9a-fA-F]+);)");

    private XmlCleaner() {}

    /** The text with those faults repaired; the same string when there was nothing to repair. */
    public static String clean(String xml) {
        int declaration = xml.indexOf("<?xml");
        int start = declaration > 0 ? declaration : xml.indexOf('<');
        String text = start > 0 ? xml.substring(start) : xml;
        StringBuilder valid = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (valid != null) {
                        valid.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && valid == null) {
                valid = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && valid != null) {
                valid.append(c);
            }
        }
        String cleaned = valid == null ? text : valid.toString();
        Matcher bare = BARE_AMPERSAND.matcher(cleaned);
        return bare.find() ? bare.replaceAll("&amp;") : cleaned;
    }
}
