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
        // The command waits for the notice anyway, so reading the address and writing the note may run right here.
        TeamNotices notices = new TeamNotices(new WebhookStore(ctx.dataDir())::get, Webhook.withOwnClient(), JobNotes.in(ctx.dataDir()),
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
