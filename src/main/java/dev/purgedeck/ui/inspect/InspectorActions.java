package dev.purgedeck.ui.inspect;

import java.util.List;
import java.util.Optional;

/** What the inspector asks of the rest of the window: the console and the key sets, which it does not own. */
public interface InspectorActions {
    /**
     * Puts {@code url} in the console in URL mode and purges it the usual way, with the usual confirmations.
     *
     * @return why it could not, e.g. a purge is running; empty when the purge was started or is being confirmed
     */
    Optional<String> purgeUrl(String url);

    /** Adds {@code keys} to the console's key editor and shows it in keys mode, on the page's service if known. */
    void addKeys(List<String> keys, String pageUrl);

    /** Asks for a name and saves {@code keys} as a new key set. */
    void saveKeySet(List<String> keys);
}
