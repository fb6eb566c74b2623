package dev.purgedeck.fastly;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLSession;

/** An answer {@link LeanHttpClient} read, its body made into what the caller's body handler makes of it. */
record LeanResponse<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body, SSLSession session)
        implements HttpResponse<T> {

    static <T> HttpResponse<T> of(HttpRequest request, LeanExchange.Answer answer, SSLSession session,
                                  HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return answer.status();
            }

            @Override
            public HttpHeaders headers() {
                return answer.headers();
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        boolean[] delivered = {false};
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (!delivered[0] && n > 0) {
                    delivered[0] = true;
                    if (answer.body().length > 0) {
                        subscriber.onNext(List.of(ByteBuffer.wrap(answer.body())));
                    }
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                delivered[0] = true;
            }
        });
        try {
            T body = subscriber.getBody().toCompletableFuture().join();
            return new LeanResponse<>(request, answer.status(), answer.headers(), body, session);
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("The answer could not be read", e);
        }
    }

    /** As the JDK client's responses print: no body, no headers, since responses get logged. */
    @Override
    public String toString() {
        return "(" + request.method() + " " + request.uri() + ") " + statusCode;
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.ofNullable(session);
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
