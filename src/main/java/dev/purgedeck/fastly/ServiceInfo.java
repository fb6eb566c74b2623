package dev.purgedeck.fastly;

/**
 * A Fastly service as the service list shows it.
 *
 * @param id      the service ID
 * @param name    its name (may be empty)
 * @param type    "vcl" or "wasm"
 * @param version its current version number, 0 when unknown
 */
public record ServiceInfo(String id, String name, String type, int version) {
    /** A service known only by its ID and perhaps a name (typed by the user, or saved with a key set). */
    public static ServiceInfo named(String id, String name) {
        return new ServiceInfo(id, name == null ? "" : name, "", 0);
    }

    /** "Name (ID)" or just the ID when the service has no name. */
    public String label() {
        return name == null || name.isBlank() ? id : name + " (" + id + ")";
    }
}
