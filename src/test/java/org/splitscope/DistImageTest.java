package org.splitscope;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.cli.Cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The app image of README "Install" ({@code mvn -Pdist package}, target/dist/splitscope): its
 * launcher runs the command line on its bundled runtime with an empty environment (no JAVA_HOME,
 * no java on PATH), prints the same as the code under test, and without a display the app says so
 * in one line and exits 2. {@code --version} is checked in-process too, image or not.
 *
 * <p>Run twice over: by {@code mvn -Pdist verify} (failsafe, right after the image is built, with
 * {@code splitscope.dist.required=true}: a missing image fails), and by plain {@code mvn verify},
 * which builds no image: there the image tests are skipped, with the reason printed, unless an
 * image at least as new as the compiled classes is there from an earlier dist build.
 */
class DistImageTest {
    private static final Path IMAGE = Path.of(System.getProperty("splitscope.dist.image", "target/dist/splitscope"));
    private static final boolean REQUIRED = Boolean.getBoolean("splitscope.dist.required");
    private static final long TIMEOUT_SECONDS = 120;
    private static boolean toldWhySkipped;

    record Run(int code, String out, String err) {
    }

    @Test
    @DisplayName("--version names SplitScope's version, the Java runtime and JavaFX, without starting JavaFX")
    void versionInProcess() {
        String runtimeBefore = System.getProperty("javafx.runtime.version");
        StringWriter out = new StringWriter();
        int code = Cli.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("SplitScope \\d+\\.\\d+\\.\\d+.*");
        assertThat(lines.get(1)).startsWith("Java " + Runtime.version() + " (")
                .contains(System.getProperty("java.home"));
        assertThat(lines.get(2)).matches("JavaFX \\d+(\\.\\d+)*");
        // JavaFX sets this property when its toolkit starts; --version must not be what set it.
        assertThat(System.getProperty("javafx.runtime.version")).isEqualTo(runtimeBefore);
    }

    @Test
    @DisplayName("the image's launcher runs list with an empty environment")
    void imageRunsList(@TempDir Path tmp) throws Exception {
        Run r = launch(tmp, "list");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^  overlap-crash ").containsPattern("(?m)^  split-on-demand ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("the image runs a scenario and prints exactly what the code under test prints")
    void imageRunsAScenario(@TempDir Path tmp) throws Exception {
        Run r = launch(tmp, "run", "--scenario", "overlap-crash");
        StringWriter expected = new StringWriter();
        Cli.run(new String[] {"run", "--scenario", "overlap-crash"}, new PrintWriter(expected),
                new PrintWriter(new StringWriter()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("RMP #PF").isEqualTo(expected.toString());
    }

    @Test
    @DisplayName("the image runs on its own runtime, which has JavaFX, and --version needs no display")
    void imageUsesItsBundledRuntime(@TempDir Path tmp) throws Exception {
        Run r = launch(tmp, "--version");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("Java ")
                .endsWith(", " + IMAGE.toRealPath().resolve("lib").resolve("runtime") + ")");
        assertThat(lines.get(2)).matches("JavaFX \\d+(\\.\\d+)*");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @DisplayName("the image's app without a display: one line on stderr, exit status 2")
    void imageWithoutDisplay(@TempDir Path tmp) throws Exception {
        Run r = launch(tmp);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("splitscope: cannot open the desktop app: ").doesNotContain("\tat ");
    }

    /** Starts the image's launcher with an empty environment but HOME and a PATH with no JDK in it. */
    private static Run launch(Path tmp, String... args) throws IOException, InterruptedException {
        Path launcher = launcher();
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList());
        Map<String, String> env = pb.environment();
        String systemRoot = env.get("SystemRoot");
        env.clear(); // no JAVA_HOME, no DISPLAY, no JDK on PATH
        env.put("HOME", System.getProperty("user.home"));
        if (systemRoot != null) {
            env.put("SystemRoot", systemRoot);
            env.put("PATH", systemRoot + "\\System32");
        } else {
            env.put("PATH", "/usr/bin:/bin");
        }
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(launcher + " " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS + " s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The launcher of a current image, or the test is skipped (failed under the dist profile) saying why. */
    private static Path launcher() throws IOException {
        Path launcher = Stream.of(IMAGE.resolve("bin").resolve("splitscope"), IMAGE.resolve("splitscope.exe"),
                        IMAGE.resolveSibling("splitscope.app").resolve("Contents/MacOS/splitscope"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        String why = null;
        if (launcher == null) {
            why = "no app image at " + IMAGE.toAbsolutePath() + " (mvn -Pdist package builds it; "
                    + (ToolProvider.findFirst("jpackage").isPresent() ? "this JDK has jpackage"
                            : "this JDK has no jpackage, which it needs") + ")";
        } else if (!REQUIRED && olderThanClasses(launcher)) {
            why = "the app image at " + IMAGE.toAbsolutePath()
                    + " is older than target/classes (mvn -Pdist verify rebuilds and checks it)";
        }
        if (why != null) {
            if (REQUIRED) {
                fail(why);
            }
            if (!toldWhySkipped) {
                toldWhySkipped = true;
                System.err.println("DistImageTest: the image tests are skipped: " + why);
            }
            abort(why);
        }
        return launcher;
    }

    private static boolean olderThanClasses(Path launcher) throws IOException {
        Path classes = Path.of("target", "classes");
        if (!Files.isDirectory(classes)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(launcher);
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(built) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
