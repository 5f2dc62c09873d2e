package org.splitscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The fuzz test of issue 14: generated scenario texts, ptdump and meminfo lines and argument
 * vectors, each run through the command line as a user would, held to the contract of
 * {@link HostileInputTest#contract}: exit 0 or 2, never 1; on failure one stderr line without an
 * exception class name and no file written; a bounded time. The tries are few enough that
 * {@code mvn verify} stays well inside its time on two cores (HostileInputTest has the corpus).
 */
class CliContractProperties {
    static final Duration LIMIT = Duration.ofSeconds(60);
    private Path work;
    private Path out;

    @BeforeProperty
    void folders() throws IOException {
        work = Files.createTempDirectory("splitscope-fuzz");
        out = Files.createDirectories(work.resolve("out"));
        Files.copy(HostileInputTest.CORPUS.resolve("epyc-65g.ptdump"), work.resolve("epyc-65g.ptdump"));
    }

    @AfterProperty
    void clean() throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void emptyOut() {
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CliTest.Result check(String... args) {
        emptyOut();
        CliTest.Result r = HostileInputTest.contract(out, LIMIT, args);
        net.jqwik.api.statistics.Statistics.label("exit status").collect(r.code());
        return r;
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(work.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- scenario texts ---------------------------------------------------------------------

    static final String SEED = """
            splitscope: 1
            name: fuzz
            machine:
              ram: 4GiB
              holes: [ { start: 3GiB, size: 512MiB } ]
              cpus: 4
              kernel: "6.8"
              invlpgb: true
              tlb: { entries4k: 16, entries2m: 8, entries1g: 2 }
            policy: split-on-demand
            seed: 42
            guests:
              - { asid: 1, memory: 256MiB, vcpus: 2, folio: 4K }
              - { asid: 7, memory: 256MiB, vcpus: 1, folio: 2M }
            steps:
              - { op: launch, guest: 1, caption: go }
              - { op: assign, guest: 1, pfn: 0x40200, level: 4K, gpa: 0x0 }
              - { op: host-write, cpu: 3, pfn: 0x40201 }
              - { op: release, pfn: 0x40200, level: 4K }
              - { op: workload, kind: lazy-accept, guest: [1, 7], fraction: 0.01 }
              - { op: workload, kind: conversions, guest: 7, count: 10, level: 2M, shared-ratio: 0.3 }
              - { op: workload, kind: host-activity, count: 20, write-ratio: 1.0, cpus: 2 }
            """;

    @Provide
    Arbitrary<String> scenarioTexts() {
        Arbitrary<String> token = Arbitraries.of("0x1", "1_0", ".inf", ".nan", "-.inf", "1e400", "4294967297", "-4294967295",
                "9223372036854775807", "-1", "99999999999999999999", "0b101", "010", "\"0x10\"", "yes", "~", "[]", "{}",
                "\"5.4\"", "6.10", "maybe", "16TiB", "16385GiB", "-4GiB", "0x7ffffffffffff000", "2M", "3M", ":", "- ",
                "\n", "  ", "\t", "&a", "*a", "!!binary x", "#", "'", "\"", "[", "]", "{", "}", "kernel: 6.8",
                "boot: ptdump:/etc/passwd", "boot: meminfo:../x.meminfo", "boot: \"ptdump:epyc-65g.ptdump\"",
                "boot: ptdump:epyc-65g.ptdump@0xffff888000000000", "count: 100000000", "asid: 0", "pfn: 0xfffffffff");
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, SEED.length()).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(1, 30))
                .as((k, at, len) -> new int[] {k, at, len});
        return Combinators.combine(edit.list().ofMinSize(1).ofMaxSize(3), token.list().ofSize(3)).as((edits, tokens) -> {
            StringBuilder sb = new StringBuilder(SEED);
            for (int i = 0; i < edits.size(); i++) {
                int[] e = edits.get(i);
                int at = Math.min(e[1], sb.length());
                int end = Math.min(sb.length(), at + e[2]);
                switch (e[0]) {
                    case 0 -> sb.delete(at, end);
                    case 1 -> sb.insert(at, tokens.get(i));
                    case 2 -> sb.replace(at, end, tokens.get(i));
                    default -> sb.insert(at, sb.substring(at, end));
                }
            }
            return sb.toString();
        });
    }

    @Property(tries = 60)
    @Label("scenario texts: run, seek or export each, and the contract holds")
    void scenarioTexts(@ForAll("scenarioTexts") String text, @ForAll("commands") int command) {
        String f = write("s.yaml", text).toString();
        switch (command) {
            case 0 -> check("run", "--scenario", f, "--until-step", "30");
            case 1 -> check("run", "--scenario", f, "--seek", "3,1");
            default -> check("export", "--scenario", f, "--step", "2", "--width", "900", "--height", "600", "--out",
                    out.resolve("a.png").toString());
        }
    }

    @Provide
    Arbitrary<Integer> commands() {
        return Arbitraries.integers().between(0, 2);
    }

    // ---- ptdump and meminfo lines -----------------------------------------------------------

    @Provide
    Arbitrary<String> ptdumpLines() {
        Arbitrary<String> addr = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 1L << 40).map(v -> String.format("0x%016x", 0xffff888000000000L + (v << 12))),
                Arbitraries.of("0x0", "0xffff888000000000", "0x10000000000000000", "0xDEADBEEF", "0x", "0xzz"));
        Arbitrary<String> size = Arbitraries.oneOf(Arbitraries.of("4K", "2M", "1G", "1022M", "8388608T", "0K", "4Q",
                "40960000000000000000000K"), Arbitraries.longs().between(0, 1 << 20).map(v -> v + "K"));
        Arbitrary<String> flags = Arbitraries.of("RW                 GLB NX", "RW         PSE     GLB NX", "", "ro  x", "USR RW");
        Arbitrary<String> level = Arbitraries.of("pte", "pmd", "pud", "p4d", "pgd", "pxx", "");
        Arbitrary<String> range = Combinators.combine(addr, addr, size, flags, level)
                .as((a, b, s, f, l) -> a + "-" + b + " " + s + "     " + f + " " + l);
        Arbitrary<String> other = Arbitraries.of("---[ Low Kernel Mapping ]---", "---[ vmalloc() Area ]---",
                "[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000103fffffff] usable",
                "last_pfn = 0x1040200 max_arch_pfn = 0x400000000", "api_key=SECRET", "[ 1.5] 0x0-0x1000 4K RW NX pte", "");
        return mutations(text("epyc-65g.ptdump"), Arbitraries.oneOf(range, other));
    }

    static String text(String corpusFile) {
        try {
            return Files.readString(HostileInputTest.CORPUS.resolve(corpusFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid file with 0 to 3 of its lines replaced, removed, duplicated or joined by a generated one. */
    static Arbitrary<String> mutations(String valid, Arbitrary<String> generated) {
        List<String> lines = valid.lines().toList();
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, lines.size() - 1).withDistribution(RandomDistribution.uniform()))
                .as((k, at) -> new int[] {k, at});
        return Combinators.combine(edit.list().ofMaxSize(3), generated.list().ofSize(3)).as((edits, gen) -> {
            List<String> ls = new ArrayList<>(lines);
            for (int i = 0; i < edits.size(); i++) {
                int at = Math.min(edits.get(i)[1], ls.size() - 1);
                switch (edits.get(i)[0]) {
                    case 0 -> ls.set(at, gen.get(i));
                    case 1 -> ls.add(at, gen.get(i));
                    case 2 -> ls.remove(at);
                    default -> ls.add(at, ls.get(at));
                }
                if (ls.isEmpty()) {
                    ls.add(gen.get(i));
                }
            }
            return String.join("\n", ls) + "\n";
        });
    }

    @Property(tries = 60)
    @Label("ptdump lines: imported or a clean located error, never the content of a file not recognised")
    void ptdumpLines(@ForAll("ptdumpLines") String dump, @ForAll boolean withBase) {
        write("d.ptdump", dump);
        String boot = withBase ? "\"ptdump:d.ptdump@0xffff888000000000\"" : "ptdump:d.ptdump";
        net.jqwik.api.statistics.Statistics.label("with @base").collect(withBase);
        String f = write("p.yaml", "splitscope: 1\nmachine:\n  boot: " + boot + "\n").toString();
        CliTest.Result r = check("run", "--scenario", f, "--until-step", "0", "--json");
        org.assertj.core.api.Assertions.assertThat(r.err()).doesNotContain("SECRET");
    }

    @Provide
    Arbitrary<String> meminfoLines() {
        Arbitrary<String> name = Arbitraries.of("MemTotal", "DirectMap4k", "DirectMap2M", "DirectMap1G", "Active(anon)",
                "HugePages_Total", "DirectMap3M", "api_key");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.longs().between(0, 1L << 36).map(v -> Long.toString(v)),
                Arbitraries.of("18014398513676288", "99999999999999999999999", "-4", "abc", "0", "1048576", "2048"));
        Arbitrary<String> line = Combinators.combine(Arbitraries.of("", "  ", "\t"), name, Arbitraries.of(":", ": ", ":   ", ""),
                value, Arbitraries.of(" kB", "", " MB")).as((i, n, c, v, u) -> i + n + c + v + u);
        return mutations(text("../imports/epyc-64g.meminfo"), line);
    }

    @Property(tries = 60)
    @Label("meminfo lines: imported or a clean located error")
    void meminfoLines(@ForAll("meminfoLines") String meminfo) {
        write("m.meminfo", meminfo);
        String f = write("m.yaml", "splitscope: 1\nmachine:\n  boot: meminfo:m.meminfo\n").toString();
        CliTest.Result r = check("run", "--scenario", f, "--until-step", "0");
        // a file whose first line is not a meminfo line is not recognised: none of it may be quoted
        String first = meminfo.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (!first.isEmpty() && !first.matches("[A-Za-z][A-Za-z0-9_()]*:\\s+\\d+( kB)?")) {
            org.assertj.core.api.Assertions.assertThat(r.err()).doesNotContain(first);
        }
    }

    // ---- argument vectors -------------------------------------------------------------------

    @Provide
    Arbitrary<List<String>> argumentVectors() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "-1", "-5", "3", "0x10", "1_0", "4294967296", "99999999999999999999",
                "1e-300", ".nan", "NaN", "Infinity", "", ",", "x", "8193", "0b11");
        Arbitrary<String> scenario = Arbitraries.of("overlap-crash", "stale-tlb", "no-such", "/dev/zero", "/etc/passwd", "");
        Arbitrary<List<String>> option = Combinators.combine(Arbitraries.of("--until-step", "--seed", "--step", "--from",
                "--to", "--every", "--width", "--height", "--tlb-cpu", "--delay-ms", "--seek", "--kernel", "--policy",
                "--policies", "--break", "--zoom", "--layers", "--theme", "--csv", "--filter", "--budget-mib", "--steps",
                "--seeks", "--allow-path", "--json", "--bogus"), Arbitraries.oneOf(number,
                Arbitraries.of("6.8", "6.18", "5.4", "none", "all", "cpu=4294967296", "rmp-fault", "0x0-0x1ff", "dark",
                        "series", "events", "/nonexistent", "/tmp"))).as(List::of);
        Arbitrary<List<String>> head = Combinators.combine(Arbitraries.of("run", "compare", "export", "bench seek", "list",
                "frobnicate"), scenario, Arbitraries.of("a.png", "a.gif", "a.csv", "a.txt", "")).as((c, s, o) -> {
                    List<String> h = new ArrayList<>(List.of(c.split(" ")));
                    if (!c.equals("list") && !c.equals("bench seek")) {
                        h.addAll(List.of("--scenario", s));
                    }
                    if (c.equals("export")) {
                        h.addAll(List.of("--out", "{out}/" + o, "--width", "900", "--height", "600"));
                    }
                    if (c.equals("bench seek")) {
                        h.addAll(List.of("--steps", "2000", "--seeks", "3"));
                    }
                    return h;
                });
        return Combinators.combine(head, option.list().ofMaxSize(4)).as((h, opts) -> {
            List<String> all = new ArrayList<>(h);
            opts.forEach(all::addAll);
            return all;
        });
    }

    @Property(tries = 80)
    @Label("argument vectors: the contract holds for every combination of commands, options and values")
    void argumentVectors(@ForAll("argumentVectors") List<String> args) {
        check(args.stream().map(a -> a.replace("{out}", out.toString())).toArray(String[]::new));
    }
}
