package dev.purgedeck.keysets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purgedeck.fastly.Validation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a JSON array of set objects into key sets, leaving out (and reporting) whatever is wrong: a set without a
 * usable name, a second set with the same name, an invalid key, service ID, soft flag or time. Unknown fields are
 * ignored so files from newer versions still read.
 */
final class KeySetJsonReader {
    private final List<KeySet> sets = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private KeySetJsonReader() {
    }

    static ImportResult read(JsonNode array) {
        KeySetJsonReader r = new KeySetJsonReader();
        array.forEach(r::readSet);
        return new ImportResult(r.sets, r.problems);
    }

    private void readSet(JsonNode o) {
        if (!o.isObject()) {
            problems.add(new ImportProblem("", 0, shown(o), "is not a key set (expected an object with a name and keys)"));
            return;
        }
        JsonNode nameNode = o.path("name");
        if (!nameNode.isTextual()) {
            problems.add(new ImportProblem("", 0, nameNode.isMissingNode() ? "" : shown(nameNode),
                    "A key set has no name; it was left out."));
            return;
        }
        String name = nameNode.asText().strip();
        Optional<String> nameProblem = KeySet.nameProblem(name);
        if (nameProblem.isPresent()) {
            problems.add(new ImportProblem("", 0, Validation.printable(name), nameProblem.get() + " The set was left out."));
            return;
        }
        if (!seen.add(Names.fold(name))) {
            problems.add(new ImportProblem(name, 0, name, "Another set in the file has this name; only the first was kept."));
            return;
        }
        String serviceId = text(o.path("service_id"));
        String serviceName = text(o.path("service_name"));
        Optional<String> serviceProblem = KeySet.serviceProblem(serviceId.strip(), serviceName.strip());
        if (serviceProblem.isPresent()) {
            problems.add(new ImportProblem(name, 0, serviceId, serviceProblem.get() + " The set was kept without a service."));
            serviceId = "";
            serviceName = "";
        }
        try {
            sets.add(new KeySet(name, text(o.path("description")), serviceId, serviceName, keys(name, o.path("keys")),
                    soft(name, o.path("soft")), time(name, o, "created"), time(name, o, "updated"),
                    sampleUrls(name, o.path("sample_urls"))));
        } catch (InvalidKeySetException e) {
            // Not expected after the checks above; reported rather than thrown so one set cannot spoil the rest.
            problems.add(new ImportProblem(name, 0, "", e.getMessage()));
        }
    }

    private List<String> keys(String set, JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return keys;
        }
        if (!node.isArray()) {
            problems.add(new ImportProblem(set, 0, shown(node), "\"keys\" is not a list; the set was kept with no keys."));
            return keys;
        }
        int position = 0;
        for (JsonNode k : node) {
            position++;
            if (!k.isTextual()) {
                problems.add(new ImportProblem(set, position, shown(k), "is not text"));
                continue;
            }
            Optional<String> problem = Validation.keyProblem(k.asText());
            if (problem.isPresent()) {
                problems.add(new ImportProblem(set, position, Validation.printable(k.asText()), problem.get()));
            } else {
                keys.add(k.asText());
            }
        }
        return keys;
    }

    /** Pages to check after a purge; a bad or surplus one is left out and reported, the set kept. */
    private List<String> sampleUrls(String set, JsonNode node) {
        List<String> urls = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return urls;
        }
        if (!node.isArray()) {
            problems.add(new ImportProblem(set, 0, shown(node), "\"sample_urls\" is not a list; it was left out."));
            return urls;
        }
        int position = 0;
        for (JsonNode u : node) {
            position++;
            Optional<String> problem = u.isTextual() ? SampleUrls.problem(u.asText()) : Optional.of("is not text");
            if (problem.isPresent()) {
                problems.add(new ImportProblem(set, position, shown(u), "sample URL " + problem.get()));
            } else if (urls.size() >= SampleUrls.MAX) {
                problems.add(new ImportProblem(set, position, shown(u), "is past the " + SampleUrls.MAX
                        + " sample URLs a set can hold; it was left out"));
            } else {
                urls.add(SampleUrls.normalize(u.asText()));
            }
        }
        return SampleUrls.lenient(urls);
    }

    private boolean soft(String set, JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (!node.isMissingNode() && !node.isNull()) {
            problems.add(new ImportProblem(set, 0, shown(node), "\"soft\" is not true or false; hard purge was assumed."));
        }
        return false;
    }

    private Instant time(String set, JsonNode o, String field) {
        JsonNode node = o.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(set, 0, shown(node), "\"" + field + "\" is not an ISO-8601 time; it was left out."));
            return null;
        }
    }

    /** Text fields tolerate numbers and booleans (written by hand or by another tool); objects and arrays are ignored. */
    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : "";
    }

    private static String shown(JsonNode node) {
        return Validation.printable(node.isTextual() ? node.asText() : node.toString());
    }
}
