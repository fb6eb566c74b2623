package dev.purgedeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.history.TeamNotice;
import dev.purgedeck.history.Webhook;
import dev.purgedeck.settings.WebhookStore;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Sends the profile's team notice after a command-line job; a failure is a warning, never the job's outcome. */
final class CliNotice {
    private CliNotice() {
    }

    static void send(CliContext ctx, JobContext job, JobResult result) {
        Optional<String> url = new WebhookStore(ctx.dataDir()).get(job.profile());
        if (url.isEmpty()) {
            return;
        }
        String json = TeamNotice.json(new ObjectMapper(), TeamNotice.text(job, result));
        Optional<String> problem;
        try {
            problem = new Webhook(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                    Webhook.TIMEOUT).send(url.get(), json).get(Webhook.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            problem = Optional.of("Team notice not sent: no answer in time.");
        }
        problem.ifPresent(p -> ctx.warn("purgedeck: " + p));
    }
}
