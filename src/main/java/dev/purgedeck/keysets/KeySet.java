package dev.purgedeck.keysets;

import dev.purgedeck.fastly.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A named list of surrogate keys purged together, with the service and the soft/hard choice it goes with.
 *
 * <p>Absent text fields are {@code ""}, never null. The times are null until a {@link KeySetStore} saves the set;
 * the store, not the withers, sets them.
 *
 * @param name        unique among the sets ignoring case; 1–80 characters after trimming, no control characters
 * @param description optional free text, trimmed
 * @param serviceId   optional ID of the service the set belongs to ("" for none)
 * @param serviceName that service's name as last seen, for display ("" when unknown); needs a service ID
 * @param keys        valid surrogate keys, de-duplicated, in the order first given; may be empty
 * @param soft        whether a purge of this set is soft by default
 * @param sampleUrls  pages that show whether a purge of the set worked, looked at after it (verified purges);
 *                    normalised (https when typed without a scheme), de-duplicated, at most {@link SampleUrls#MAX}
 */
public record KeySet(String name, String description, String serviceId, String serviceName, List<String> keys,
                     boolean soft, Instant created, Instant updated, List<String> sampleUrls) {

    public KeySet {
        name = checkName(name);
        description = description == null ? "" : description.strip();
        serviceId = serviceId == null ? "" : serviceId.strip();
        serviceName = serviceName == null ? "" : serviceName.strip();
        Optional<String> serviceProblem = serviceProblem(serviceId, serviceName);
        if (serviceProblem.isPresent()) {
            throw new InvalidKeySetException(serviceProblem.get());
        }
        keys = checkKeys(keys);
        sampleUrls = SampleUrls.check(sampleUrls);
    }

    /** A set without sample URLs (as every set was before they existed). */
    public KeySet(String name, String description, String serviceId, String serviceName, List<String> keys,
                  boolean soft, Instant created, Instant updated) {
        this(name, description, serviceId, serviceName, keys, soft, created, updated, List.of());
    }

    /** A new, unsaved set with no description, no service, hard purge. */
    public static KeySet of(String name, List<String> keys) {
        return new KeySet(name, "", "", "", keys, false, null, null);
    }

    public KeySet withName(String newName) {
        return new KeySet(newName, description, serviceId, serviceName, keys, soft, created, updated, sampleUrls);
    }

    public KeySet withDescription(String newDescription) {
        return new KeySet(name, newDescription, serviceId, serviceName, keys, soft, created, updated, sampleUrls);
    }

    public KeySet withKeys(List<String> newKeys) {
        return new KeySet(name, description, serviceId, serviceName, newKeys, soft, created, updated, sampleUrls);
    }

    /** Sets (or, with blank values, clears) the service the set belongs to. */
    public KeySet withService(String id, String serviceName) {
        return new KeySet(name, description, id, serviceName, keys, soft, created, updated, sampleUrls);
    }

    public KeySet withSoft(boolean newSoft) {
        return new KeySet(name, description, serviceId, serviceName, keys, newSoft, created, updated, sampleUrls);
    }

    /** The same set with these pages to check after a purge. */
    public KeySet withSampleUrls(List<String> urls) {
        return new KeySet(name, description, serviceId, serviceName, keys, soft, created, updated, urls);
    }

    KeySet withTimes(Instant newCreated, Instant newUpdated) {
        return new KeySet(name, description, serviceId, serviceName, keys, soft, newCreated, newUpdated, sampleUrls);
    }

    /** Why {@code name} cannot name a set (checked after trimming), or empty when it can. */
    public static Optional<String> nameProblem(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return Optional.of("A key set needs a name.");
        }
        int length = n.codePointCount(0, n.length());
        if (length > Names.MAX_LENGTH) {
            return Optional.of("A key set name can be at most " + Names.MAX_LENGTH + " characters; this one has " + length + ".");
        }
        if (n.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("A key set name cannot contain line breaks, tabs or other control characters.");
        }
        return Optional.empty();
    }

    /** Why this service ID and name cannot go with a set (both already trimmed), or empty when they can. */
    static Optional<String> serviceProblem(String id, String serviceName) {
        if (id.isEmpty()) {
            // A name alone cannot be purged and would look as if the set had a service.
            return serviceName.isEmpty() ? Optional.empty()
                    : Optional.of("The service '" + serviceName + "' has no service ID.");
        }
        return Validation.serviceIdProblem(id).map(p -> "The service ID '" + Validation.printable(id) + "' " + p + ".");
    }

    private static String checkName(String name) {
        nameProblem(name).ifPresent(p -> {
            throw new InvalidKeySetException(p);
        });
        return name.strip();
    }

    private static List<String> checkKeys(List<String> keys) {
        if (keys == null) {
            return List.of();
        }
        List<String> bad = new ArrayList<>();
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        int position = 0;
        for (String key : keys) {
            position++;
            Optional<String> problem = Validation.keyProblem(key);
            if (problem.isPresent()) {
                bad.add("key " + position + " '" + Validation.printable(key == null ? "" : key) + "' " + problem.get());
            } else {
                unique.add(key);
            }
        }
        if (!bad.isEmpty()) {
            String listed = String.join("; ", bad.subList(0, Math.min(5, bad.size())));
            throw new InvalidKeySetException((bad.size() == 1 ? "A key is not valid: " : bad.size() + " keys are not valid: ")
                    + listed + (bad.size() > 5 ? "; and " + (bad.size() - 5) + " more." : "."));
        }
        return List.copyOf(unique);
    }
}
