package dev.purgedeck.fastly;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes purges as the shell commands that send the same requests, for tickets and runbooks: as {@code curl}
 * commands, request for request as this client sends them, or as {@code fastly purge} commands of the Fastly CLI.
 * The token is always written as {@value #TOKEN}, never the token itself (docs/fastly-api.md §14.4).
 */
public final class PurgeCommands {
    /** How the commands name the token: the variable the Fastly CLI reads as well. */
    public static final String TOKEN = "$FASTLY_API_TOKEN";
    /** The Fastly CLI sends a file's keys in one {@code Surrogate-Key} header, which Fastly reads up to 16,384 bytes. */
    static final int MAX_HEADER_BYTES = 16_384;
    // No key can be this line: keys hold no spaces (docs/fastly-api.md §11), so the here-doc cannot end early.
    private static final String HEREDOC_END = "END OF KEYS";

    private final String endpoint;
    private final boolean withToken;

    /**
     * @param endpoint  the API base URL the app sends to (the sandbox's loopback URL on the sandbox)
     * @param withToken whether the app sends a token, so whether the commands should
     */
    public PurgeCommands(URI endpoint, boolean withToken) {
        String s = endpoint.toString();
        this.endpoint = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.withToken = withToken;
    }

    /** The commands for what {@code config}'s client would send. */
    public static PurgeCommands of(ClientConfig config) {
        return new PurgeCommands(config.endpoint(), config.token() != null);
    }

    /**
     * One purged item as a row shows it (results, history).
     *
     * @param target the URL, the key, or for purge-all the service ID
     */
    public record Item(PurgeKind kind, String serviceId, String target, PurgeOptions options) {
    }

    /** Items gathered into requests: one per kind, service and options, in the order they first appear. */
    public static List<JobRequest> group(List<Item> items) {
        Map<List<Object>, List<String>> groups = new LinkedHashMap<>();
        Map<List<Object>, Item> firsts = new LinkedHashMap<>();
        for (Item i : items) {
            String service = i.kind() == PurgeKind.URL ? null : i.serviceId();
            List<Object> key = java.util.Arrays.asList(i.kind(), service, i.options());
            firsts.putIfAbsent(key, i);
            List<String> targets = groups.computeIfAbsent(key, k -> new ArrayList<>());
            if (!targets.contains(i.target())) {
                targets.add(i.target());
            }
        }
        List<JobRequest> out = new ArrayList<>();
        groups.forEach((key, targets) -> {
            Item first = firsts.get(key);
            String service = first.kind() == PurgeKind.URL ? null : first.serviceId();
            out.add(new JobRequest(service, first.kind(), targets, first.options(), 1));
        });
        return out;
    }

    /** One {@code curl} command per request the client sends (keys in batches of 256 with a JSON body), one a line. */
    public String curl(List<JobRequest> requests) {
        List<String> lines = new ArrayList<>();
        for (JobRequest r : requests) {
            switch (r.kind()) {
                case URL -> r.targets().forEach(url -> lines.add(curl(r, "/purge/" + url, null)));
                case KEY -> KeyBatcher.batches(r.targets()).forEach(batch ->
                        lines.add(curl(r, "/service/" + r.serviceId() + "/purge", keysJson(batch))));
                case ALL -> lines.add(curl(r, "/service/" + r.serviceId() + "/purge_all", null));
                default -> throw new IllegalArgumentException("No purge of kind " + r.kind());
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private String curl(JobRequest r, String path, String jsonBody) {
        // --globoff: curl would otherwise read [] and {} in a URL as its own patterns and send other requests.
        StringBuilder b = new StringBuilder("curl -sS -X POST --globoff ").append(ShellWords.quote(endpoint + path))
                .append(" -H ").append(ShellWords.quote("Accept: application/json"));
        if (withToken) {
            b.append(" -H \"Fastly-Key: ").append(TOKEN).append('"'); // double quotes: the shell fills in the token
        }
        headers(r.options()).forEach(h -> b.append(" -H ").append(ShellWords.quote(h)));
        if (jsonBody != null) {
            b.append(" -H ").append(ShellWords.quote("Content-Type: application/json"))
                    .append(" --data-binary ").append(ShellWords.quote(jsonBody));
        }
        return b.toString();
    }

    private static List<String> headers(PurgeOptions options) {
        List<String> h = new ArrayList<>();
        if (options.soft()) {
            h.add("Fastly-Soft-Purge: 1");
        }
        if (options.environment() == PurgeOptions.Environment.STAGING) {
            h.add("Fastly-Purge-Environment: staging");
        }
        return h;
    }

    private static String keysJson(List<String> keys) {
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        StringBuilder b = new StringBuilder("{\"surrogate_keys\":[");
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "\"" : ",\"").append(json.quoteAsString(keys.get(i))).append('"');
        }
        return b.append("]}").toString();
    }

    /**
     * The same purges as {@code fastly purge} commands (docs/fastly-api.md §14): one {@code --url} each, one
     * {@code --key} for a single key, else {@code --file}s written by here-docs, since the CLI sends a whole file
     * in one request: at most 256 keys and 16,384 header bytes each. The CLI reads the token from the environment.
     */
    public String fastlyCli(List<JobRequest> requests) {
        List<String> lines = new ArrayList<>();
        lines.add("# The Fastly CLI reads your token from " + TOKEN.substring(1) + ".");
        String env = cliEnvironment();
        int files = 0;
        for (JobRequest r : requests) {
            if (r.options().environment() == PurgeOptions.Environment.STAGING) {
                lines.add("# Left out: " + r.targets().size() + " staging purge(s); the Fastly CLI cannot purge staging"
                        + " (Fastly-Purge-Environment). Copy as curl instead.");
                continue;
            }
            String soft = r.options().soft() ? " --soft" : "";
            String service = r.serviceId() == null ? "" : " --service-id " + ShellWords.quote(r.serviceId());
            switch (r.kind()) {
                case URL -> r.targets().forEach(u -> lines.add(env + "fastly purge --url " + ShellWords.quote(u) + soft));
                case ALL -> lines.add(env + "fastly purge" + service + " --all");
                case KEY -> {
                    for (List<String> batch : cliBatches(r.targets())) {
                        if (batch.size() == 1) {
                            lines.add(env + "fastly purge" + service + " --key " + ShellWords.quote(batch.get(0)) + soft);
                            continue;
                        }
                        String file = "purge-keys-" + (++files) + ".txt";
                        lines.add("cat > " + file + " <<'" + HEREDOC_END + "'");
                        lines.addAll(batch);
                        lines.add(HEREDOC_END);
                        lines.add(env + "fastly purge" + service + " --file " + file + soft);
                    }
                }
                default -> throw new IllegalArgumentException("No purge of kind " + r.kind());
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** Keys split so that each file's {@code Surrogate-Key} header stays within Fastly's limits. */
    static List<List<String>> cliBatches(List<String> keys) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String key : keys) {
            int size = key.length() + (current.isEmpty() ? 0 : 1); // keys are ASCII: a char is a byte
            if (!current.isEmpty() && (current.size() == KeyBatcher.MAX_KEYS_PER_REQUEST
                    || bytes + size > MAX_HEADER_BYTES)) {
                out.add(List.copyOf(current));
                current.clear();
                size = key.length();
                bytes = 0;
            }
            current.add(key);
            bytes += size;
        }
        if (!current.isEmpty()) {
            out.add(List.copyOf(current));
        }
        return out;
    }

    /**
     * Variables that point the CLI at this endpoint; on this computer (the sandbox) it needs its account endpoint too
     * (docs/fastly-api.md §14.3).
     */
    private String cliEnvironment() {
        if (endpoint.equals(ClientConfig.FASTLY_API.toString())) {
            return "";
        }
        String e = "FASTLY_API_ENDPOINT=" + ShellWords.quote(endpoint) + " ";
        String host = URI.create(endpoint).getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        return loopback ? e + "FASTLY_ACCOUNT_ENDPOINT=" + ShellWords.quote(endpoint) + " " : e;
    }
}
