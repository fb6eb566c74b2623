package dev.purgedeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of docs/architecture.md §1 and §3: the core never imports JavaFX or the UI, and the sandbox stands
 * alone.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/purgedeck");
    private static final List<String> CORE = List.of("fastly", "sandbox", "history", "keysets", "settings");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void corePackagesImportNoJavaFxAndNoUi() throws IOException {
        for (String pkg : CORE) {
            for (Path file : javaFiles(MAIN.resolve(pkg))) {
                assertThat(imports(file)).as(file.toString())
                        .noneMatch(i -> i.startsWith("javafx.") || i.startsWith("org.controlsfx") || i.startsWith("atlantafx")
                                || i.startsWith("dev.purgedeck.ui") || i.startsWith("dev.purgedeck.app"));
            }
        }
    }

    @Test
    void sandboxDependsOnlyOnTheJdkAndJackson() throws IOException {
        List<Path> files = javaFiles(MAIN.resolve("sandbox"));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(imports(file)).as(file.toString()).allMatch(i -> i.startsWith("java.") || i.startsWith("javax.")
                    || i.startsWith("com.sun.net.httpserver") || i.startsWith("com.fasterxml.jackson")
                    || i.startsWith("dev.purgedeck.sandbox"));
        }
    }

    @Test
    void theClientDoesNotKnowTheSandbox() throws IOException {
        for (Path file : javaFiles(MAIN.resolve("fastly"))) {
            assertThat(imports(file)).as(file.toString()).noneMatch(i -> i.startsWith("dev.purgedeck.sandbox"));
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static List<String> imports(Path file) throws IOException {
        Matcher m = IMPORT.matcher(Files.readString(file));
        return m.results().map(r -> r.group(1)).toList();
    }
}
