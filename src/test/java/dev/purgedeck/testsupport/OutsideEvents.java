package dev.purgedeck.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** Adds a purge-all "made outside PurgeDeck" to a sandbox's event log through its admin API. */
public final class OutsideEvents {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OutsideEvents() {
    }

    public static void purgeAll(URI sandbox, String serviceId, String userId, String ip, Instant at) {
        String body = "{\"service_id\":\"" + serviceId + "\",\"user_id\":\"" + userId + "\",\"ip\":\"" + ip
                + "\",\"created_at\":\"" + at + "\"}";
        HttpRequest req = HttpRequest.newBuilder(sandbox.resolve("/_sandbox/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("sandbox refused the event: " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
