package dev.newsroom.ingest;

import dev.newsroom.model.PollOutcome;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/** How one {@link FeedFetcher#fetch fetch} of a feed URL ended. */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Failed {

    /** Time from sending the first request to the last byte of the answer (or to the failure). */
    Duration latency();

    /**
     * The server sent the document (a 2xx answer), decompressed and within the size cap.
     *
     * @param body         the document's bytes, decoded from gzip or deflate when the server compressed them
     * @param status       the HTTP status, 2xx
     * @param etag         the {@code ETag} to send back as {@code If-None-Match}, or null
     * @param lastModified the {@code Last-Modified} to send back as {@code If-Modified-Since}, or null
     * @param contentType  the {@code Content-Type} header (it may name the charset), or null
     * @param finalUri     the URI that answered, after redirects; relative links resolve against it
     * @param latency      time from the first request to the last byte
     * @param movedTo      {@code finalUri} when every redirect on the way was permanent (301, 308), else null:
     *                     where the subscription should point from now on
     * @param maxAge       {@code Cache-Control: max-age} of the answer, or null
     */
    record Fetched(byte[] body, int status, String etag, String lastModified, String contentType, URI finalUri,
                   Duration latency, URI movedTo, Duration maxAge) implements FetchResult {
        /** A document fetched without permanent redirects or caching hint. */
        public Fetched(byte[] body, int status, String etag, String lastModified, String contentType, URI finalUri, Duration latency) {
            this(body, status, etag, lastModified, contentType, finalUri, latency, null, null);
        }

        public Fetched {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(finalUri, "finalUri");
            Objects.requireNonNull(latency, "latency");
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("a fetched document has a 2xx status, was " + status);
            }
            body = body.clone();
        }

        /** A copy of the document's bytes. */
        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The document as a stream, without copying it. */
        public InputStream openBody() {
            return new ByteArrayInputStream(body);
        }

        /** The document's length in bytes. */
        public int size() {
            return body.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fetched f && status == f.status && Arrays.equals(body, f.body)
                    && Objects.equals(etag, f.etag) && Objects.equals(lastModified, f.lastModified)
                    && Objects.equals(contentType, f.contentType) && finalUri.equals(f.finalUri) && latency.equals(f.latency)
                    && Objects.equals(movedTo, f.movedTo) && Objects.equals(maxAge, f.maxAge);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(body), status, etag, lastModified, contentType, finalUri, latency, movedTo, maxAge);
        }

        @Override
        public String toString() {
            return "Fetched[status=" + status + ", bytes=" + body.length + ", etag=" + etag + ", lastModified=" + lastModified
                    + ", contentType=" + contentType + ", finalUri=" + finalUri + ", latency=" + latency + ", movedTo=" + movedTo + ", maxAge=" + maxAge + "]";
        }
    }

    /**
     * The server answered 304: the document has not changed since the given {@code ETag} or date.
     *
     * @param latency time from the first request to the answer
     */
    record NotModified(Duration latency) implements FetchResult {
        public NotModified {
            Objects.requireNonNull(latency, "latency");
        }
    }

    /**
     * No usable document.
     *
     * @param outcome    {@link PollOutcome#HTTP_ERROR}, {@link PollOutcome#NETWORK_ERROR}, {@link PollOutcome#TIMEOUT},
     *                   {@link PollOutcome#TOO_LARGE} or {@link PollOutcome#PARSE_ERROR} (a body that does not decompress)
     * @param httpStatus the last HTTP status received, 0 when no answer came
     * @param error      one sentence saying what went wrong, e.g. {@code HTTP 404}, {@code timeout after 20s}
     * @param latency    time from the first request to the failure
     * @param retryAfter how long the server asked us to wait ({@code Retry-After} of a 429 or 503), or null
     */
    record Failed(PollOutcome outcome, int httpStatus, String error, Duration latency, Duration retryAfter) implements FetchResult {
        /** A failure without a {@code Retry-After}. */
        public Failed(PollOutcome outcome, int httpStatus, String error, Duration latency) {
            this(outcome, httpStatus, error, latency, null);
        }

        public Failed {
            if (retryAfter != null && retryAfter.isNegative()) {
                retryAfter = Duration.ZERO;
            }
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(latency, "latency");
            if (outcome == PollOutcome.OK || outcome == PollOutcome.NOT_MODIFIED) {
                throw new IllegalArgumentException("a failed fetch cannot have outcome " + outcome);
            }
            if (error == null || error.isBlank()) {
                throw new IllegalArgumentException("a failed fetch says why in error");
            }
        }
    }
}
