package dev.purgedeck.ui.purge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.history.TeamNotice;
import dev.purgedeck.history.Webhook;
import dev.purgedeck.settings.WebhookStore;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Sends the profile's team notice after a console job, off the UI thread; a failure is reported, never thrown. */
public final class ConsoleNotice {
    private final WebhookStore store;
    private final Webhook webhook = new Webhook(
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), Webhook.TIMEOUT);
    private final Executor background;

    public ConsoleNotice(WebhookStore store, Executor background) {
        this.store = store;
        this.background = background;
    }

    /** {@code problem} hears "Team notice not sent: …" on the thread that finished sending. */
    public void send(JobContext job, JobResult result, Consumer<String> problem) {
        CompletableFuture.supplyAsync(() -> store.get(job.profile()), background).thenCompose(url -> url
                .map(u -> webhook.send(u, TeamNotice.json(new ObjectMapper(), TeamNotice.text(job, result))))
                .orElseGet(() -> CompletableFuture.completedFuture(java.util.Optional.empty())))
                .thenAccept(p -> p.ifPresent(problem));
    }
}
