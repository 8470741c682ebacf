package dev.newsroom.ingest;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.WireFeedOutput;
import com.rometools.rome.io.XmlReader;
import dev.newsroom.ingest.internal.SecureXml;
import dev.newsroom.ingest.internal.Text;
import dev.newsroom.model.FeedSubscription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;

/**
 * A list of feeds as OPML, the format feed readers import and export ({@code deploy/feeds.opml},
 * {@code newsroom feeds import|export}). Read with Rome's OPML module; outlines nested in folders
 * are flattened; an outline without {@code xmlUrl} (other than a folder), with a URL that is not
 * http(s), or repeating a URL already listed is reported in {@link #skipped()}. An outline's
 * {@code fullText="true"} attribute (ours; other readers ignore it) marks a feed whose items'
 * pages are fetched for their full text.
 *
 * @param title   the list's title, may be empty
 * @param feeds   the subscriptions, in document order, each URL once
 * @param skipped one sentence per outline left out and why
 */
public record FeedList(String title, List<FeedSubscription> feeds, List<String> skipped) {
    /** The outline attribute that carries {@link FeedSubscription#fullText()}. */
    public static final String FULL_TEXT_ATTRIBUTE = "fullText";

    public FeedList {
        title = title == null ? "" : title;
        feeds = List.copyOf(feeds);
        skipped = List.copyOf(skipped);
    }

    /** A list to write. */
    public static FeedList of(String title, List<FeedSubscription> feeds) {
        return new FeedList(title, feeds, List.of());
    }

    /**
     * Reads an OPML file.
     *
     * @param addedAt the time given to every subscription read
     * @throws FeedParseException when the file is not OPML 1.0, 1.1 or 2.0
     * @throws IOException        when it cannot be read
     */
    public static FeedList read(Path file, Instant addedAt) throws IOException, FeedParseException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, addedAt);
        }
    }

    /**
     * Reads an OPML document; the stream is not closed.
     *
     * @throws FeedParseException when it is not OPML 1.0, 1.1 or 2.0
     * @throws IOException        when it cannot be read
     */
    public static FeedList read(InputStream in, Instant addedAt) throws IOException, FeedParseException {
        Objects.requireNonNull(addedAt, "addedAt");
        Opml opml;
        try {
            Document document = SecureXml.read(new XmlReader(in, true), false);
            checkShape(document.getRootElement());
            opml = (Opml) new WireFeedInput(false, Locale.US).build(document);
        } catch (JDOMParseException e) {
            String at = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
            String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new FeedParseException(message.contains("DOCTYPE is disallowed")
                    ? "refused a DOCTYPE declaration" + at + ": feed lists may not declare DTDs or entities"
                    : "malformed XML" + at + ": " + firstLine(message), e);
        } catch (JDOMException | FeedException | IllegalArgumentException | ClassCastException e) {
            throw new FeedParseException("not an OPML feed list: " + firstLine(String.valueOf(e.getMessage())), e);
        }
        List<FeedSubscription> feeds = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        collect(opml.getOutlines(), addedAt, feeds, skipped, new HashSet<>());
        return new FeedList(Text.collapse(opml.getTitle()), feeds, skipped);
    }

    /** The list as an OPML 2.0 document, one {@code <outline type="rss">} per feed. */
    public String toOpml() {
        Opml opml = new Opml();
        opml.setFeedType("opml_2.0");
        opml.setTitle(title);
        List<Outline> outlines = new ArrayList<>();
        for (FeedSubscription feed : feeds) {
            Outline outline = new Outline();
            outline.setType("rss");
            outline.setText(feed.name().isEmpty() ? feed.url() : feed.name());
            if (!feed.name().isEmpty()) {
                outline.setTitle(feed.name());
            }
            outline.getAttributes().add(new Attribute("xmlUrl", feed.url()));
            if (feed.fullText()) {
                outline.getAttributes().add(new Attribute(FULL_TEXT_ATTRIBUTE, "true"));
            }
            outlines.add(outline);
        }
        opml.setOutlines(outlines);
        try {
            return new WireFeedOutput().outputString(opml, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write an OPML 2.0 document: " + e.getMessage(), e);
        }
    }

    /** Writes {@link #toOpml()} to a file in UTF-8. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toOpml(), StandardCharsets.UTF_8);
    }

    private static void checkShape(Element root) throws FeedParseException {
        if (!"opml".equals(root.getName())) {
            throw new FeedParseException("not an OPML feed list: the root element is <" + root.getName() + ">, not <opml>");
        }
        if (root.getChild("body") == null) {
            throw new FeedParseException("not an OPML feed list: it has no <body> element");
        }
        String version = root.getAttributeValue("version");
        if (version != null && !version.equals("1.0") && !version.equals("2.0")) {
            // OPML 1.1 and other minor versions are read as 2.0, which is a superset of 1.x.
            root.setAttribute("version", "2.0");
        }
    }

    private static void collect(List<Outline> outlines, Instant addedAt, List<FeedSubscription> feeds,
                                List<String> skipped, Set<String> ids) {
        for (Outline outline : outlines) {
            String name = Text.collapse(outline.getTitle() != null && !outline.getTitle().isBlank() ? outline.getTitle() : outline.getText());
            String label = "outline" + (name.isEmpty() ? "" : " '" + Text.quote(name, 80) + "'");
            String xmlUrl = xmlUrl(outline);
            if (xmlUrl == null) {
                if (outline.getChildren().isEmpty()) {
                    skipped.add(label + " has no xmlUrl");
                }
            } else {
                try {
                    // An unnamed feed is written with its URL as text, which OPML requires.
                    FeedSubscription feed = FeedSubscription.of(xmlUrl, name.equals(xmlUrl) ? "" : name, addedAt)
                            .withFullText(isTrue(outline, FULL_TEXT_ATTRIBUTE));
                    if (ids.add(feed.id())) {
                        feeds.add(feed);
                    } else {
                        skipped.add(label + " repeats feed " + xmlUrl);
                    }
                } catch (IllegalArgumentException e) {
                    skipped.add(label + " has xmlUrl '" + Text.quote(xmlUrl, 200) + "', which is not an absolute http(s) URL");
                }
            }
            collect(outline.getChildren(), addedAt, feeds, skipped, ids);
        }
    }

    private static boolean isTrue(Outline outline, String name) {
        return outline.getAttributes().stream()
                .anyMatch(a -> name.equalsIgnoreCase(a.getName()) && a.getValue() != null && "true".equalsIgnoreCase(a.getValue().strip()));
    }

    private static String xmlUrl(Outline outline) {
        for (Attribute attribute : outline.getAttributes()) {
            if ("xmlUrl".equalsIgnoreCase(attribute.getName()) && attribute.getValue() != null && !attribute.getValue().isBlank()) {
                return attribute.getValue().strip();
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
