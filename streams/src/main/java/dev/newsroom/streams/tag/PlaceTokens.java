package dev.newsroom.streams.tag;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text cut once into tokens (runs of letters or digits) with what separates each from the one
 * before it: nothing but spaces, a comma, the end of a sentence, or other punctuation. The
 * gazetteer's forms are cut the same way, so "Turkish-Syrian" is two tokens and "Côte d'Ivoire"
 * three.
 */
final class PlaceTokens {
    /** What stands between a token and the one before it. */
    static final byte SPACE = 0;
    static final byte COMMA = 1;
    static final byte STOP = 2;
    static final byte OTHER = 3;

    private final String text;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private byte[] gaps = new byte[64];
    private int size;

    private PlaceTokens(String text) {
        this.text = text;
    }

    static PlaceTokens of(String text) {
        PlaceTokens tokens = new PlaceTokens(text == null ? "" : text);
        tokens.cut();
        return tokens;
    }

    private void cut() {
        int n = text.length();
        int i = 0;
        byte gap = STOP;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                add(start, i, gap);
                gap = SPACE;
            } else {
                gap = (byte) Math.max(gap, kind(c, i));
                i++;
            }
        }
    }

    private byte kind(char c, int at) {
        if (Character.isWhitespace(c)) {
            return c == '\n' && at + 1 < text.length() && text.charAt(at + 1) == '\n' ? STOP : SPACE;
        }
        if (c == ',') {
            return COMMA;
        }
        if (c == '.') {
            // "U.S.", "Washington D.C." and "St. Petersburg" do not end a sentence.
            return size > 0 && abbreviation(size - 1) ? OTHER : STOP;
        }
        return c == '!' || c == '?' || c == ':' || c == ';' ? STOP : OTHER;
    }

    private boolean abbreviation(int i) {
        int length = ends[i] - starts[i];
        if (length == 1) {
            return true;
        }
        for (String word : ABBREVIATIONS) {
            if (word.length() == length && text.startsWith(word, starts[i])) {
                return true;
            }
        }
        return false;
    }

    private static final String[] ABBREVIATIONS = {"St", "Mr", "Mrs", "Ms", "Dr", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Sgt", "Jr", "Prof"};

    private void add(int start, int end, byte gap) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            gaps = Arrays.copyOf(gaps, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        gaps[size] = gap;
        size++;
    }

    int size() {
        return size;
    }

    String text(int i) {
        return text.substring(starts[i], ends[i]);
    }

    byte gapBefore(int i) {
        return gaps[i];
    }

    /** True when the token's first character is an upper-case letter. */
    boolean capitalised(int i) {
        return Character.isUpperCase(text.charAt(starts[i]));
    }

    /** True when every letter of the token is upper case ("SYRIA", "US"). */
    boolean allCaps(int i) {
        for (int k = starts[i]; k < ends[i]; k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** True when the token opens the text or a sentence. */
    boolean sentenceStart(int i) {
        return gaps[i] == STOP;
    }

    boolean equalsIgnoreCase(int i, String word) {
        return ends[i] - starts[i] == word.length() && text.regionMatches(true, starts[i], word, 0, word.length());
    }

    /**
     * True when most words of four letters or more are capitalised: a headline in title case ("US
     * Warns Jordan Over Border") or in capitals, where a capital letter says nothing about a name.
     */
    boolean titleCased() {
        int words = 0;
        int capitalised = 0;
        for (int i = 0; i < size; i++) {
            if (ends[i] - starts[i] >= 4 && Character.isLetter(text.charAt(starts[i]))) {
                words++;
                if (capitalised(i)) {
                    capitalised++;
                }
            }
        }
        return words >= 3 && capitalised * 10 >= words * 7;
    }

    /** The form a token is looked up by: accents removed ("Bogotá" → "Bogota"). */
    static String fold(String token) {
        for (int k = 0; k < token.length(); k++) {
            if (token.charAt(k) > 127) {
                String decomposed = Normalizer.normalize(token, Normalizer.Form.NFD);
                StringBuilder out = new StringBuilder(decomposed.length());
                for (int j = 0; j < decomposed.length(); j++) {
                    char c = decomposed.charAt(j);
                    if (Character.getType(c) != Character.NON_SPACING_MARK) {
                        out.append(c == 'ı' ? 'i' : c);
                    }
                }
                return out.toString();
            }
        }
        return token;
    }

    /** "SYRIA" → "Syria". */
    static String titleCase(String token) {
        return token.charAt(0) + token.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
