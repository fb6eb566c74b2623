package dev.purgedeck.cli;

import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.history.TeamNotices;
import dev.purgedeck.history.Webhook;
import dev.purgedeck.settings.WebhookStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Sends the profile's team notice after a command-line job; a failure is a warning, never the job's outcome. */
final class CliNotice {
    private CliNotice() {
    }

    static void send(CliContext ctx, JobContext job, JobResult result) {
        WebhookStore webhooks = new WebhookStore(ctx.dataDir());
        if (webhooks.get(job.profile()).isEmpty()) {
            // No webhook, no notice and no note (as TeamNotices does), and no HTTP client built for nothing: its
            // TLS set-up was a tenth of a one-URL purge's start (docs/performance.md §7).
            return;
        }
        // The command waits for the notice anyway, so reading the address and writing the note may run right here.
        TeamNotices notices = new TeamNotices(webhooks::get, Webhook.withOwnClient(), JobNotes.in(ctx.dataDir()),
                Runnable::run, Clock.systemUTC());
        Optional<String> problem;
        try {
            problem = notices.send(job, result).get(Webhook.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            problem = Optional.of("Team notice not sent: no answer in time.");
        }
        problem.ifPresent(p -> ctx.warn("purgedeck: " + p));
    }
}
