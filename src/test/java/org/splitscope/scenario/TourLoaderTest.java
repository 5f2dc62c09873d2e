package org.splitscope.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.mem.KernelProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tour files (format 1): what they say, and one located error for each way they can be wrong. */
class TourLoaderTest {
    @Test
    @DisplayName("the built-in tour walks the thread's argument, every stop valid")
    void builtin() throws Exception {
        Tour t = TourLoader.load("thread-argument");
        assertThat(t.title()).contains("thread's argument");
        assertThat(t.stops()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(t.stops()).extracting(Tour.Stop::policy)
                .contains("none", "invalidate-noflush", "invalidate-flush", "presplit-4k", "split-on-demand",
                        "private-2m-only");
        for (Tour.Stop s : t.stops()) {
            assertThat(BuiltinScenarios.names()).contains(s.scenario());
            assertThat(s.notes()).isNotBlank();
        }
    }

    static Path write(Path dir, String text) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    @DisplayName("a stop: scenario file next to the tour, policy, kernel, break, zoom range, layers, notes")
    void fullStop(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), "splitscope: 1\nmachine: { ram: 1GiB }\nsteps: []\n");
        Tour t = TourLoader.load(write(dir, """
                splitscope-tour: 1
                title: Mine
                stops:
                  - scenario: mine.yaml
                    policy: invalidate-flush
                    kernel: 6.8
                    break: "split cpu=0"
                    zoom: 0x20000-0x201ff
                    layers: [directmap, tlb]
                    notes: say this
                  - { scenario: overlap-crash, step: 3, zoom: follow }
                """).toString());
        Tour.Stop a = t.stops().get(0);
        assertThat(a.file()).isEqualTo(dir.resolve("mine.yaml"));
        assertThat(a.kernel()).isEqualTo(KernelProfile.V6_8);
        assertThat(a.step()).isEqualTo(-1);
        assertThat(a.breakAt()).isEqualTo("split cpu=0");
        assertThat(a.zoom()).isEqualTo(new Tour.Zoom.Range(0x20000, 0x201ff));
        assertThat(a.layers()).containsExactlyInAnyOrder("directmap", "tlb");
        assertThat(a.line()).isEqualTo(4);
        Tour.Stop b = t.stops().get(1);
        assertThat(b.file()).isNull();
        assertThat(b.zoom()).isInstanceOf(Tour.Zoom.Follow.class);
        assertThat(b.label()).isEqualTo("overlap-crash");
    }

    @Test
    @DisplayName("errors name the file, line and column: unknown keys, values, missing or doubled step/break")
    void errors(@TempDir Path dir) throws Exception {
        String head = "splitscope-tour: 1\nstops:\n";
        expect(dir, head + "  - { scenario: overlap-crash, step: 1, speed: 3 }\n", "t.yaml:3:", "unknown key 'speed'");
        expect(dir, head + "  - { scenario: overlap-crash, step: 1, break: split }\n", "t.yaml:3:", "exactly one of 'step");
        expect(dir, head + "  - { scenario: overlap-crash }\n", "t.yaml:3:", "exactly one of 'step");
        expect(dir, head + "  - { scenario: nowhere, step: 1 }\n", "t.yaml:3:", "neither a built-in");
        expect(dir, head + "  - { scenario: overlap-crash, step: 1, policy: magic }\n", "t.yaml:3:", "unknown policy 'magic'");
        expect(dir, head + "  - { scenario: overlap-crash, step: 1, kernel: \"5.4\" }\n", "t.yaml:3:", "kernel must be one of");
        expect(dir, head + "  - { scenario: overlap-crash, break: explode }\n", "t.yaml:3:", "unknown event kind");
        expect(dir, head + "  - { scenario: overlap-crash, step: 1, zoom: everything }\n", "t.yaml:3:", "zoom must be all");
        expect(dir, head + "  - { scenario: overlap-crash, step: 1, layers: [dm] }\n", "t.yaml:3:", "unknown layer 'dm'");
        expect(dir, head + "  - { scenario: overlap-crash, step: -1 }\n", "t.yaml:3:", "step");
        expect(dir, "splitscope-tour: 2\nstops: []\n", "t.yaml:1:", "version 2");
        expect(dir, "splitscope-tour: 1\nstops: []\n", "t.yaml:", "at least one stop");
        expect(dir, "title: no version\n", "t.yaml:1:", "missing 'splitscope-tour: 1'");
    }

    static void expect(Path dir, String text, String where, String cause) throws Exception {
        Path f = write(dir, text);
        assertThatThrownBy(() -> TourLoader.load(f.toString())).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(where).hasMessageContaining(cause);
    }
}
