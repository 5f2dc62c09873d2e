package org.splitscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every case of issue 14 as a user would type it (the corpus in {@code src/test/resources/hostile},
 * listed by its cases.txt), held to the CLI's contract: exit 0 or 2, never 1; on failure one line on
 * stderr naming the file, line, column and cause, without an exception class name, and no file
 * written; a bounded time.
 */
class HostileInputTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

    @TempDir
    static Path work;
    static Path dir;

    @BeforeAll
    static void copyCorpus() throws Exception {
        dir = Files.createDirectories(work.resolve("hostile"));
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        mkfifo(dir.resolve("fifo.yaml"));
        mkfifo(dir.resolve("pipe"));
        Files.createDirectories(dir.resolve("folder.png"));
        // 14.1: 49,300 explicit assignments at non-linear GPAs (one guest, GPAs running backwards)
        StringBuilder s = new StringBuilder("splitscope: 1\nmachine: { ram: 4GiB }\n"
                + "guests: [ { asid: 1, memory: 1GiB } ]\nsteps:\n");
        for (int i = 0; i < 49_300; i++) {
            s.append("  - { op: assign, guest: 1, pfn: ").append(0x1000 + i).append(", gpa: ")
                    .append(0x10000000L - 4096L * i).append(" }\n");
        }
        Files.writeString(dir.resolve("assign-49300.yaml"), s);
        // 14.3: 1,000 workload lines of 10^8 steps each, a 58 KB file of 10^11 steps
        StringBuilder f = new StringBuilder("splitscope: 1\nmachine: { ram: 4GiB }\nsteps:\n");
        for (int i = 0; i < 1000; i++) {
            f.append("  - { op: workload, kind: host-activity, count: 100000000 }\n");
        }
        Files.writeString(dir.resolve("flood.yaml"), f);
    }

    static void mkfifo(Path p) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor()).isZero();
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*\\|\\s*", 4);
            out.add(Arguments.of(f[0].strip(), Integer.parseInt(f[1].strip()), f[2].strip(), f[3].strip()));
        }
        return out.stream();
    }

    /** The contract every input is held to; returns the result for further checks. */
    static CliTest.Result contract(Path out, Duration limit, String... args) {
        CliTest.Result r = assertTimeoutPreemptively(limit, () -> CliTest.cli(args));
        assertThat(r.code()).as("exit status of %s: %s", String.join(" ", args), r.err()).isIn(0, 2);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(EXCEPTION_NAME.matcher(r.err()).find()).as("an exception class name in: %s", r.err()).isFalse();
        if (r.code() == 2) {
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("splitscope: ");
            assertThat(r.out()).isEmpty();
            try (Stream<Path> written = Files.list(out)) {
                assertThat(written).as("files written by a failed command").isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            assertThat(r.err().lines()).allMatch(l -> l.startsWith("splitscope: warning: "));
        }
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("issue 14 corpus: exit 0 or 2, one clean line, nothing written on failure, bounded time")
    void corpus(String name, int exit, String stderr, String args, @TempDir Path out) {
        String[] argv = args.replace("{dir}", dir.toString()).replace("{out}", out.toString()).split(" ");
        CliTest.Result r = contract(out, Duration.ofSeconds(60), argv);
        assertThat(r.code()).as(name + ": " + r.err()).isEqualTo(exit);
        if (stderr.startsWith("!")) {
            assertThat(r.err()).doesNotContain(stderr.substring(1));
        } else {
            assertThat(r.err()).contains(stderr);
        }
    }

    @Test
    @DisplayName("issue 10.1/R27: run --json gives kernel and invlpgb beside policy; --kernel overrides the scenario's")
    void kernelInJson() throws Exception {
        JsonNode j = CliTest.cli("run", "--scenario", dir.resolve("kernel-6.8.yaml").toString(), "--json").json();
        assertThat(j.get("kernel").asText()).isEqualTo("6.8");
        assertThat(j.get("invlpgb").asBoolean()).isFalse();
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(0, 4)).containsExactly("scenario", "policy", "kernel", "invlpgb");
        JsonNode over = CliTest.cli("run", "--scenario", dir.resolve("kernel-6.8.yaml").toString(), "--kernel", "6.18",
                "--json").json();
        assertThat(over.get("kernel").asText()).isEqualTo("6.18");
        assertThat(over.get("invlpgb").asBoolean()).isFalse();
        JsonNode dflt = CliTest.cli("run", "--scenario", "overlap-crash", "--json").json();
        assertThat(dflt.get("kernel").asText()).isEqualTo("6.18");
        assertThat(dflt.get("invlpgb").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("issue 10.1: each compare row under --kernel is what run --json prints for that policy and kernel")
    void compareRowsCarryTheKernel() throws Exception {
        JsonNode c = CliTest.cli("compare", "--scenario", "overlap-crash", "--policies", "none,split-on-demand",
                "--kernel", "6.8", "--json").json();
        assertThat(c.get("kernel").asText()).isEqualTo("6.8");
        for (JsonNode row : c.get("rows")) {
            JsonNode run = CliTest.cli("run", "--scenario", "overlap-crash", "--policy", row.get("policy").asText(),
                    "--kernel", "6.8", "--json").json();
            assertThat(row).isEqualTo(run);
            assertThat(row.get("kernel").asText()).isEqualTo("6.8");
        }
    }

    @Test
    @DisplayName("issue 10.7: a warning about where the direct map ends is one stderr line after a run that succeeded")
    void warningLine(@TempDir Path d) throws Exception {
        String noFacts = Files.readString(dir.resolve("host@lab.ptdump")).lines()
                .filter(l -> !l.contains("e820") && !l.contains("last_pfn")).reduce("", (a, b) -> a + b + "\n");
        Files.writeString(d.resolve("dump.log"), noFacts);
        Files.writeString(d.resolve("s.yaml"), "splitscope: 1\nmachine:\n  boot: ptdump:dump.log@0xffff9e3a40000000\n");
        CliTest.Result r = contract(d, Duration.ofSeconds(60), "run", "--scenario", d.resolve("s.yaml").toString(),
                "--until-step", "0");
        assertThat(r.code()).isZero();
        assertThat(r.err().lines()).singleElement().asString().startsWith("splitscope: warning: ")
                .contains("1 TiB or more");
    }

    @Test
    @DisplayName("issue 14.6: --allow-path DIR lets a scenario read its boot file from DIR")
    void allowPath(@TempDir Path d) throws Exception {
        Path mail = Files.createDirectories(d.resolve("mail"));
        Path lab = Files.createDirectories(d.resolve("lab"));
        Files.copy(dir.resolve("epyc-65g.ptdump"), lab.resolve("host.ptdump"));
        Files.writeString(mail.resolve("s.yaml"), "splitscope: 1\nmachine:\n  boot: ptdump:../lab/host.ptdump\n");
        CliTest.Result refused = CliTest.cli("run", "--scenario", mail.resolve("s.yaml").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("allow " + lab + " with --allow-path");
        CliTest.Result allowed = CliTest.cli("run", "--scenario", mail.resolve("s.yaml").toString(), "--allow-path",
                lab.toString(), "--json");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.json().get("meminfo").get("DirectMap1G").asLong()).isEqualTo(63L * 1024 * 1024);
    }

    @Test
    @DisplayName("issue 14.7/14.8, R3: run --seek and export fit the heap a run of the same scenario fits (forked JVM,"
            + " -Xmx256m); a 2 TiB host runs and seeks in 2 GiB")
    void seekAndExportWithinTheRunsHeap(@TempDir Path d) throws Exception {
        Files.writeString(d.resolve("mid.yaml"), """
                splitscope: 1
                machine: { ram: 64GiB, cpus: 16 }
                guests: [ { asid: 1, memory: 24GiB, vcpus: 8, folio: 4K } ]
                steps:
                  - { op: workload, kind: lazy-accept, guest: 1, fraction: 0.25 }
                """);
        Files.writeString(d.resolve("r3.yaml"), "splitscope: 1\nmachine: { ram: 2TiB, cpus: 64 }\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String scen = d.resolve("mid.yaml").toString();
        String r3 = d.resolve("r3.yaml").toString();
        for (List<String> args : List.of(List.of("-Xmx256m", "run", "--scenario", scen, "--seek", "1500000,5,1000000"),
                List.of("-Xmx256m", "export", "--scenario", scen, "--step", "1500000", "--out", d.resolve("mid.png").toString()),
                List.of("-Xmx2g", "run", "--scenario", r3), List.of("-Xmx2g", "run", "--scenario", r3, "--seek", "0"))) {
            List<String> cmd = new ArrayList<>(List.of(java, args.get(0), "-cp", System.getProperty("java.class.path"),
                    "org.splitscope.Main"));
            cmd.addAll(args.subList(1, args.size()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(output).isZero();
        }
        assertThat(Files.size(d.resolve("mid.png"))).isPositive();
    }
}
