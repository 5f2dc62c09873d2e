package org.splitscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.export.PngWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.cli.CliTest.assertOneCleanLine;
import static org.splitscope.cli.CliTest.cli;

/** {@code export --tour F --out DIR}: one PNG per stop for handouts; a bad tour writes nothing. */
class TourExportTest {
    static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("the built-in tour: one PNG per stop, numbered and named by the stop's title, of the asked size")
    void builtinTour(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("handout");
        CliTest.Result r = cli("export", "--tour", "thread-argument", "--out", out.toString(), "--width", "1200",
                "--height", "800");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> names = files(out);
        assertThat(names).hasSize(8);
        assertThat(names.get(0)).startsWith("01-the-crash").endsWith(".png");
        assertThat(names.get(7)).startsWith("08-");
        int[] size = new int[2];
        PngWriter.read(out.resolve(names.get(0)), size);
        assertThat(size).containsExactly(1200, 800);
        assertThat(r.out()).contains("(none, step 5)").contains("(private-2m-only, step ");
    }

    @Test
    @DisplayName("a tour file of my own, with a scenario next to it; a stop that cannot be reached fails it with no file written")
    void ownTourAndErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), """
                splitscope: 1
                machine: { ram: 1GiB, cpus: 2 }
                guests: [ { asid: 1, memory: 64MiB, vcpus: 1, folio: 4K } ]
                steps:
                  - { op: assign, guest: 1, pfn: 0x20001, level: 4K }
                  - { op: host-write, cpu: 0, pfn: 0x20005 }
                """);
        Path tour = dir.resolve("t.yaml");
        Files.writeString(tour, """
                splitscope-tour: 1
                title: Mine
                stops:
                  - { scenario: mine.yaml, policy: none, break: rmp-fault, zoom: follow, title: Boom }
                  - { scenario: overlap-crash, step: 2, layers: [directmap] }
                """);
        Path out = dir.resolve("out");
        CliTest.Result r = cli("export", "--tour", tour.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(files(out)).containsExactly("01-boom.png", "02-overlap-crash.png");

        Files.writeString(tour, """
                splitscope-tour: 1
                stops:
                  - { scenario: overlap-crash, step: 2 }
                  - { scenario: mine.yaml, policy: split-on-demand, break: rmp-fault }
                """);
        Path none = dir.resolve("none");
        CliTest.Result bad = cli("export", "--tour", tour.toString(), "--out", none.toString());
        assertOneCleanLine(bad);
        assertThat(bad.err()).contains("t.yaml:4: stop 2: no event").contains("matches break \"rmp-fault\"");
        assertThat(Files.exists(none)).isFalse();

        Files.writeString(tour, "splitscope-tour: 1\nstops:\n  - { scenario: overlap-crash, step: 99 }\n");
        CliTest.Result far = cli("export", "--tour", tour.toString(), "--out", none.toString());
        assertOneCleanLine(far);
        assertThat(far.err()).contains("stop 1: step 99 is beyond the 8 steps of overlap-crash");

        Files.writeString(tour, "splitscope-tour: 1\nstops:\n  - { scenario: overlap-crash, step: 1, bogus: 1 }\n");
        assertOneCleanLine(cli("export", "--tour", tour.toString(), "--out", none.toString()));
        assertOneCleanLine(cli("export", "--tour", "thread-argument", "--out", none.toString(), "--step", "3"));
        assertOneCleanLine(cli("run", "--tour", "thread-argument"));
        assertThat(Files.exists(none)).isFalse();
    }
}
