package dev.purgedeck.testsupport;

import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox per test class, reset before each test (fresh cache, no faults, empty request log). Use as
 * {@code @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();}.
 */
public final class SandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final SandboxConfig config;
    private SandboxServer server;

    public SandboxExtension() {
        this(SandboxConfig.defaults());
    }

    public SandboxExtension(SandboxConfig config) {
        this.config = config;
    }

    public SandboxServer server() {
        return server;
    }

    /** The ID of the first demo service. */
    public String service() {
        return Sandboxes.firstService(server).id();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = Sandboxes.start(config);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.cache().reseed();
        server.clearFaults();
        server.requests().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
