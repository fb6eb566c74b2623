package dev.purgedeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The window draws with JavaFX's software renderer only where OpenGL could not use a GPU anyway. */
class RenderingPipelineTest {
    private static final String LINUX = "Linux";

    @Test
    void aLinuxMachineWithoutAGraphicsDeviceGetsTheSoftwareRenderer() {
        assertThat(RenderingPipeline.choose(LINUX, null, Set.<Path>of()::contains)).contains("sw");
    }

    @Test
    void aDrmDeviceKeepsJavaFxsOwnChoice() {
        assertThat(RenderingPipeline.choose(LINUX, null, Set.of(Path.of("/dev/dri"))::contains)).isEmpty();
    }

    @Test
    void nvidiasOwnDriverWithoutDrmKeepsJavaFxsOwnChoice() {
        assertThat(RenderingPipeline.choose(LINUX, null, Set.of(Path.of("/dev/nvidiactl"))::contains)).isEmpty();
    }

    @Test
    void anOrderTheUserSetIsKept() {
        assertThat(RenderingPipeline.choose(LINUX, "es2,sw", Set.<Path>of()::contains)).isEmpty();
    }

    @Test
    void otherSystemsAreLeftAlone() {
        assertThat(RenderingPipeline.choose("Windows 11", null, Set.<Path>of()::contains)).isEmpty();
        assertThat(RenderingPipeline.choose("Mac OS X", null, Set.<Path>of()::contains)).isEmpty();
    }
}
