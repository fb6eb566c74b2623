package dev.purgedeck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of docs/architecture.md, checked on the compiled classes (every type reference, including fully
 * qualified names in code, which an import scan misses): the core never touches JavaFX or the UI, the sandbox stands
 * alone, nothing but the launcher knows the launcher, and no two packages depend on each other in a cycle.
 */
class ArchitectureTest {
    /** Packages usable from the window, the command line and tests alike: plain Java, no JavaFX. */
    static final String[] CORE = {
        "dev.purgedeck.fastly..", "dev.purgedeck.sandbox..", "dev.purgedeck.history..", "dev.purgedeck.keysets..",
        "dev.purgedeck.settings..", "dev.purgedeck.files..", "dev.purgedeck.edge..", "dev.purgedeck.stats..",
        "dev.purgedeck.team.."};
    static final String[] TOOLKITS = {"javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importTheCompiledCode() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.purgedeck");
    }

    @Test
    void theImportSawTheWholeApp() {
        Set<String> packages = classes.stream().map(c -> c.getPackageName()).collect(Collectors.toSet());
        assertThat(packages).contains("dev.purgedeck.app", "dev.purgedeck.context", "dev.purgedeck.cli",
                "dev.purgedeck.fastly", "dev.purgedeck.sandbox", "dev.purgedeck.ui", "dev.purgedeck.ui.purge");
    }

    @Test
    void coreUsesNoToolkitAndNoUi() {
        check(noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage(TOOLKITS).orShould().dependOnClassesThat()
                .resideInAnyPackage("dev.purgedeck.ui..", "dev.purgedeck.app..", "dev.purgedeck.cli..",
                        "dev.purgedeck.context.."));
    }

    @Test
    void theSandboxDependsOnlyOnTheJdkAndJackson() {
        check(noClasses().that().resideInAPackage("dev.purgedeck.sandbox..").should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "javax..", "com.sun.net.httpserver..", "com.fasterxml.jackson..",
                        "dev.purgedeck.sandbox.."));
    }

    @Test
    void theClientDoesNotKnowTheSandbox() {
        check(noClasses().that().resideInAPackage("dev.purgedeck.fastly..").should().dependOnClassesThat()
                .resideInAPackage("dev.purgedeck.sandbox.."));
    }

    @Test
    void theUiNeverReachesIntoTheSandbox() {
        // The cache panel reads the sandbox through its HTTP endpoints, so it works with one in another process.
        check(noClasses().that().resideInAPackage("dev.purgedeck.ui..").should().dependOnClassesThat()
                .resideInAPackage("dev.purgedeck.sandbox.."));
    }

    @Test
    void onlyTheLauncherKnowsTheLauncher() {
        // app wires; the others are wired.
        check(noClasses().that().resideOutsideOfPackage("dev.purgedeck.app").should().dependOnClassesThat()
                .resideInAPackage("dev.purgedeck.app"));
    }

    @Test
    void theWindowAndTheCommandLineDoNotKnowEachOther() {
        check(noClasses().that().resideInAPackage("dev.purgedeck.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.purgedeck.ui..").orShould().dependOnClassesThat().resideInAnyPackage(TOOLKITS));
        check(noClasses().that().resideInAPackage("dev.purgedeck.ui..").should().dependOnClassesThat()
                .resideInAPackage("dev.purgedeck.cli.."));
    }

    @Test
    void onlyTheTeamPackageTalksToTheDatabase() {
        check(noClasses().that().resideOutsideOfPackage("dev.purgedeck.team..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..", "org.flywaydb.."));
    }

    @Test
    void noPackageCycles() {
        // Each package is its own slice (ui and ui.purge are two), so a screen package and the shell cannot lean
        // on each other either.
        check(slices().matching("dev.purgedeck.(**)").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
