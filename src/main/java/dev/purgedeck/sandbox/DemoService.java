package dev.purgedeck.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * A service in the sandbox's demo account.
 *
 * @param id      22-character alphanumeric service id, stable across runs
 * @param name    human-readable service name
 * @param domains the host names the service answers for (lower case)
 */
public record DemoService(String id, String name, List<String> domains) {

    /** Copies the domain list so the record stays immutable. */
    public DemoService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        domains = List.copyOf(domains);
    }
}
