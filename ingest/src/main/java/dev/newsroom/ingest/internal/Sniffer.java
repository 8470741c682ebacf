package dev.newsroom.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises, from the first bytes, documents that are certainly not RSS or Atom, so that the
 * error says what they are ("an HTML page") rather than what the XML parser tripped over.
 */
public final class Sniffer {
    /** How many leading bytes {@link #notAFeed(byte[])} looks at. */
    public static final int HEAD = 1024;

    private static final Pattern HTML = Pattern.compile(
            "^(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*(<!doctype\\s+html|<html)", Pattern.DOTALL);

    private Sniffer() {}

    /** Why the document is not a feed, or empty when it may be one. */
    public static Optional<String> notAFeed(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Optional.of("the document is gzip-compressed data sent without a Content-Encoding header");
        }
        String start = new String(head, StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "") // a UTF-8 byte order mark, read as Latin-1
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (start.isEmpty()) {
            return Optional.of("the document is empty");
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return Optional.of("the document is JSON, not RSS or Atom");
        }
        if (HTML.matcher(start).find()) {
            return Optional.of("the document is an HTML page");
        }
        return Optional.empty();
    }
}
