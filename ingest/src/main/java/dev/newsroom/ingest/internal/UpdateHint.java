package dev.newsroom.ingest.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * How often a feed document says it changes: RSS 2.0 {@code <ttl>} (minutes), or the syndication
 * module's {@code sy:updatePeriod} divided by {@code sy:updateFrequency}. The longer one wins.
 */
public final class UpdateHint {
    private static final Namespace SY = Namespace.getNamespace("http://purl.org/rss/1.0/modules/syndication/");
    private static final Duration MAX = Duration.ofDays(7);

    private UpdateHint() {}

    /** The hint of the document, at most a week; empty when it gives none (or nonsense). */
    public static Optional<Duration> of(Document document) {
        Element root = document.getRootElement();
        Element channel = child(root, "channel");
        Element scope = channel != null ? channel : root;
        Optional<Duration> ttl = ttl(scope.getChildTextTrim("ttl"));
        Optional<Duration> sy = syndication(firstNonNull(scope.getChildTextTrim("updatePeriod", SY), root.getChildTextTrim("updatePeriod", SY)),
                firstNonNull(scope.getChildTextTrim("updateFrequency", SY), root.getChildTextTrim("updateFrequency", SY)));
        Optional<Duration> longest = ttl.isPresent() && sy.isPresent() ? Optional.of(ttl.get().compareTo(sy.get()) >= 0 ? ttl.get() : sy.get())
                : ttl.isPresent() ? ttl : sy;
        return longest.map(d -> d.compareTo(MAX) > 0 ? MAX : d);
    }

    private static Element child(Element root, String name) {
        for (Element e : root.getChildren()) {
            if (e.getName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Optional<Duration> ttl(String minutes) {
        if (minutes == null || !minutes.matches("\\d{1,7}") || Long.parseLong(minutes) == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMinutes(Long.parseLong(minutes)));
    }

    private static Optional<Duration> syndication(String period, String frequency) {
        if (period == null) {
            return Optional.empty();
        }
        Duration length = switch (period.toLowerCase(Locale.ROOT)) {
            case "hourly" -> Duration.ofHours(1);
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> Duration.ofDays(7);
            case "monthly" -> Duration.ofDays(30);
            case "yearly" -> Duration.ofDays(365);
            default -> null;
        };
        if (length == null) {
            return Optional.empty();
        }
        long times = frequency != null && frequency.matches("\\d{1,6}") && Long.parseLong(frequency) > 0 ? Long.parseLong(frequency) : 1;
        return Optional.of(length.dividedBy(times));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
