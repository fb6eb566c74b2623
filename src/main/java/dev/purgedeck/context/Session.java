package dev.purgedeck.context;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.settings.Connection;
import dev.purgedeck.settings.Profile;

/**
 * Everything that belongs to the profile in use: where purges go, with which token, through which client. Switching
 * profile makes a new session; the stores (history, key sets, settings) stay.
 *
 * @param profile    the profile, or null for a session a test set up directly
 * @param connection endpoint and token
 * @param client     the Fastly client on that connection
 * @param runner     the bulk runner on that client
 */
public record Session(Profile profile, Connection connection, FastlyClient client, BulkPurgeRunner runner) {
    /** The profile's name for the history, "default" when there is none. */
    public String profileName() {
        return profile == null ? "default" : profile.name();
    }

    /** Where this session's purges go, as the history records it. */
    public JobRecording.Origin origin() {
        return new JobRecording.Origin(profileName(), connection.kindId(), connection.endpoint().toString());
    }
}
