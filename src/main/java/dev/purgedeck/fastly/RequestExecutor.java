package dev.purgedeck.fastly;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends one logical request with the retry policy: backoff on transient failures, waiting out a 429 until the
 * rate-limit reset, never blocking a thread while it waits. Cancelling the returned future cancels the request in
 * flight and any pending wait.
 */
final class RequestExecutor {
    private final HttpClient http;
    private final ErrorBodyParser errors;
    private final Clock clock;
    private final Consumer<RateLimitState> rateLimitSink;
    private final RetryScheduler scheduler;
    private final Consumer<RateLimitWait> waitSink;

    RequestExecutor(HttpClient http, ErrorBodyParser errors, Clock clock, Consumer<RateLimitState> rateLimitSink,
                    RetryScheduler scheduler, Consumer<RateLimitWait> waitSink) {
        this.waitSink = waitSink;
        this.http = http;
        this.scheduler = scheduler;
        this.errors = errors;
        this.clock = clock;
        this.rateLimitSink = rateLimitSink;
    }

    CompletableFuture<ApiResponse> send(HttpRequest request, RetryPolicy policy, ApiToken token) {
        var call = new Call(request, policy, token);
        call.attempt(1, 0);
        return call.result;
    }

    private final class Call {
        final CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
        final HttpRequest request;
        final RetryPolicy policy;
        final ApiToken token;
        final long startNanos = System.nanoTime();

        Call(HttpRequest request, RetryPolicy policy, ApiToken token) {
            this.request = request;
            this.policy = policy;
            this.token = token;
            result.whenComplete((r, e) -> {
                if (e instanceof CancellationException) {
                    CompletableFuture<?> f = inFlight.get();
                    if (f != null) {
                        f.cancel(true);
                    }
                }
            });
        }

        void attempt(int n, int rateLimitWaits) {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<HttpResponse<String>> f = http.sendAsync(request, TextBodies.TEXT);
            inFlight.set(f);
            if (result.isDone()) {
                f.cancel(true);
                return;
            }
            f.whenComplete((response, error) -> {
                if (result.isDone()) {
                    return;
                }
                if (error != null) {
                    onTransportError(n, rateLimitWaits, unwrap(error));
                } else {
                    onResponse(n, rateLimitWaits, response);
                }
            });
        }

        void onResponse(int n, int rateLimitWaits, HttpResponse<String> response) {
            if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                RateLimitState.from(response.headers()).ifPresent(rateLimitSink);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                result.complete(new ApiResponse(response, n, elapsed()));
                return;
            }
            FastlyApiException e = errors.parse(response, token);
            if (status == 429) {
                Instant at = e.retryAt().orElse(null);
                Duration wait = at == null ? null : Duration.between(clock.instant(), at);
                if (wait != null && rateLimitWaits < policy.maxRateLimitWaits()
                        && wait.compareTo(policy.maxRateLimitWait()) <= 0) {
                    Duration pause = wait.isNegative() ? Duration.ZERO : wait;
                    // Said before the pause starts, so whoever shows progress can explain the silence that follows.
                    waitSink.accept(new RateLimitWait(pause, clock.instant().plus(pause)));
                    later(pause, () -> attempt(n + 1, rateLimitWaits + 1));
                    return;
                }
            } else if (e.isTransient() && n - rateLimitWaits < policy.maxAttempts()) {
                later(policy.backoff(n - rateLimitWaits + 1), () -> attempt(n + 1, rateLimitWaits));
                return;
            }
            result.completeExceptionally(e.withAttempts(n));
        }

        void onTransportError(int n, int rateLimitWaits, Throwable error) {
            if (error instanceof CancellationException) {
                result.cancel(true);
                return;
            }
            FastlyApiException e = toException(error);
            if (e.isTransient() && n - rateLimitWaits < policy.maxAttempts()) {
                later(policy.backoff(n - rateLimitWaits + 1), () -> attempt(n + 1, rateLimitWaits));
            } else {
                result.completeExceptionally(e.withAttempts(n));
            }
        }

        FastlyApiException toException(Throwable error) {
            String host = request.uri().getHost() + (request.uri().getPort() > 0 ? ":" + request.uri().getPort() : "");
            if (error instanceof HttpTimeoutException) {
                return FastlyApiException.transport(FastlyApiException.Kind.TIMEOUT, "No answer from " + host, error);
            }
            if (error instanceof ConnectException) {
                return FastlyApiException.transport(FastlyApiException.Kind.NETWORK, "Connection to " + host + " refused.", error);
            }
            if (error instanceof IOException) {
                return FastlyApiException.transport(FastlyApiException.Kind.NETWORK,
                        "The connection to " + host + " was closed before an answer arrived.", error);
            }
            return FastlyApiException.transport(FastlyApiException.Kind.NETWORK,
                    "Request to " + host + " failed: " + error.getClass().getSimpleName(), error);
        }

        void later(Duration delay, Runnable next) {
            scheduler.schedule(delay, next);
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
