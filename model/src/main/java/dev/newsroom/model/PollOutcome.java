package dev.newsroom.model;

/** How one poll of a feed ended. */
public enum PollOutcome {
    /** Fetched and parsed; items counted. */
    OK,
    /** The server said 304, or the body hash had not changed. */
    NOT_MODIFIED,
    /** The server answered with a status other than 2xx or 304. */
    HTTP_ERROR,
    /** No answer: DNS, refused connection, reset, TLS. */
    NETWORK_ERROR,
    /** The whole-response deadline passed. */
    TIMEOUT,
    /** The body passed the size cap. */
    TOO_LARGE,
    /** The body was not a feed Rome could read. */
    PARSE_ERROR
}
