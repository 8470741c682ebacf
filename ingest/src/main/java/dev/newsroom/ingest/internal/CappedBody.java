package dev.newsroom.ingest.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap and stops reading the moment the cap is passed, so a
 * server cannot make ingest buffer more than {@code cap} bytes. {@link #cancel()} stops it from
 * outside (the whole-response deadline).
 */
public final class CappedBody implements BodySubscriber<CappedBody.Body> {

    /** What was read: the bytes, or the fact that there were more than the cap. */
    public record Body(byte[] bytes, boolean overCap) {
        static final Body SKIPPED = new Body(new byte[0], false);
        static final Body OVER_CAP = new Body(new byte[0], true);
    }

    private final long cap;
    private final boolean read;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private long received;

    private CappedBody(long cap, boolean read) {
        this.cap = cap;
        this.read = read;
    }

    /** Reads up to {@code cap} bytes. */
    public static CappedBody upTo(long cap) {
        return new CappedBody(cap, true);
    }

    /** Reads nothing: for error and redirect answers, whose bodies ingest does not need. */
    public static CappedBody skipping() {
        return new CappedBody(0, false);
    }

    /** Answers "over the cap" without reading, for a declared {@code Content-Length} above it. */
    public static CappedBody overCap() {
        CappedBody body = new CappedBody(0, false);
        body.result.complete(Body.OVER_CAP);
        return body;
    }

    /** Stops reading; the body completes as skipped if it had not completed. */
    public void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.complete(Body.SKIPPED);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (!read || result.isDone()) {
            s.cancel();
            result.complete(Body.SKIPPED);
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > cap) {
                subscription.cancel();
                result.complete(Body.OVER_CAP);
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(bytes.toByteArray(), false));
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }
}
