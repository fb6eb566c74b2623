package dev.purgedeck.cli;

import dev.purgedeck.testsupport.SandboxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command-line test against a sandbox (one per test class, reset before each test): {@link #cli} runs commands
 * with the sandbox's address and global token and a data directory of its own; {@link #service} is the first demo
 * service. A subclass's own {@code @BeforeEach} runs after this one.
 */
abstract class SandboxCliTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    @TempDir
    Path tmp;
    CliHarness cli;
    String service;

    @BeforeEach
    void openHarness() {
        cli = new CliHarness(tmp, SANDBOX.server());
        service = SANDBOX.service();
    }
}
