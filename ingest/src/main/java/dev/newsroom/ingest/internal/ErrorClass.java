package dev.newsroom.ingest.internal;

import dev.newsroom.model.PollOutcome;

/** The short, stable class of a failed poll written into {@code FeedStatus.errorClass}, for dashboards and alerts. */
public final class ErrorClass {
    private ErrorClass() {}

    /** The class of a poll's failure; empty when it succeeded. */
    public static String of(PollOutcome outcome, int httpStatus, String error) {
        String e = error == null ? "" : error;
        return switch (outcome) {
            case OK, NOT_MODIFIED -> "";
            case HTTP_ERROR -> e.contains("redirect") ? "redirects"
                    : httpStatus == 429 || httpStatus == 503 ? "rate-limited"
                    : httpStatus >= 500 ? "http-5xx" : httpStatus >= 400 ? "http-4xx" : "http-other";
            case NETWORK_ERROR -> e.startsWith("refusing private address") ? "private-address"
                    : e.equals("connection refused") ? "refused"
                    : e.startsWith("unknown host") ? "unknown-host"
                    : e.startsWith("TLS") ? "tls" : "network";
            case TIMEOUT -> "timeout";
            case TOO_LARGE -> "too-large";
            case PARSE_ERROR -> e.startsWith("refused a DOCTYPE") ? "doctype"
                    : e.startsWith("malformed XML") ? "malformed-xml" : "not-a-feed";
        };
    }
}
