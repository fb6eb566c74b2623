package dev.purgedeck.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks JavaFX's own software renderer up front on a Linux machine without a graphics device, where its OpenGL
 * pipeline ends up there anyway (docs/performance.md §9).
 */
public final class RenderingPipeline {
    /** JavaFX's system property: the renderers to try, in order. */
    static final String PRISM_ORDER = "prism.order";
    /**
     * A GPU's device nodes: the kernel's DRM (Intel, AMD, nouveau, virtual GPUs, NVIDIA with nvidia-drm) and NVIDIA's
     * own. installer/build.sh's Linux launcher checks the same two before it keeps GTK from loading OpenGL.
     */
    static final List<Path> GPU_DEVICES = List.of(Path.of("/dev/dri"), Path.of("/dev/nvidiactl"));

    private RenderingPipeline() {
    }

    /** Whether this machine shows a graphics device; true on any system but Linux, where it is not checked. */
    public static boolean gpuPresent() {
        return gpuPresent(System.getProperty("os.name", ""), Files::exists);
    }

    static boolean gpuPresent(String osName, Predicate<Path> exists) {
        return !osName.startsWith("Linux") || GPU_DEVICES.stream().anyMatch(exists);
    }

    /**
     * The renderer order to set, if any. Without a GPU, OpenGL on Linux is Mesa's software rasteriser, which JavaFX's
     * hardware check rejects before falling back to its software renderer; finding that out loads Mesa and its LLVM
     * (about 50 MB resident for the life of the window) and a second of start-up on a busy machine. A choice the
     * user made ({@code -Dprism.order=...}) is kept.
     */
    static Optional<String> choose(String osName, String prismOrder, Predicate<Path> exists) {
        if (prismOrder != null || gpuPresent(osName, exists)) {
            return Optional.empty();
        }
        return Optional.of("sw");
    }

    /** Sets the choice for this process; called before the toolkit starts. */
    static void apply() {
        choose(System.getProperty("os.name", ""), System.getProperty(PRISM_ORDER), Files::exists)
                .ifPresent(order -> System.setProperty(PRISM_ORDER, order));
    }
}
