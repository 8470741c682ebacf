package dev.newsroom.streams.internal;

import dev.newsroom.model.Attribution;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds explicit provenance in a copy: {@code rel=canonical} pointing elsewhere, or a sentence
 * such as "The original source of this article is X", "originally published at X", "first
 * appeared on X", "republished with permission from X", "Source: X". A linked source gives its URL
 * too.
 */
public final class AttributionExtractor {
    private static final String NAME = "([^\\n.;|]{2,80}?(?:\\.[a-z]{2,6})?)";
    private static final List<Pattern> SENTENCES = List.of(
            Pattern.compile("(?i)the original source of this article is\\s+" + NAME + "\\s*(?:[.;|\\n]|$)"),
            Pattern.compile("(?i)(?:was\\s+)?originally\\s+(?:published|posted|appeared)\\s+(?:at|on|in|by)\\s+" + NAME + "\\s*(?:[.;|\\n,]|$)"),
            Pattern.compile("(?i)first\\s+(?:published|appeared|posted)\\s+(?:at|on|in|by)\\s+" + NAME + "\\s*(?:[.;|\\n,]|$)"),
            Pattern.compile("(?i)republished\\s+(?:here\\s+)?with\\s+(?:the\\s+)?(?:kind\\s+)?permission\\s+(?:of|from)\\s+" + NAME + "\\s*(?:[.;|\\n,]|$)"),
            Pattern.compile("(?im)^\\s*source\\s*:\\s*" + NAME + "\\s*$"));
    /**
     * A word each sentence pattern needs (they ignore ASCII case only): a text without it cannot
     * match, so the pattern is not run (scanning every article with five case-insensitive
     * patterns was most of this step's time).
     */
    private static final List<String> NEEDED = List.of("original source", "originally", "first", "republished", "source");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]\"'<>]+");
    private static final Pattern DOMAIN = Pattern.compile("(?i)^(?:www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$");

    private AttributionExtractor() {}

    /**
     * The attribution of a copy.
     *
     * @param ownUrl the copy's own URL; a rel=canonical to itself is no attribution
     * @param html   the item's HTML (or plain text)
     * @param text   its clean text
     */
    public static Optional<Attribution> extract(String ownUrl, String html, String text) {
        Optional<Attribution> canonical = relCanonical(ownUrl, html);
        return canonical.isPresent() ? canonical : fromText(html, text);
    }

    static Optional<Attribution> relCanonical(String ownUrl, String html) {
        if (html == null || !html.contains("canonical")) {
            return Optional.empty();
        }
        Document doc = Jsoup.parse(html);
        for (Element link : doc.select("link[rel~=(?i)canonical], a[rel~=(?i)canonical]")) {
            String href = link.attr("href").strip();
            if (href.startsWith("http") && !sameUrl(href, ownUrl)) {
                return Optional.of(new Attribution("", href));
            }
        }
        return Optional.empty();
    }

    static Optional<Attribution> fromText(String html, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < SENTENCES.size(); i++) {
            if (!lower.contains(NEEDED.get(i))) {
                continue;
            }
            Matcher m = SENTENCES.get(i).matcher(text);
            if (m.find()) {
                String name = m.group(1).strip().replaceAll("[\\s,:]+$", "");
                return Optional.of(attribution(name, linkFor(name, html)));
            }
        }
        return Optional.empty();
    }

    private static Attribution attribution(String name, String href) {
        Matcher url = URL.matcher(name);
        if (url.find()) {
            return new Attribution("", url.group());
        }
        if (DOMAIN.matcher(name).matches()) {
            return new Attribution(name, href.isEmpty() ? "https://" + name.toLowerCase(java.util.Locale.ROOT) + "/" : href);
        }
        return new Attribution(name, href);
    }

    /** The href of a link in the HTML whose text is the named source, if any. */
    private static String linkFor(String name, String html) {
        if (html == null || !html.contains("<a")) {
            return "";
        }
        for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) {
            String href = a.attr("href").strip();
            if (a.text().strip().equalsIgnoreCase(name) && href.startsWith("http")) {
                return href;
            }
        }
        return "";
    }

    private static boolean sameUrl(String a, String b) {
        try {
            return dev.newsroom.model.Ids.canonicalUrl(a).equals(dev.newsroom.model.Ids.canonicalUrl(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether an attribution points at a copy: its URL is the copy's URL or on the copy's site, or
     * its name is the copy's site name (spaces and case aside: "Land Destroyer" names
     * landdestroyer.blogspot.com).
     */
    public static boolean pointsTo(Attribution attribution, String url, String site) {
        if (!attribution.url().isEmpty()) {
            if (sameUrl(attribution.url(), url)) {
                return true;
            }
            try {
                if (dev.newsroom.model.Ids.site(attribution.url()).equals(site) && attribution.name().isEmpty()) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        String name = attribution.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (name.length() < 4) {
            return false;
        }
        String siteName = site.toLowerCase(java.util.Locale.ROOT).replaceAll("^www\\.", "");
        String firstLabel = siteName.split("\\.")[0].replaceAll("[^a-z0-9]", "");
        return firstLabel.equals(name) || siteName.replaceAll("[^a-z0-9]", "").equals(name)
                || (name.length() >= 6 && firstLabel.length() >= 6 && (firstLabel.contains(name) || name.contains(firstLabel)));
    }
}
