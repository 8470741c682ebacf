package dev.newsroom.model.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration key: its name in a properties file ({@code poll.interval}), the environment
 * variable that sets it ({@code NEWSROOM_POLL_INTERVAL}), its default and the values it accepts.
 * A value that does not parse or is out of range fails with a sentence naming all of these.
 */
public final class Setting<T> {
    private final String key;
    private final String doc;
    private final T defaultValue;
    private final String accepted;
    private final Function<String, T> parser;

    private Setting(String key, String doc, T defaultValue, String accepted, Function<String, T> parser) {
        if (!key.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("'" + key + "' is not a setting name (lowercase words joined by . or -)");
        }
        this.key = key;
        this.doc = doc;
        this.defaultValue = defaultValue;
        this.accepted = accepted;
        this.parser = parser;
    }

    /** Any text; {@code null} default means the setting is optional. */
    public static Setting<String> string(String key, String defaultValue, String doc) {
        return new Setting<>(key, doc, defaultValue, "any text", s -> s);
    }

    /** An integer in {@code [min, max]}. */
    public static Setting<Integer> integer(String key, int defaultValue, int min, int max, String doc) {
        return new Setting<>(key, doc, defaultValue, "an integer from " + min + " to " + max, s -> {
            int v = Integer.parseInt(s.strip());
            if (v < min || v > max) {
                throw new IllegalArgumentException("out of range");
            }
            return v;
        });
    }

    /** A duration in {@code [min, max]}, written {@code 30s}, {@code 5m}, {@code 2h}, {@code 250ms} or ISO-8601 {@code PT30S}. */
    public static Setting<Duration> duration(String key, Duration defaultValue, Duration min, Duration max, String doc) {
        return new Setting<>(key, doc, defaultValue, "a duration from " + human(min) + " to " + human(max) + " (e.g. 30s, 5m, 2h)", s -> {
            Duration v = parseDuration(s);
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw new IllegalArgumentException("out of range");
            }
            return v;
        });
    }

    /** A size in bytes in {@code [min, max]}, written {@code 512m}, {@code 10MiB}, {@code 1g} or a plain byte count. */
    public static Setting<Long> bytes(String key, long defaultValue, long min, long max, String doc) {
        return new Setting<>(key, doc, defaultValue, "a size from " + humanBytes(min) + " to " + humanBytes(max) + " (e.g. 512m, 10MiB)", s -> {
            long v = parseBytes(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("out of range");
            }
            return v;
        });
    }

    /** A filesystem path; {@code null} default means optional. */
    public static Setting<Path> path(String key, Path defaultValue, String doc) {
        return new Setting<>(key, doc, defaultValue, "a file or directory path", Path::of);
    }

    /** An absolute http or https URL. */
    public static Setting<URI> httpUrl(String key, URI defaultValue, String doc) {
        return new Setting<>(key, doc, defaultValue, "an absolute http:// or https:// URL", s -> {
            URI uri = URI.create(s.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        });
    }

    /** One or more absolute http or https URLs, separated by commas. */
    public static Setting<List<URI>> httpUrls(String key, List<URI> defaultValue, String doc) {
        Setting<URI> one = httpUrl(key, null, doc);
        return new Setting<>(key, doc, defaultValue, "one or more absolute http:// or https:// URLs separated by commas", s -> {
            List<URI> urls = new ArrayList<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    urls.add(one.parser.apply(part));
                }
            }
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("no URL");
            }
            return List.copyOf(urls);
        });
    }

    /** {@code true} or {@code false}. */
    public static Setting<Boolean> bool(String key, boolean defaultValue, String doc) {
        return new Setting<>(key, doc, defaultValue, "true or false", s -> {
            String v = s.strip().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("not a boolean");
            }
            return Boolean.parseBoolean(v);
        });
    }

    /** The key as written in a properties file. */
    public String key() {
        return key;
    }

    /** The environment variable: {@code NEWSROOM_} and the key in upper case with {@code _} for {@code .} and {@code -}. */
    public String envVar() {
        return "NEWSROOM_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String doc() {
        return doc;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The accepted values, as a phrase. */
    public String accepted() {
        return accepted;
    }

    /** Parses a value given by {@code origin} (e.g. "flag --poll-interval"), or fails naming key, origin and accepted values. */
    public T parse(String value, String origin) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new ConfigException("Invalid value '" + value + "' for " + key + " (from " + origin + "): expected " + accepted);
        }
    }

    static Duration parseDuration(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("pt") || s.startsWith("p")) {
            try {
                return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
        String[][] units = {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}, {"d", "86400000"}};
        for (String[] unit : units) {
            if (s.endsWith(unit[0]) && s.length() > unit[0].length()) {
                String number = s.substring(0, s.length() - unit[0].length()).strip();
                if (number.matches("\\d+")) {
                    return Duration.ofMillis(Math.multiplyExact(Long.parseLong(number), Long.parseLong(unit[1])));
                }
            }
        }
        throw new IllegalArgumentException("not a duration");
    }

    static long parseBytes(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long factor = 1;
        if (s.endsWith("k")) {
            factor = 1L << 10;
        } else if (s.endsWith("m")) {
            factor = 1L << 20;
        } else if (s.endsWith("g")) {
            factor = 1L << 30;
        }
        String number = factor == 1 ? s : s.substring(0, s.length() - 1);
        if (!number.strip().matches("\\d+")) {
            throw new IllegalArgumentException("not a size");
        }
        return Math.multiplyExact(Long.parseLong(number.strip()), factor);
    }

    private static String human(Duration d) {
        if (d.toMillis() % 3_600_000 == 0 && d.toHours() > 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    private static String humanBytes(long b) {
        if (b % (1L << 30) == 0 && b > 0) {
            return (b >> 30) + "g";
        }
        if (b % (1L << 20) == 0 && b > 0) {
            return (b >> 20) + "m";
        }
        if (b % (1L << 10) == 0 && b > 0) {
            return (b >> 10) + "k";
        }
        return b + " bytes";
    }

    @Override
    public String toString() {
        return key;
    }
}
