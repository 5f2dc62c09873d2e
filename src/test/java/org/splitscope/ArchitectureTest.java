package org.splitscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layering rules, each with the reason it exists (STYLE.md principle 1). */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.splitscope");
    }

    @Test
    void coreHasNoToolkit() {
        ArchRule rule = noClasses().that().resideInAPackage("org.splitscope.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.imageio..",
                        "org.controlsfx..", "org.kordamp..")
                .because("the simulation must run headless: in the CLI, in benchmarks, in CI and in tests without a"
                        + " display, and the app must only read it (STYLE.md principle 1)");
        rule.check(classes);
    }

    @Test
    void renderHasNoJavaFx() {
        ArchRule rule = noClasses().that().resideInAPackage("org.splitscope.render..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..")
                .because("the command-line export and the app must draw the same pixels from the same int[] rasterizer");
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
                        "org.splitscope.export..", "org.splitscope.cli..", "org.splitscope.ui..")
                .because("the core is the bottom layer: file formats, pixels, the CLI and the app build on it, never"
                        + " the other way round");
        rule.check(classes);
    }
}
