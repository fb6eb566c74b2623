package dev.purgedeck.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.files.Logs;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Sends a job's team notice to its profile's webhook and records the delivery as the job's {@link JobNote#NOTICE}
 * note ("sent", or the failure in plain words), so History shows it with the job. Never fails: a notice that could
 * not be sent, or a note that could not be written, is an answer, never an exception.
 */
public final class TeamNotices {
    /** The note's text when the webhook took the notice. */
    public static final String SENT = "sent";
    private static final System.Logger LOG = Logs.of(TeamNotices.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Function<String, Optional<String>> webhookOf;
    private final Webhook webhook;
    private final JobNotes notes;
    private final Executor background;
    private final Clock clock;

    /**
     * @param webhookOf  the profile's webhook address, empty when it has none (may read a file)
     * @param background where the address is read and the note written (never the UI thread)
     */
    public TeamNotices(Function<String, Optional<String>> webhookOf, Webhook webhook, JobNotes notes,
                       Executor background, Clock clock) {
        this.webhookOf = webhookOf;
        this.webhook = webhook;
        this.notes = notes;
        this.background = background;
        this.clock = clock;
    }

    /**
     * Sends {@code job}'s notice when its profile has a webhook. Completes, on the background executor, with the
     * plain failure ("Team notice not sent: …"), or empty when it was sent or no webhook is set (then no note).
     */
    public CompletableFuture<Optional<String>> send(JobContext job, JobResult result) {
        return CompletableFuture.supplyAsync(() -> webhookOf.apply(job.profile()), background).thenCompose(url -> {
            if (url.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<String>empty());
            }
            return webhook.send(url.get(), TeamNotice.json(MAPPER, TeamNotice.text(job, result)))
                    .thenApplyAsync(problem -> {
                        record(job.jobId(), problem.orElse(SENT));
                        return problem;
                    }, background);
        });
    }

    /** Sends a test notice to {@code url}: "The test notice was sent." or why not, in plain words. */
    public CompletableFuture<String> test(String url, String profile) {
        String text = "PurgeDeck: a test notice from profile " + profile + ". Purges made with it will be told here.";
        return webhook.send(url, TeamNotice.json(MAPPER, text)).thenApply(problem -> problem
                .map(p -> p.replace("Team notice not sent", "The test notice was not sent"))
                .orElse("The test notice was sent: look for it in the channel."));
    }

    private void record(String jobId, String text) {
        try {
            notes.append(List.of(JobNote.ofJob(jobId, JobNote.NOTICE, text, clock.instant())));
        } catch (IOException | RuntimeException e) {
            // The notice itself went out (or not) as told; only History will not show it with the job.
            LOG.log(System.Logger.Level.WARNING, "The team notice's note could not be written: {0}", e.getMessage());
        }
    }
}
