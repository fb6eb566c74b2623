package dev.purgedeck.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The short notice a team's chat gets after a job: who, service, what, soft/hard, count, purge IDs, failures. Built
 * only from the job's context and outcomes, which never hold a token (docs/fastly-api.md §21).
 */
public final class TeamNotice {
    static final int MAX_IDS = 10;
    static final int MAX_FAILURES = 5;

    private TeamNotice() {
    }

    /** The notice's text, one paragraph with a line per failure. */
    public static String text(JobContext job, JobResult result) {
        List<ItemOutcome> items = result.items();
        PurgeKind kind = result.request().kind();
        String what = kind == PurgeKind.ALL ? "everything" : String.format(Locale.ROOT, "%,d %s%s", items.size(),
                kind == PurgeKind.URL ? "URL" : "key", items.size() == 1 ? "" : "s");
        String service = job.serviceName() != null ? job.serviceName() + " (" + job.serviceId() + ")"
                : job.serviceId() != null ? job.serviceId() : "no service (URL purge)";
        StringBuilder b = new StringBuilder("PurgeDeck: ").append(Objects.requireNonNullElse(job.user(), "someone"))
                .append(" purged ").append(what).append(kind == PurgeKind.ALL ? " (hard)" : job.soft() ? " (soft)"
                        : " (hard)").append(" on ").append(service);
        if (job.profile() != null) {
            b.append(" with profile ").append(job.profile());
        }
        if ("staging".equals(job.environment())) {
            b.append(", staging");
        }
        b.append(": ").append(result.summary()).append('.');
        List<String> ids = items.stream().map(ItemOutcome::purgeId).filter(Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            b.append(" Purge IDs: ").append(String.join(", ", ids.subList(0, Math.min(MAX_IDS, ids.size()))))
                    .append(ids.size() > MAX_IDS ? ", … (" + (ids.size() - MAX_IDS) + " more)" : "").append('.');
        }
        List<ItemOutcome> failed = items.stream().filter(i -> i.status() != ItemOutcome.Status.OK).toList();
        for (ItemOutcome f : failed.subList(0, Math.min(MAX_FAILURES, failed.size()))) {
            b.append("\n• ").append(f.target()).append(": ").append(Objects.requireNonNullElse(f.message(), "failed"));
        }
        if (failed.size() > MAX_FAILURES) {
            b.append("\n• … and ").append(failed.size() - MAX_FAILURES).append(" more");
        }
        return b.toString();
    }

    /** Slack's and Teams' incoming webhooks both take {@code {"text": ...}}. */
    public static String json(ObjectMapper mapper, String text) {
        ObjectNode n = mapper.createObjectNode();
        n.put("text", text);
        return n.toString();
    }
}
