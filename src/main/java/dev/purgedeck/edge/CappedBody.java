package dev.purgedeck.edge;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most a few bytes of a body and counts them, then cancels the rest: the inspector needs the headers, and a
 * 10 MB page must cost neither the memory nor the time to download it.
 */
final class CappedBody implements BodySubscriber<Long> {
    private final long cap;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long read;

    CappedBody(long cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cap <= 0) {
            s.cancel();
            result.complete(0L);
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        for (ByteBuffer b : item) {
            read += b.remaining();
        }
        if (read >= cap) {
            subscription.cancel();
            result.complete(Math.min(read, cap));
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
        result.complete(read);
    }
}
