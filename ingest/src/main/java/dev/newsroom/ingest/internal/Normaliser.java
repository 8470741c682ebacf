package dev.newsroom.ingest.internal;

import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The normalisation of an item's fields on their way into a {@code RawArticle}: HTML made safe,
 * its plain text, a plausible publication date, and the site as a registrable domain.
 */
public final class Normaliser {
    /** How far ahead of the fetch a date may be (clock skew, time zones written wrong) before it is implausible. */
    public static final java.time.Duration FUTURE_SKEW = java.time.Duration.ofDays(1);
    /** Dates before this are implausible for a news item (epoch zero, two-digit years). */
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    private static final Safelist SAFE = Safelist.relaxed()
            .addAttributes("a", "rel")
            .addProtocols("img", "src", "http", "https", "data")
            .preserveRelativeLinks(false);

    private static final int MAX_CACHED_SITES = 10_000;
    /** Sites by host: the public suffix lookup is the costly part, and a feed's items share a host. */
    private static final java.util.Map<String, String> SITES = new java.util.concurrent.ConcurrentHashMap<>();

    private Normaliser() {}

    /**
     * The HTML with only safe elements and attributes: no script, style, iframe or form, no event
     * handlers, no {@code javascript:} or other non-web links; relative links made absolute against {@code base}.
     */
    public static String sanitise(String html, URI base) {
        return clean(html, base).html();
    }

    /** Sanitised HTML ({@link #sanitise}) and its plain text ({@link #text}), from one parse. */
    public record Clean(String html, String text) {
        static final Clean EMPTY = new Clean("", "");
    }

    /** {@link #sanitise} and the plain text of the result, parsing the HTML once. */
    public static Clean clean(String html, URI base) {
        if (html == null || html.isBlank()) {
            return Clean.EMPTY;
        }
        Document dirty = Jsoup.parseBodyFragment(html, base == null ? "" : base.toString());
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.outputSettings(new Document.OutputSettings().prettyPrint(false));
        return new Clean(clean.body().html().strip(), clean.body().text());
    }

    /** The plain text of some HTML, whitespace collapsed. */
    public static String text(String html) {
        return Text.plain(html);
    }

    /** A plausible publication date and the note that goes with it. */
    public record Dated(Instant publishedAt, String note) {
    }

    /** The published date if plausible, else the updated date if plausible, else the fetch time with a note saying why. */
    public static Dated date(Instant published, Instant updated, Instant fetchedAt) {
        String firstProblem = null;
        for (Instant candidate : new Instant[] {published, updated}) {
            String problem = problem(candidate, fetchedAt);
            if (problem == null) {
                return new Dated(candidate, "");
            }
            firstProblem = firstProblem == null || "missing".equals(firstProblem) ? problem : firstProblem;
        }
        return new Dated(fetchedAt.truncatedTo(ChronoUnit.SECONDS), firstProblem);
    }

    private static String problem(Instant date, Instant fetchedAt) {
        if (date == null) {
            return "missing";
        }
        if (date.isAfter(fetchedAt.plus(FUTURE_SKEW))) {
            return "future";
        }
        if (date.isBefore(EARLIEST)) {
            return "before-1990";
        }
        return null;
    }

    /**
     * The site of a URL: its registrable domain by the public suffix list ({@code www.bbc.co.uk} is
     * {@code bbc.co.uk}; {@code landdestroyer.blogspot.com} stays, blogspot.com being a suffix of its
     * own); an IP address or a name under no known suffix is its host without {@code www.}.
     */
    public static String site(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            return "";
        }
        if (SITES.size() >= MAX_CACHED_SITES) {
            SITES.clear();
        }
        return SITES.computeIfAbsent(host, Normaliser::siteOfHost);
    }

    private static String siteOfHost(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            InternetDomainName name = InternetDomainName.from(host);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
        } catch (IllegalArgumentException | IllegalStateException notADomainName) {
            // an IP address or an unusual name: the host itself is the best site there is
        }
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
