package dev.purgedeck.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.RetryScheduler;
import java.net.URI;
import java.net.http.HttpClient;

/** Starts pollers of one connection's real-time stats; built by the composition root per session. */
public final class RealtimeStats {
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final URI base;
    private final ApiToken token;
    private final RetryScheduler scheduler;

    public RealtimeStats(HttpClient http, ObjectMapper mapper, URI base, ApiToken token, RetryScheduler scheduler) {
        this.http = http;
        this.mapper = mapper;
        this.base = base;
        this.token = token;
        this.scheduler = scheduler;
    }

    /** Starts following a service; the caller closes the poller when it no longer looks. */
    public RealtimePoller follow(String serviceId, RealtimePoller.Listener listener) {
        RealtimePoller p = new RealtimePoller(http, mapper, base, token, serviceId, scheduler, listener);
        p.start();
        return p;
    }
}
