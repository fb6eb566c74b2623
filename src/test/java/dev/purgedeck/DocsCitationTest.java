package dev.purgedeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the project's knowledge inside the project: every {@code *.md} file that code, tests or scripts cite exists
 * in the repository, and every {@code §N} they cite is a heading of it, so a newcomer who clones the repository can
 * check every fact the code relies on.
 */
class DocsCitationTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    private static final List<String> SCANNED = List.of("src", "installer", ".ci", "pom.xml");
    /** This file names bad citations on purpose, to show they are caught. */
    private static final Path SELF = Path.of("src/test/java/dev/purgedeck/DocsCitationTest.java");
    private static final Pattern MD = Pattern.compile("[A-Za-z0-9_.~/:-]*[A-Za-z0-9_-]\\.md(?![A-Za-z0-9_])");
    private static final Pattern SECTION = Pattern.compile("§(\\d+[a-z]?(?:\\.\\d+)?)");
    private static final Pattern HEADING =
            Pattern.compile("^#{1,6}\\s+§(\\d+[a-z]?(?:\\.\\d+)?)\\b", Pattern.MULTILINE);

    private final Map<Path, Set<String>> headings = new HashMap<>();

    @Test
    void everyCitedDocumentAndSectionIsInTheRepository() throws IOException {
        List<String> problems = new ArrayList<>();
        int citations = 0;
        for (Path file : scannedFiles()) {
            String text = readText(file);
            if (text != null) {
                citations += (int) MD.matcher(text).results().count();
                problems.addAll(problems(ROOT.relativize(file).toString(), text));
            }
        }
        assertThat(citations).as("citations found; the scan must see the code's comments").isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void outOfRepositoryPathsMissingFilesUnknownSectionsAndBareSectionSignsAreCaught() {
        String text = String.join("\n",
                "// Fastly facts: ../shared/fastly-api.md §6",
                "// see /work/shared/TOOLCHAIN.md",
                "// see fastly-api.md §3 (a bare name: not in the repository's root)",
                "// docs/fastly-api.md §99 does not exist",
                "// go-fastly says 400 here (§8.3)",
                "// fine: docs/fastly-api.md §3c, §10.4 and docs/development.md §1; README.md",
                "// fine: https://github.com/JabRef/jabref/blob/main/docs/code-howtos/javafx.md");

        List<String> problems = problems("Example.java", text);

        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).contains("../shared/fastly-api.md", "outside the repository");
        assertThat(problems.get(1)).contains("/work/shared/TOOLCHAIN.md", "outside the repository");
        assertThat(problems.get(2)).contains("fastly-api.md", "no such file");
        assertThat(problems.get(3)).contains("§99", "docs/fastly-api.md");
        assertThat(problems.get(4)).contains("§8.3", "names no document");
    }

    /** What is wrong with the citations in one file's text, one line each, in the order they appear. */
    private List<String> problems(String where, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String at = where + ":" + (i + 1) + ": ";
            List<Citation> citations = new ArrayList<>();
            Matcher md = MD.matcher(lines[i]);
            while (md.find()) {
                String name = md.group();
                if (name.contains("://")) {
                    continue; // a web address, e.g. another project's docs on GitHub
                }
                Path resolved = ROOT.resolve(name).normalize();
                if (name.startsWith("/") || !resolved.startsWith(ROOT)) {
                    out.add(at + name + " is outside the repository: cite the file under docs/ instead");
                    resolved = null;
                } else if (!Files.isRegularFile(resolved)) {
                    out.add(at + name + ": no such file in the repository (cite it from the root, e.g. docs/x.md)");
                    resolved = null;
                }
                citations.add(new Citation(md.end(), resolved));
            }
            Matcher section = SECTION.matcher(lines[i]);
            while (section.find()) {
                Citation before = null;
                for (Citation c : citations) {
                    if (c.end() <= section.start()) {
                        before = c;
                    }
                }
                String id = section.group(1);
                if (before == null) {
                    out.add(at + "§" + id + " names no document: write docs/<file>.md §N");
                } else if (before.doc() != null && !headings(before.doc()).contains(id)) {
                    out.add(at + "§" + id + " is not a heading of " + ROOT.relativize(before.doc()));
                }
            }
        }
        return out;
    }

    /** A {@code .md} name on a line: where it ends, and the file it names (null when that is already a problem). */
    private record Citation(int end, Path doc) {
    }

    private Set<String> headings(Path doc) {
        return headings.computeIfAbsent(doc, d -> {
            String text = readText(d);
            return text == null ? Set.of() : HEADING.matcher(text).results().map(r -> r.group(1))
                    .collect(Collectors.toSet());
        });
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String name : SCANNED) {
            Path p = ROOT.resolve(name);
            if (Files.isRegularFile(p)) {
                out.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.equals(ROOT.resolve(SELF))).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The file as text, or null for a binary file (an image, an icon). */
    private static String readText(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
