package dev.newsroom.ingest;

/**
 * A document could not be read as a feed (or, from {@link FeedList}, as an OPML feed list). The
 * message is one sentence that says why, e.g. {@code not a feed: the document is an HTML page} or
 * {@code malformed XML at line 3: ...}.
 */
public class FeedParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
