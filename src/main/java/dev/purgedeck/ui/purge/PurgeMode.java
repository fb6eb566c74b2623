package dev.purgedeck.ui.purge;

/** What the console purges: URLs, surrogate keys, or everything on the service. */
public enum PurgeMode {
    URLS("URLs"), KEYS("Surrogate keys"), ALL("Everything");

    private final String label;

    PurgeMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
