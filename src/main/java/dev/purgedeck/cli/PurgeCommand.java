package dev.purgedeck.cli;

import dev.purgedeck.context.StartupTrace;
import dev.purgedeck.fastly.HostMap;
import dev.purgedeck.fastly.InvalidInputException;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.settings.Settings;
import dev.purgedeck.settings.SettingsStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code purgedeck purge}: URLs, keys, a key set or everything, through the window's bulk runner and into its history.
 *
 * <p>Unlike the other commands, its options are built in code with picocli's model API rather than declared with
 * annotations. Purge is the command scripts run thousands of times, and reading annotations costs every run the
 * JDK's annotation proxy classes, made with its bytecode library, and picocli's reflection over each class: about
 * 40 ms of a one-URL purge, and more again for the compiler (docs/performance.md §14).
 */
final class PurgeCommand implements Callable<Integer> {
    static final int MAX_CONCURRENCY = 64;

    private final PurgeTargets.Choice what = new PurgeTargets.Choice();

    private final OptionSpec service = CliOptions.value(1, "ID|NAME", String.class,
            "The service: its ID, or its exact name as the service list shows it. Default: the key set's service, "
                    + "then FASTLY_SERVICE_ID. URL purges need none.", "-s", "--service");

    private final OptionSpec soft = OptionSpec.builder("--soft").negatable(true).type(Boolean.class).order(2)
            .description("Mark content stale instead of removing it. Default: hard, or the key set's choice.")
            .build();

    private final OptionSpec staging = CliOptions.flag(3,
            "Purge the staging environment instead of production (keys and --all only).", "--staging");

    private final OptionSpec concurrency = CliOptions.value(4, "N", Integer.class,
            "Requests in flight at once, 1 to " + MAX_CONCURRENCY + " (default: \"Requests at once\" in the window's "
                    + "settings, 16 unless changed there).", "--concurrency");

    private final OptionSpec json = CliOptions.flag(5,
            "Print one JSON document (job ID, counts, every item) instead of the table.", "--json");

    private final OptionSpec yes = CliOptions.flag(6, "Purge everything (--all) without asking.", "-y", "--yes");

    private final OptionSpec profile = CliOptions.value(7, "NAME", String.class,
            "Use this PurgeDeck profile (as in the window's settings) instead of FASTLY_API_TOKEN.", "--profile");

    private final OptionSpec deadline = CliOptions.time(8,
            "Stop sending after TIME (e.g. 90s, 5m, 1h): items not purged by then are reported and recorded as not "
                    + "sent. Default: the window's \"Job deadline\" setting, none unless set.", "--deadline");

    private final OptionSpec timeout = CliOptions.time(9,
            "How long one request may take (e.g. 10s; at most 300s). Default: the window's setting, 30s unless "
                    + "changed.", "--timeout");

    private final OptionSpec verify = CliOptions.flag(11,
            "After the purge, look at each purged page as a visitor's POP serves it (with Fastly-Debug) and print a "
                    + "verdict: fresh, refreshing, old copy still served, not cached, can't tell (why), or not "
                    + "verified. Keys and --all are checked on the pages given with --check, else on the sample URLs "
                    + "of the --keyset. Exit code 1 when any page still gets the old copy.", "--verify");

    private final OptionSpec check = OptionSpec.builder("--check").paramLabel("URL").order(12)
            .type(List.class).auxiliaryTypes(String.class)
            .description("A page that shows whether a key or --all purge worked, for --verify (repeatable).")
            .build();

    private final OptionSpec twice = CliOptions.flag(13,
            "Purge every item a second time after a pause, as Fastly advises for shielded services; both purge IDs "
                    + "are recorded, and --verify looks after the second purge.", "--twice");

    private final OptionSpec twiceDelay = CliOptions.time(14,
            "The pause between the two purges (implies --twice). Default: 2s for URLs and keys, 30s for --all.",
            "--twice-delay");

    private final OptionSpec retries = CliOptions.value(10, "N", Integer.class,
            "How often a request that timed out or met a server error is tried again, 0 to " + Settings.MAX_RETRIES
                    + ". Default: the window's setting, 2 unless changed.", "--retries");

    private final OptionSpec checkHosts = CliOptions.flag(11,
            "For URLs: first read which service serves each host (one request per service; needs a token that may "
                    + "read services) and keep the map. Without it the map the window kept is used.",
            "--check-hosts");

    private final CliContext ctx;

    private PurgeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The command, its options in the order its help lists them. */
    static CommandSpec spec(CliContext ctx) {
        PurgeCommand command = new PurgeCommand(ctx);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("purge");
        spec.usageMessage().sortOptions(false).width(100).descriptionHeading("%n").optionListHeading("%nOptions:%n")
                .description("Purges URLs, surrogate keys or everything on a Fastly service with the same client as "
                                + "the PurgeDeck window, records every item in the history the window shows, and "
                                + "prints a table of target, purge ID and outcome (or JSON).",
                        "Everything is checked before anything is sent: a bad URL or key, named with its line, stops "
                                + "the command with exit code 2.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(CliOptions.exitCodes(
                        "0", "every item was purged",
                        "1", "some items failed (Fastly or the network), or with --verify some page still gets the "
                                + "old copy; the reasons are on stderr",
                        "2", "bad usage, input or configuration; nothing was sent",
                        "3", "the purge ran, but the history could not take every outcome (e.g. a full disk); they "
                                + "were saved to history-unrecorded-JOB.jsonl beside it, or printed on stderr when "
                                + "that failed too"))
                .footerHeading("%nEnvironment:%n")
                .footer("  FASTLY_API_TOKEN     the API token, as the Fastly CLI reads it (unless --profile is given)",
                        "  FASTLY_API_ENDPOINT  the API endpoint for that token (default https://api.fastly.com)",
                        "  FASTLY_SERVICE_ID    the service, when --service is not given",
                        "  PURGEDECK_HOME       where the history and key sets are kept (shared with the window)",
                        "",
                        "Examples:",
                        "  purgedeck purge --service 'Northwind Shop' --urls-file changed-pages.txt",
                        "  purgedeck purge -s SU1Z0isxPaozGVKXdv0eY --keys-file keys.txt --soft --json",
                        "  purgedeck purge --keyset Homepage",
                        "  purgedeck purge --keyset team:Homepage   (the set shared with the team, not a personal one)",
                        "  purgedeck purge -s SU1Z0isxPaozGVKXdv0eY --all --yes",
                        "  purgedeck purge --url https://www.example.com/news --verify --twice");
        for (OptionSpec option : List.of(command.service, command.soft, command.staging, command.concurrency,
                command.json, command.yes, command.profile, command.deadline, command.timeout, command.verify,
                command.check, command.twice, command.twiceDelay, command.retries, command.checkHosts)) {
            spec.addOption(option);
        }
        CliOptions.addStandard(spec);
        spec.addArgGroup(command.what.group());
        return spec;
    }

    @Override
    public Integer call() {
        StartupTrace.mark("purge: arguments read");
        Settings settings = SettingsStore.open(ctx.dataDir()).get();
        Integer given = concurrency.getValue();
        if (given != null && (given < 1 || given > MAX_CONCURRENCY)) {
            throw CliFailure.usage("--concurrency must be between 1 and " + MAX_CONCURRENCY);
        }
        int inFlight = given != null ? given : settings.concurrency();
        Duration twiceDelay = this.twiceDelay.getValue();
        boolean verify = CliOptions.isSet(this.verify);
        boolean twice = CliOptions.isSet(this.twice) || twiceDelay != null;
        boolean yes = CliOptions.isSet(this.yes);
        List<String> check = CliOptions.list(this.check);
        Limits limits = Limits.of(settings, deadline.getValue(), timeout.getValue(), retries.getValue());
        VerifyOptions.check(verify, check, twiceDelay);
        PurgeTargets.Targets targets = PurgeTargets.read(what, ctx);
        StartupTrace.mark("purge: targets read");
        Boolean softGiven = soft.getValue();
        boolean softPurge = softGiven != null ? softGiven : targets.keySet() != null && targets.keySet().soft();
        boolean onStaging = CliOptions.isSet(staging);
        checkOptions(targets.kind(), softPurge, onStaging);
        PurgeOptions options = new PurgeOptions(softPurge,
                onStaging ? PurgeOptions.Environment.STAGING : PurgeOptions.Environment.PRODUCTION);
        ServiceResolver.Choice choice = ServiceResolver.choose(ctx, service.getValue(), targets.keySet(),
                targets.kind());
        if (targets.kind() == PurgeKind.ALL) {
            PurgeAllConfirmation.precheck(ctx, yes);
        }
        ConnectionResolver.Resolved connection = ConnectionResolver.resolve(ctx, profile.getValue());
        // Everything above sends nothing: a usage error (exit 2) never costs a request with the token.
        try (CliClient client = CliClient.open(connection.connection(), limits.timeout(), limits.retry())) {
            ServiceResolver.Service svc = ServiceResolver.resolve(choice, client, targets.kind() != PurgeKind.URL);
            JobRequest request = request(targets, svc, options, inFlight);
            if (targets.kind() == PurgeKind.ALL) {
                PurgeAllConfirmation.require(ctx, yes, svc);
            }
            if (targets.duplicates() > 0) {
                ctx.warn("purgedeck: " + targets.duplicates() + " repeated " + (targets.kind() == PurgeKind.URL
                        ? "URL" : "key") + (targets.duplicates() == 1 ? " is" : "s are") + " purged only once");
            }
            HostMap hosts = request.kind() == PurgeKind.URL
                    ? CliHosts.load(ctx, client, connection.origin(), CliOptions.isSet(checkHosts)) : HostMap.UNKNOWN;
            HostMap.Routing routing = hosts.route(request.kind() == PurgeKind.URL ? request.targets() : List.of());
            CliHosts.warn(ctx, hosts, routing);
            Map<String, ServiceInfo> routes = routing.services();
            StartupTrace.mark("purge: sending");
            RecordedJob.Finished done = verify || twice
                    ? RecordedJob.runVerified(ctx, client.runner(), request, connection.origin(),
                    svc == null ? null : svc.name(), limits.deadline(), routes,
                    VerifyOptions.plan(verify, VerifyOptions.pages(check, targets.keySet()), twice,
                            twiceDelay, request.kind()),
                    VerifyOptions.verifier(connection.connection(), client))
                    : RecordedJob.run(ctx, client.runner(), request, connection.origin(),
                    svc == null ? null : svc.name(), limits.deadline(), routes);
            StartupTrace.mark("purge: job done");
            JobContext job = done.job();
            CliNotice.send(ctx, job, done.result());
            String historyProblem = done.recorded() ? null
                    : UnrecordedOutcomes.keep(ctx, done.unrecorded(), job.jobId());
            if (CliOptions.isSet(json)) {
                PurgeReport.json(ctx, done.result(), job, historyProblem,
                        UnrecordedOutcomes.targets(done.unrecorded(), job.jobId()), hosts, done.verdicts());
            } else {
                PurgeReport.table(ctx, done.result(), done.verdicts());
            }
            PurgeReport.failures(ctx, done.result());
            StartupTrace.mark("purge: reported");
            boolean oldCopy = VerifyOptions.warnOldCopies(ctx, done.verdicts());
            boolean allOk = done.result().count(ItemOutcome.Status.OK) == done.result().items().size();
            return !done.recorded() ? Cli.NOT_RECORDED : allOk && !oldCopy ? Cli.OK : Cli.FAILED;
        }
    }

    private static void checkOptions(PurgeKind kind, boolean softPurge, boolean staging) {
        if (kind == PurgeKind.ALL && softPurge) {
            throw CliFailure.usage("--all cannot be soft: Fastly always removes everything at once. Leave out "
                    + "--soft, or soft-purge a surrogate key that every object carries.");
        }
        if (kind == PurgeKind.URL && staging) {
            throw CliFailure.usage("--staging works with keys and --all only: Fastly purges a URL on staging only "
                    + "when the request goes to the service's staging IP address. Use a surrogate key instead.");
        }
    }

    private static JobRequest request(PurgeTargets.Targets t, ServiceResolver.Service svc, PurgeOptions options,
                                      int concurrency) {
        String id = svc == null ? null : svc.id();
        try {
            return switch (t.kind()) {
                // Checked and normalised as they were read (PurgeTargets), and the client checks each again as it
                // sends it: a third pass here was main-thread time before the first request (docs/performance.md §14).
                case URL -> new JobRequest(id, PurgeKind.URL, t.items(), options, concurrency);
                case KEY -> JobRequest.keys(id, t.items(), options, concurrency);
                case ALL -> JobRequest.all(id, options);
            };
        } catch (InvalidInputException e) {
            throw CliFailure.usage(e.getMessage() + "; nothing was purged");
        }
    }
}
