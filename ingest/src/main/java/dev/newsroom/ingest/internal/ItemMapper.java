package dev.newsroom.ingest.internal;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.newsroom.ingest.FeedSource;
import dev.newsroom.ingest.ParsedFeed;
import dev.newsroom.model.Ids;
import dev.newsroom.model.RawArticle;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps Rome's {@link SyndFeed} to {@link ParsedFeed}: the one place Rome's types turn into ours.
 * Items without a usable http(s) URL are reported in {@link ParsedFeed#skipped()}.
 */
public final class ItemMapper {
    private ItemMapper() {}

    /**
     * The articles and skipped items of a feed.
     *
     * @param language the feed's declared language: RSS {@code <language>} or the Atom root's {@code xml:lang}
     */
    public static ParsedFeed map(SyndFeed feed, String language, FeedSource source, Instant fetchedAt) {
        String lang = Text.language(language);
        List<RawArticle> articles = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int index = 0;
        for (SyndEntry entry : feed.getEntries()) {
            index++;
            String title = title(entry.getTitleEx(), entry.getTitle());
            String item = "item " + index + (title.isEmpty() ? "" : " '" + Text.quote(title, 80) + "'");
            String link = link(entry);
            if (link == null) {
                skipped.add(item + " has no link and no permalink guid");
                continue;
            }
            String url = absoluteHttp(source.baseUri(), link);
            if (url == null) {
                skipped.add(item + " has link '" + Text.quote(link, 200) + "', which is not an http(s) URL");
                continue;
            }
            try {
                URI itemBase = URI.create(url);
                Normaliser.Clean summary = Normaliser.clean(html(entry.getDescription()), itemBase);
                Normaliser.Clean content = Normaliser.clean(content(entry.getContents()), itemBase);
                Normaliser.Dated dated = Normaliser.date(instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()), fetchedAt);
                articles.add(new RawArticle(Ids.article(url), source.feedId(), source.feedUrl(), url,
                        Text.collapse(entry.getUri()), title, summary.html(), content.html(), author(entry),
                        categories(entry.getCategories()), dated.publishedAt(), fetchedAt, Normaliser.site(url), lang,
                        content.html().isEmpty() ? summary.text() : content.text(), dated.note()));
            } catch (IllegalArgumentException e) {
                skipped.add(item + " cannot be read: " + e.getMessage());
            }
        }
        return new ParsedFeed(title(feed.getTitleEx(), feed.getTitle()), articles, skipped);
    }

    /** The entry's link, else its first alternate link; Rome has already put a permalink guid there. */
    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        for (SyndLink link : entry.getLinks()) {
            boolean alternate = link.getRel() == null || link.getRel().isBlank() || "alternate".equals(link.getRel());
            if (alternate && link.getHref() != null && !link.getHref().isBlank()) {
                return link.getHref().strip();
            }
        }
        return null;
    }

    /** The link made absolute against the base, if it then is an http(s) URL; null otherwise. */
    static String absoluteHttp(URI base, String link) {
        try {
            URI uri = new URI(link.replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null) {
                URI from = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
                uri = from.resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String title(SyndContent titleEx, String title) {
        String type = titleEx == null ? null : titleEx.getType();
        return "text".equalsIgnoreCase(type) ? Text.collapse(title) : Text.plain(title);
    }

    private static String html(SyndContent content) {
        if (content == null || content.getValue() == null || content.getValue().isBlank()) {
            return "";
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain") ? Text.escape(content.getValue().strip()) : content.getValue().strip();
    }

    private static String content(List<SyndContent> contents) {
        for (SyndContent content : contents) {
            String html = html(content);
            if (!html.isEmpty()) {
                return html;
            }
        }
        return "";
    }

    private static String author(SyndEntry entry) {
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            return Text.collapse(entry.getAuthor());
        }
        for (SyndPerson person : entry.getAuthors()) {
            String name = person.getName() != null && !person.getName().isBlank() ? person.getName() : person.getEmail();
            if (name != null && !name.isBlank()) {
                return Text.collapse(name);
            }
        }
        return "";
    }

    private static List<String> categories(List<SyndCategory> categories) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory category : categories) {
            String name = Text.collapse(category.getName());
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
