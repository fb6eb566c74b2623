package dev.purgedeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.fastly.HostMap;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.files.Json;
import dev.purgedeck.history.JobContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prints a finished purge: a {@code TARGET  PURGE ID  OUTCOME} table and a summary line on stdout, or one JSON
 * document; and on stderr why items failed, once per distinct reason.
 */
final class PurgeReport {
    private static final int EXAMPLES = 3;

    private PurgeReport() {
    }

    /** @param verdicts one per item when the purge was verified, else null (no VERDICT column) */
    static void table(CliContext ctx, JobResult result, List<PageVerdict> verdicts) {
        TextTable t = verdicts == null ? new TextTable("TARGET", "PURGE ID", "OUTCOME")
                : new TextTable("TARGET", "PURGE ID", "OUTCOME", "VERDICT");
        for (ItemOutcome o : result.items()) {
            String id = o.secondPurgeId() == null ? o.purgeId() : o.purgeId() + " + " + o.secondPurgeId();
            if (verdicts == null) {
                t.add(o.target(), id, status(o));
            } else {
                t.add(o.target(), id, status(o), ctx.scrub(VerdictBrief.of(verdicts.get(o.index()))));
            }
        }
        ctx.out().print(t.render());
        ctx.out().println(result.summary(TerminalText::count));
        ctx.out().flush();
    }

    /**
     * @param historyProblem why some outcomes are not in the history (null when all are)
     * @param unrecorded     the targets whose outcome is not in the history
     */
    static void json(CliContext ctx, JobResult result, JobContext job, String historyProblem, Set<String> unrecorded,
                     HostMap hosts, List<PageVerdict> verdicts) {
        HostMap.Routing routing = hosts.route(result.request().kind() == PurgeKind.URL
                ? result.items().stream().map(ItemOutcome::target).toList() : List.of());
        List<Item> items = result.items().stream().map(o -> new Item(o.target(), status(o), o.purgeId(),
                o.secondPurgeId(), o.httpStatus(), o.ok() ? null : ctx.scrub(o.message()), o.attempts(),
                o.duration() == null ? 0 : o.duration().toMillis(), !unrecorded.contains(o.target()),
                Optional.ofNullable(routing.services().get(o.target())).map(ServiceInfo::id).orElse(null),
                Optional.ofNullable(routing.services().get(o.target())).map(ServiceInfo::name).orElse(null),
                verdicts == null ? null : verdicts.get(o.index()).freshness().id(),
                verdicts == null ? null : ctx.scrub(verdicts.get(o.index()).reason()))).toList();
        Summary summary = new Summary(items.size(), result.count(ItemOutcome.Status.OK),
                result.count(ItemOutcome.Status.FAILED), result.count(ItemOutcome.Status.CANCELLED));
        Report report = new Report(result.jobId(), result.request().kind().id(), job.profile(), job.endpoint(),
                job.serviceId(), job.serviceName(), job.soft(), job.environment(), summary,
                result.elapsed().toMillis(), ctx.scrub(historyProblem), hosts.state() == HostMap.State.READY,
                routing.unknownHosts(), items);
        try {
            ctx.out().print(JsonOut.MAPPER.writeValueAsString(report));
            ctx.out().println();
            ctx.out().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why items failed, grouped: 10,000 keys refused for one reason make one line, not 10,000. */
    static void failures(CliContext ctx, JobResult result) {
        Map<String, List<ItemOutcome>> byReason = new LinkedHashMap<>();
        for (ItemOutcome o : result.items()) {
            if (!o.ok()) {
                byReason.computeIfAbsent(o.message(), k -> new ArrayList<>()).add(o);
            }
        }
        byReason.forEach((reason, items) -> {
            String what = status(items.get(0));
            if (items.size() == 1) {
                ctx.warn("purgedeck: " + what + ": " + items.get(0).target() + ": " + reason);
                return;
            }
            List<String> examples = items.stream().limit(EXAMPLES).map(ItemOutcome::target).toList();
            ctx.warn(String.format(Locale.ROOT, "purgedeck: %s: %,d items (%s%s): %s", what, items.size(),
                    String.join(", ", examples), items.size() > EXAMPLES ? ", …" : "", reason));
        });
    }

    private static String status(ItemOutcome o) {
        return o.status().name().toLowerCase(Locale.ROOT);
    }

    /** Built on first use only: a table run should not pay for a second mapper. */
    private static final class JsonOut {
        static final ObjectMapper MAPPER = Json.newMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The JSON document: what was purged, where, and each item's outcome. */
    record Report(String jobId, String kind, String profile, String endpoint, String serviceId, String serviceName,
                  boolean soft, String environment, Summary summary, long elapsedMs, String historyProblem,
                  boolean hostsChecked, List<String> unknownHosts, List<Item> items) {
    }

    record Summary(int total, long ok, long failed, long cancelled) {
    }

    /** One item; a URL names the service its host routes to, when known; a verified one has its verdict. */
    record Item(String target, String outcome, String purgeId, String secondPurgeId, int httpStatus, String error,
                int attempts, long durationMs, boolean recorded, String serviceId, String serviceName, String verdict,
                String verdictReason) {
    }
}
