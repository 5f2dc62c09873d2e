package org.splitscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Layering rules, each with the reason it exists (STYLE.md principle 1, JabRef's CommonArchitectureTest). */
class ArchitectureTest {
    private static final String[] TOOLKITS = {"javafx..", "java.awt..", "javax.imageio..", "org.controlsfx..", "org.kordamp.."};
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.splitscope");
    }

    private static void noToolkitIn(String pkg, String because) {
        ArchRule rule = noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat().resideInAnyPackage(TOOLKITS)
                .because(because);
        rule.check(classes);
    }

    private static void noJavaFxIn(String pkg, String because) {
        ArchRule rule = noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
                .because(because);
        rule.check(classes);
    }

    @Test
    void coreHasNoToolkit() {
        noToolkitIn("org.splitscope.core..", "the simulation must run headless: in the CLI, in benchmarks, in CI and in tests"
                + " without a display, and the app must only read it (STYLE.md principle 1)");
    }

    @Test
    void renderHasNoToolkit() {
        noToolkitIn("org.splitscope.render..", "the command-line export and the app must draw the same pixels from the same"
                + " int[] rasterizer");
    }

    @Test
    void exportHasNoToolkit() {
        noJavaFxIn("org.splitscope.export..", "PNG, GIF and CSV files are written by the command line too, which never"
                + " starts JavaFX (javax.imageio writes the images, headless)");
    }

    @Test
    void scenarioHasNoToolkit() {
        noToolkitIn("org.splitscope.scenario..", "scenario files are read by the command line and by tests without a display");
    }

    @Test
    void cliHasNoToolkit() {
        noToolkitIn("org.splitscope.cli..", "the command line must run on a server without a display; it reaches the app"
                + " only through the Desktop interface");
    }

    @Test
    void desktopContractHasNoToolkit() {
        noToolkitIn("org.splitscope.desktop..", "the command line loads this interface, so it must not link JavaFX");
    }

    @Test
    void simulationServiceHasNoToolkit() {
        noToolkitIn("org.splitscope.ui.service..", "the simulation thread must not read or write JavaFX state: state crosses"
                + " the seam only as commands and immutable snapshots");
    }

    @Test
    void modelsHoldNoNodes() {
        ArchRule rule = noClasses().that().resideInAPackage("org.splitscope.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                        "org.kordamp..")
                .because("models hold read-only properties and command methods and no Node, so they are tested without a"
                        + " stage (STYLE.md principle 6)");
        rule.check(classes);
    }

    @Test
    void cliDoesNotNameTheApp() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.splitscope.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.splitscope.ui..")
                .because("nothing links the desktop app: the command line finds it through the Desktop interface and"
                        + " ServiceLoader, so a subcommand never loads JavaFX");
        rule.check(classes);
    }

    @Test
    void onlyCliPrints() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("org.splitscope.cli..")
                .and().doNotHaveFullyQualifiedName("org.splitscope.Main")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("stdout is the CLI's output contract (one JSON object for --json); anything else printing"
                        + " there would corrupt it, and the app reports through its own UI");
        rule.check(classes);
    }

    @Test
    void coreDoesNotKnowItsUsers() {
        ArchRule rule = noClasses().that().resideInAPackage("org.splitscope.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.splitscope.scenario..", "org.splitscope.render..",
                        "org.splitscope.export..", "org.splitscope.cli..", "org.splitscope.ui..", "org.splitscope.desktop..")
                .because("the core is the bottom layer: file formats, pixels, the CLI and the app build on it, never"
                        + " the other way round");
        rule.check(classes);
    }

    @Test
    void noPackageCycles() {
        ArchRule rule = slices().matching("org.splitscope.(**)").should().beFreeOfCycles()
                .because("each package builds on the ones below it; a cycle makes two packages one, and its classes"
                        + " can no longer be understood or tested apart");
        rule.check(classes);
    }
}
