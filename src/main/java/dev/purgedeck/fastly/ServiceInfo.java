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
    /** "Name (ID)" or just the ID when the service has no name. */
    public String label() {
        return name == null || name.isBlank() ? id : name + " (" + id + ")";
    }
}
