package dev.newsroom.ingest.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the main text of an article page, readability-style: page furniture is dropped (scripts,
 * navigation, asides, headers, footers, forms, and blocks whose class or id says comments, sharing,
 * related links, sidebars, newsletters or ads), then every paragraph of at least
 * {@value #MIN_PARAGRAPH} characters scores its length for its parent and half of it for its
 * grandparent; {@code <article>}, {@code <main>} and {@code role=main} count half as much again,
 * and a candidate's score shrinks with the share of its text that is link text. The best
 * candidate's HTML, sanitised like feed content, is the article.
 */
public final class ArticleExtractor {
    /** Paragraphs shorter than this (captions, bylines, "Share this") do not score. */
    public static final int MIN_PARAGRAPH = 25;

    private static final String FURNITURE = "script, style, noscript, template, nav, aside, footer, header,"
            + " form, iframe, svg, button, input, select, [role=navigation], [role=complementary], [role=contentinfo],"
            + " [role=banner], [hidden], [aria-hidden=true]";
    private static final Pattern JUNK = Pattern.compile(
            "(?i)comment|disqus|share|sharing|social|related|recommend|sidebar|widget|promo|newsletter|subscribe|advert"
                    + "|\\bads?\\b|sponsor|cookie|consent|breadcrumb|popup|modal|menu|masthead|footer|byline-tools|tags?-list");
    private static final Pattern CONTENT = Pattern.compile("(?i)article|content|entry|post|story|body|text");

    private ArticleExtractor() {}

    /** The main text of a page: sanitised HTML and its plain text. */
    public record Extracted(String html, String text) {
    }

    /**
     * Extracts the main text of the page.
     *
     * @param html the page
     * @param base the page's URL, for relative links
     * @return the article, or empty when no block of paragraphs stands out
     */
    public static Optional<Extracted> extract(String html, URI base) {
        return extract(Jsoup.parse(html, base.toString()), base);
    }

    /** Like {@link #extract(String, URI)} for a parsed page, which it changes. */
    public static Optional<Extracted> extract(Document page, URI base) {
        page.select(FURNITURE).remove();
        for (Element element : page.body().select("div, section, ul, ol, p, span, li, dl, table")) {
            if (element.parent() != null && isJunk(element) && element.selectFirst("article, main, [role=main]") == null) {
                element.remove();
            }
        }
        Map<Element, Double> scores = new HashMap<>();
        for (Element paragraph : page.body().select("p, pre, blockquote")) {
            int length = paragraph.text().length();
            if (length < MIN_PARAGRAPH) {
                continue;
            }
            Element parent = paragraph.parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, (double) length, Double::sum);
            if (parent.parent() != null && parent != page.body()) {
                scores.merge(parent.parent(), length / 2.0, Double::sum);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
            double score = candidate.getValue() * weight(candidate.getKey()) * (1 - linkDensity(candidate.getKey()));
            if (score > bestScore) {
                best = candidate.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String sanitised = Normaliser.sanitise(best.html(), base);
        String text = Text.plain(sanitised);
        return text.isEmpty() ? Optional.empty() : Optional.of(new Extracted(sanitised, text));
    }

    private static boolean isJunk(Element element) {
        String names = element.className() + " " + element.id();
        return !names.isBlank() && JUNK.matcher(names).find();
    }

    private static double weight(Element element) {
        String tag = element.normalName();
        if (tag.equals("article") || tag.equals("main") || "main".equals(element.attr("role"))) {
            return 1.5;
        }
        return CONTENT.matcher(element.className() + " " + element.id()).find() ? 1.25 : 1.0;
    }

    private static double linkDensity(Element element) {
        int total = element.text().length();
        if (total == 0) {
            return 1;
        }
        int links = element.select("a").stream().mapToInt(a -> a.text().length()).sum();
        return Math.min(1.0, (double) links / total);
    }
}
