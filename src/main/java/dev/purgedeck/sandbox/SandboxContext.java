package dev.purgedeck.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;

/** Everything the routes of one server share; built once per {@link SandboxServer}, never static. */
record SandboxContext(SandboxConfig config, DemoAccount account, EdgeCache cache, EdgeNetwork edge, Auth auth,
        PurgeIds ids, PurgeAllLimiter limiter, FaultInjector faults, RequestLog log, RequestLog edgeLog,
        EventLog events, ObjectMapper mapper, Clock clock) {
}
