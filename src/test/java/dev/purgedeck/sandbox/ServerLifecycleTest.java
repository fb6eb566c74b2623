package dev.purgedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    @Test
    void bindsLoopbackAndReportsItsAddress() throws IOException {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults())) {
            assertThat(server.port()).isPositive();
            assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.account().services()).hasSize(5);
            assertThat(server.requests().count()).isZero();
        }
    }

    @Test
    void usesTheConfiguredPortAndFreesItOnClose() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SandboxServer server = SandboxServer.start(SandboxConfig.builder().port(port).build());
        assertThat(server.port()).isEqualTo(port);

        server.close();
        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }
}
