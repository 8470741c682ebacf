package dev.newsroom.streams;

import dev.newsroom.model.Ids;
import dev.newsroom.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The motivating case, built from {@code seed/globalresearch-landdestroyer.txt}: the Global
 * Research page as published, and the Land Destroyer original (the body without Global Research's
 * header, tag lines and footer).
 */
final class SeedCase {
    static final Instant PUBLISHED = Instant.parse("2015-11-28T08:15:00Z");
    static final String LD_URL = "https://landdestroyer.blogspot.com/2015/11/us-turkey-edging-up-to-syrian-border.html";
    static final String GR_URL = "https://www.globalresearch.ca/us-turkey-edging-up-to-syrian-border/5492341";

    private SeedCase() {}

    private static List<String> paragraphs() {
        try (InputStream in = SeedCase.class.getResourceAsStream("/seed/globalresearch-landdestroyer.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String p : text.split("\n")) {
                String plain = p.replaceAll("\\[([^\\]]*)\\]\\(#\\)", "$1").strip();
                if (!plain.isEmpty()) {
                    out.add(plain);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String title() {
        return paragraphs().get(0);
    }

    /** Global Research's page: everything after the title. */
    static RawArticle globalResearch(Instant published) {
        List<String> p = paragraphs();
        return raw(GR_URL, "https://www.globalresearch.ca/feed", html(p.subList(1, p.size())), published);
    }

    /** Land Destroyer's original: the paragraphs between Global Research's tag lines and its footer. */
    static RawArticle landDestroyer(Instant published) {
        List<String> p = paragraphs();
        int start = 0;
        int end = p.size();
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).startsWith("In-depth Report:")) {
                start = i + 1;
            }
            if (p.get(i).startsWith("The original source of this article is")) {
                end = i;
            }
        }
        return raw(LD_URL, "https://landdestroyer.blogspot.com/feeds/posts/default", html(p.subList(start, end)), published);
    }

    static String html(List<String> paragraphs) {
        StringBuilder html = new StringBuilder();
        for (String p : paragraphs) {
            html.append("<p>").append(p.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        return html.toString();
    }

    static RawArticle raw(String url, String feedUrl, String html, Instant published) {
        return new RawArticle(Ids.article(url), null, feedUrl, url, null, title(), null, html, "Tony Cartalucci",
                List.of(), published, published.plusSeconds(60), null, "en");
    }
}
