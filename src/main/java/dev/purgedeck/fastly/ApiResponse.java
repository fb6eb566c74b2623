package dev.purgedeck.fastly;

import java.net.http.HttpResponse;
import java.time.Duration;

/** A successful answer together with how many attempts and how long it took. */
record ApiResponse(HttpResponse<String> http, int attempts, Duration elapsed) {
}
