package dev.newsroom.streams.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a text as the tagger compares them: runs of letters and digits, lower-cased,
 * apostrophes dropped ({@code Putin's} → {@code putin}), the signs {@code $ £ € %} words of their
 * own, other punctuation a separator ({@code al-Qaeda} → {@code al qaeda}), and a light plural fold ({@code airstrikes} →
 * {@code airstrike}, {@code crashes} → {@code crash}, {@code countries} → {@code country}) on words of
 * five letters or more. Taxonomy phrases and article text go through the same function, so the fold
 * need not be linguistically right, only the same on both sides. One pass, no regular expressions.
 */
final class Tokens {
    private Tokens() {}

    static List<String> of(String text) {
        List<String> out = new ArrayList<>(text == null ? 0 : text.length() / 6 + 1);
        addTo(text, out);
        return out;
    }

    static void addTo(String text, List<String> out) {
        if (text == null) {
            return;
        }
        StringBuilder word = new StringBuilder(24);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                word.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                word.append((char) (c + ('a' - 'A')));
            } else if (c >= 128 && Character.isLetterOrDigit(c) || c == '&' && word.length() > 0) {
                word.append(Character.toLowerCase(c));
            } else if ((c == '\'' || c == '\u2019') && word.length() > 0) {
                continue;
            } else {
                if (word.length() > 0) {
                    out.add(fold(word));
                    word.setLength(0);
                }
                if (c == '$' || c == '\u00a3' || c == '\u20ac' || c == '%') {
                    out.add(String.valueOf(c));
                }
            }
        }
        if (word.length() > 0) {
            out.add(fold(word));
        }
    }

    /** The plural fold; package-private for tests. */
    static String fold(CharSequence w) {
        int n = w.length();
        if (n < 5 || w.charAt(n - 1) != 's') {
            return w.toString();
        }
        char b = w.charAt(n - 2);
        if (b == 's' || b == 'u' || b == 'i') {
            return w.toString();
        }
        if (b == 'e') {
            char a = w.charAt(n - 3);
            if (a == 'i') {
                return w.subSequence(0, n - 3) + "y";
            }
            if (a == 'x' || a == 's' && w.charAt(n - 4) == 's' || (a == 'h' && (w.charAt(n - 4) == 'c' || w.charAt(n - 4) == 's'))) {
                return w.subSequence(0, n - 2).toString();
            }
        }
        return w.subSequence(0, n - 1).toString();
    }
}
