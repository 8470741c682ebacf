package dev.newsroom.ingest;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsroom.ingest.internal.ItemMapper;
import dev.newsroom.ingest.internal.SecureXml;
import dev.newsroom.ingest.internal.Sniffer;
import dev.newsroom.ingest.internal.UpdateHint;
import dev.newsroom.ingest.internal.XmlCleaner;
import dev.newsroom.model.FeedSubscription;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.xml.sax.SAXParseException;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom documents with Rome and maps their items to
 * {@link dev.newsroom.model.RawArticle}s; Rome's types never leave this class.
 *
 * <p>Hostile input is refused: DOCTYPE declarations are not allowed, so no external entity is ever
 * resolved and no entity expansion ("billion laughs") happens. The character encoding is found the
 * way Rome's {@link XmlReader} does it, from the byte order mark, the XML declaration and the HTTP
 * {@code Content-Type} charset. Undeclared HTML entities ({@code &nbsp;}) are healed.
 *
 * <p>Each item becomes an article whose URL is its link (or its permalink guid) made absolute
 * against {@link FeedSource#baseUri()}; its id is {@link dev.newsroom.model.Ids#article(String)} of
 * that URL. The title is plain text; summary and content are HTML. Items with no usable URL are
 * listed in {@link ParsedFeed#skipped()}. Instances are stateless and thread-safe.
 */
public final class FeedParser {

    /**
     * Parses a fetched document of a subscribed feed; relative links resolve against the URL that
     * answered.
     *
     * @throws FeedParseException when the document is not a feed Rome can read
     */
    public ParsedFeed parse(FetchResult.Fetched fetched, FeedSubscription feed, Instant fetchedAt) throws FeedParseException {
        return parse(fetched.openBody(), fetched.contentType(), FeedSource.of(feed).withBaseUri(fetched.finalUri()), fetchedAt);
    }

    /**
     * Parses a feed document.
     *
     * @param body        the document's bytes, as served (not content-encoded); not closed
     * @param contentType the HTTP {@code Content-Type}, which may name the charset; null for a file
     * @param source      the feed's id and URL and the base for relative links
     * @param fetchedAt   written into every article
     * @throws FeedParseException when the document is not a feed Rome can read; the message is one sentence
     */
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source, Instant fetchedAt) throws FeedParseException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        try {
            BufferedInputStream in = new BufferedInputStream(body);
            in.mark(Sniffer.HEAD);
            Optional<String> notAFeed = Sniffer.notAFeed(in.readNBytes(Sniffer.HEAD));
            if (notAFeed.isPresent()) {
                throw new FeedParseException("not a feed: " + notAFeed.get());
            }
            in.reset();
            return read(in, contentType, source, fetchedAt);
        } catch (IOException e) {
            throw new FeedParseException("unreadable document: " + sentence(e.getMessage(), e), e);
        }
    }

    private static ParsedFeed read(InputStream in, String contentType, FeedSource source, Instant fetchedAt)
            throws FeedParseException, IOException {
        byte[] bytes = in.readAllBytes();
        Document document;
        try {
            document = parseXml(bytes, contentType);
        } catch (JDOMParseException e) {
            document = retryCleaned(bytes, contentType, e);
        } catch (JDOMException e) {
            throw new FeedParseException("not a feed: " + sentence(e.getMessage(), e), e);
        }
        try {
            SyndFeed feed = new SyndFeedInput(false, Locale.US).build(document);
            String declared = feed.getLanguage() != null ? feed.getLanguage()
                    : document.getRootElement().getAttributeValue("lang", Namespace.XML_NAMESPACE);
            return ItemMapper.map(feed, declared, source, fetchedAt).withUpdateHint(UpdateHint.of(document).orElse(null));
        } catch (FeedException e) {
            throw new FeedParseException("not a feed: " + sentence(e.getMessage(), e), e);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not a feed: the document is XML but not RSS or Atom", e);
        } catch (RuntimeException e) {
            throw new FeedParseException("not a feed: Rome could not read it (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Document parseXml(byte[] bytes, String contentType) throws JDOMException, IOException {
        try (XmlReader reader = reader(bytes, contentType)) {
            return SecureXml.read(reader, true);
        }
    }

    /** A second attempt on the decoded text with the usual faults repaired ({@link XmlCleaner}); DOCTYPEs stay refused. */
    private static Document retryCleaned(byte[] bytes, String contentType, JDOMParseException strict) throws FeedParseException, IOException {
        String description = describe(strict);
        if (description.startsWith("refused a DOCTYPE")) {
            throw new FeedParseException(description, strict);
        }
        String text;
        try (XmlReader reader = reader(bytes, contentType)) {
            text = new String(readAll(reader));
        }
        String cleaned = XmlCleaner.clean(text);
        if (cleaned.equals(text)) {
            throw new FeedParseException(description, strict);
        }
        try {
            return SecureXml.read(new StringReader(cleaned), true);
        } catch (JDOMException e) {
            throw new FeedParseException(description, strict);
        }
    }

    private static XmlReader reader(byte[] bytes, String contentType) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        return contentType == null || contentType.isBlank() ? new XmlReader(in, true) : new XmlReader(in, contentType, true);
    }

    private static char[] readAll(java.io.Reader reader) throws IOException {
        java.io.CharArrayWriter out = new java.io.CharArrayWriter();
        reader.transferTo(out);
        return out.toCharArray();
    }

    private static String describe(JDOMParseException e) {
        SAXParseException sax = find(e, SAXParseException.class);
        if (sax == null) {
            return "malformed XML" + (e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "") + ": " + sentence(e.getMessage(), e);
        }
        String at = sax.getLineNumber() > 0 ? " at line " + sax.getLineNumber() : "";
        String message = sentence(sax.getMessage(), sax);
        if (message.contains("DOCTYPE is disallowed")) {
            return "refused a DOCTYPE declaration" + at + ": feeds may not declare DTDs or entities";
        }
        return "malformed XML" + at + ": " + message;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String sentence(String message, Throwable error) {
        String text = message == null || message.isBlank() ? error.getClass().getSimpleName() : message.strip();
        int nl = text.indexOf('\n');
        text = nl < 0 ? text : text.substring(0, nl);
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
