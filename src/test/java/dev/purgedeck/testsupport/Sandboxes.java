package dev.purgedeck.testsupport;

import dev.purgedeck.sandbox.CachedObject;
import dev.purgedeck.sandbox.DemoService;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Starts sandboxes for tests and reads their simulated cache. */
public final class Sandboxes {
    private Sandboxes() {
    }

    public static SandboxServer start() {
        return start(SandboxConfig.defaults());
    }

    public static SandboxServer start(SandboxConfig config) {
        try {
            return SandboxServer.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DemoService firstService(SandboxServer s) {
        return s.account().services().get(0);
    }

    /** URL → state of every object of a service's production cache. */
    public static Map<String, ObjectState> states(SandboxServer s, String serviceId) {
        return s.cache().objects(serviceId).stream()
                .collect(Collectors.toMap(CachedObject::url, CachedObject::state, (a, b) -> a));
    }

    public static Map<String, ObjectState> states(SandboxServer s, String serviceId, String environment) {
        return s.cache().objects(serviceId, environment).stream()
                .collect(Collectors.toMap(CachedObject::url, CachedObject::state, (a, b) -> a));
    }

    /** A cached object of the service that matches, or fails the test. */
    public static CachedObject object(SandboxServer s, String serviceId, Function<CachedObject, Boolean> which) {
        List<CachedObject> all = s.cache().objects(serviceId);
        return all.stream().filter(which::apply).findFirst()
                .orElseThrow(() -> new AssertionError("no matching demo object in " + all));
    }
}
