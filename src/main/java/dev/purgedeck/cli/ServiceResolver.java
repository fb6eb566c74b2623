package dev.purgedeck.cli;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.settings.EnvironmentConnection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Turns {@code --service ID|NAME} into a service ID and, when the token may list services, its name (for the
 * history and the purge-everything confirmation). Sources in order: the option, the key set's service,
 * FASTLY_SERVICE_ID. A name matches as the window's purge-everything confirmation does (any dash for a dash, runs of
 * spaces as one), and case aside; an exact match wins over a loose one.
 */
final class ServiceResolver {
    private static final int LOOKUP_SECONDS = 5;
    private ServiceResolver() {
    }

    /** A service ID and its name ("" when unknown). */
    record Service(String id, String name) {
        String label() {
            return name.isBlank() ? id : name + " (" + id + ")";
        }
    }

    /**
     * Which service was asked for, worked out without any request, so that a usage error is found before the token
     * is sent anywhere.
     *
     * @param value           an ID or an exact name
     * @param knownName       the key set's record of the name, or ""
     * @param fromEnvironment whether FASTLY_SERVICE_ID gave it
     */
    record Choice(String value, String knownName, boolean fromEnvironment) {
        boolean byId() {
            return Validation.serviceIdProblem(value).isEmpty();
        }
    }

    /** The service asked for; null only for URL purges given none. Sends nothing. */
    static Choice choose(CliContext ctx, String option, KeySet set, PurgeKind kind) {
        String value = option;
        String knownName = "";
        if (value == null && set != null && !set.serviceId().isBlank()) {
            value = set.serviceId();
            knownName = set.serviceName();
        }
        boolean fromEnvironment = value == null;
        if (fromEnvironment) {
            value = EnvironmentConnection.serviceId(ctx.env()).orElse(null);
        }
        if (value == null || value.isBlank()) {
            if (kind == PurgeKind.URL) {
                return null;
            }
            throw CliFailure.usage("no service given: use --service ID|NAME or set FASTLY_SERVICE_ID");
        }
        return new Choice(value.strip(), knownName, fromEnvironment);
    }

    /**
     * The chosen service with its ID and name, looked up as needed; null when {@code choice} is.
     *
     * @param recorded whether the history records the service: not for URL purges, which go to each URL whatever
     *                 the service (see {@code JobRecording.context}), so an ID is then used as given, with no request
     */
    static Service resolve(Choice choice, CliClient client, boolean recorded) {
        if (choice == null) {
            return null;
        }
        if (choice.byId()) {
            return recorded ? byId(choice.value(), choice.knownName(), client.quick())
                    : new Service(choice.value(), choice.knownName());
        }
        try {
            return byName(choice.value(), client.client());
        } catch (CliFailure e) {
            // Say where a name came from: a stale FASTLY_SERVICE_ID in a CI setting is easy to overlook.
            throw choice.fromEnvironment() ? e.prefixed("FASTLY_SERVICE_ID: ") : e;
        }
    }

    /**
     * An ID is used as given; {@code GET /service/{id}} only adds its name (one request, where listing an account's
     * services takes a page per hundred), so a token that may not read services is fine.
     */
    private static Service byId(String id, String knownName, FastlyClient quick) {
        String name = lookUp(quick.service(id)).map(ServiceInfo::name).filter(n -> !n.isBlank()).orElse(knownName);
        return new Service(id, name == null ? "" : name);
    }

    private static Service byName(String name, FastlyClient client) {
        List<ServiceInfo> all;
        try {
            all = client.listServices().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw CliFailure.failed("could not look up the service named " + TerminalText.quoted(name) + ": "
                    + FastlyApiException.plainMessage(e, "no usable answer (" + e.getClass().getSimpleName() + ").")
                    + " Nothing was purged.");
        }
        List<ServiceInfo> exact = all.stream().filter(s -> name.equals(s.name())).toList();
        if (exact.isEmpty()) {
            exact = all.stream().filter(s -> ServiceNames.matches(name, s.name())).toList();
        }
        if (exact.size() == 1) {
            return new Service(exact.get(0).id(), exact.get(0).name());
        }
        if (exact.size() > 1) {
            throw CliFailure.usage("several services are named " + TerminalText.quoted(name) + " ("
                    + exact.stream().map(s -> TerminalText.quoted(s.name()) + " " + s.id())
                    .collect(Collectors.joining(", ")) + "); use the ID");
        }
        String near = ServiceNames.nearest(name, all.stream().map(ServiceInfo::name).toList())
                .map(n -> "; did you mean " + TerminalText.quoted(n) + "?").orElse("");
        throw CliFailure.usage("there is no service named " + TerminalText.quoted(name) + " among the " + all.size()
                + " services this token can see" + near);
    }

    /** The answer, or empty when there is none within a few seconds: the name is only for the record. */
    private static <T> Optional<T> lookUp(CompletableFuture<T> answer) {
        try {
            return Optional.of(answer.get(LOOKUP_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            answer.cancel(true);
            return Optional.empty();
        }
    }
}
