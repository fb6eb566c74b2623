package dev.purgedeck.edge;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most a few bytes of a body and counts them, then cancels the rest: the inspector needs the headers, and a
 * 10 MB page must cost neither the memory nor the time to download it.
 */
final class CappedBody implements BodySubscriber<CappedBody.Read> {
    /** How much of the start of a body is kept: enough for Fastly's one-line error pages. */
    static final int HEAD = 512;
    private final long cap;
    private final CompletableFuture<Read> result = new CompletableFuture<>();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long read;

    /** What was read: the byte count and the first bytes as text. */
    record Read(long bytes, String head) {
    }

    CappedBody(long cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Read> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cap <= 0) {
            s.cancel();
            result.complete(new Read(0, ""));
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        for (ByteBuffer b : item) {
            int keep = Math.min(b.remaining(), HEAD - head.size());
            if (keep > 0) {
                byte[] bytes = new byte[keep];
                b.duplicate().get(bytes);
                head.write(bytes, 0, keep);
            }
            read += b.remaining();
        }
        if (read >= cap) {
            subscription.cancel();
            result.complete(done(Math.min(read, cap)));
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(done(read));
    }

    private Read done(long bytes) {
        return new Read(bytes, head.toString(StandardCharsets.UTF_8));
    }
}
