package dev.newsroom.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable identifiers derived from URLs: the same item seen twice, in one feed or in two feeds
 * of one site, gets one id. See docs/adr/0002-article-ids.md.
 */
public final class Ids {
    private Ids() {}

    /** Query parameters that only track the reader and never name a different page. */
    private static final java.util.Set<String> TRACKING_PARAMS = java.util.Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid");

    /** The id of an article: {@code a-} and 32 hex digits of SHA-256 over the canonical URL. */
    public static String article(String url) {
        return "a-" + hash(canonicalUrl(url));
    }

    /** The id of a feed subscription: {@code f-} and 32 hex digits of SHA-256 over the canonical URL. */
    public static String feed(String url) {
        return "f-" + hash(canonicalUrl(url));
    }

    /**
     * The canonical form of an http(s) URL: scheme and host lower-cased, default port, fragment and
     * tracking parameters ({@code utm_*}, {@code fbclid}, ...) removed, the remaining query
     * parameters sorted, an empty path made {@code /}.
     *
     * @throws IllegalArgumentException if the text is not an absolute http or https URL
     */
    public static String canonicalUrl(String url) {
        URI uri = parseHttpUrl(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = canonicalQuery(uri.getRawQuery());
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
    }

    /** The site of a URL: its host, lower-cased, without a leading {@code www.}. */
    public static String site(String url) {
        String host = parseHttpUrl(url).getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    static URI parseHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("URL is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an absolute http or https URL");
        }
        return uri;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> !isTracking(p.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .sorted()
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || TRACKING_PARAMS.contains(name);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
