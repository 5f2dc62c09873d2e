package org.splitscope.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.Simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Malformed and random scenario text always gives either a scenario that runs or one clean
 * located error: never another exception, never a hang.
 */
class ScenarioFuzzProperties {
    static final List<String> SEEDS = new ArrayList<>();

    static {
        SEEDS.add(ScenarioLoaderTest.GOOD);
        for (String name : BuiltinScenarios.names()) {
            try {
                SEEDS.add(ScenarioLoader.resource("/assets/scenarios/" + name + ".yaml"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(SEEDS);
        Arbitrary<String> token = Arbitraries.of(":", "-", "{", "}", "[", "]", "\"", "'", "#", "\n", "  ", "\t", "0x",
                "-1", "99999999999999999999", "1.5", "GiB", "TB", "asid", "pfn", "op", "level", "2M", "3M", "&a", "*a",
                "!!java.lang.Runtime", "null", "~", "yes", "workload", "kind", "count: 1000000000000", "ram: 1TiB",
                "boot: ptdump:../../etc/passwd", "boot: meminfo:/dev/zero", "splitscope: 2", "guest: [1, 2]", "kernel: 6.8",
                "kernel: \"5.4\"", "invlpgb: maybe", "0x1", "1_0", ".inf", ".nan", "4294967297", "-4294967295", "1e400",
                "holes: [ { start: -1, size: 4KiB } ]");
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(1, 40))
                .as((k, at, len) -> new int[] {k, at, len});
        return Combinators.combine(base, edit.list().ofMinSize(1).ofMaxSize(6), token.list().ofSize(6))
                .as((text, edits, tokens) -> {
                    StringBuilder sb = new StringBuilder(text);
                    for (int i = 0; i < edits.size(); i++) {
                        int[] e = edits.get(i);
                        int at = e[1] % (sb.length() + 1);
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

    @Provide
    Arbitrary<String> random() {
        return Arbitraries.strings().withChars("splitscope:machine ram 4GiB{}[]-,\n\"'#&*!0123456789x")
                .ofMaxLength(400);
    }

    @Property(tries = 400)
    void mutatedScenariosLoadOrFailCleanly(@ForAll("mutated") String text) {
        check(text, false);
    }

    @Property(tries = 200)
    void randomTextFailsCleanly(@ForAll("random") String text, @ForAll boolean json) {
        check(text, json);
    }

    private static void check(String text, boolean json) {
        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Scenario s;
            try {
                s = ScenarioLoader.parse("fuzz.yaml", text, json, "fuzz", ImportTest.importsFromTestDir());
            } catch (ScenarioException e) {
                assertThat(e.getMessage()).startsWith("fuzz.yaml").doesNotContain("\n");
                assertThat(e.reason()).isNotBlank();
                return "clean error";
            }
            // whatever loads must be runnable: every input problem is caught by the loader
            if (s.machine().ramBytes() <= 64 * Pfns.GIB) {
                Simulation sim = Simulation.create(s.toSpec());
                sim.boot();
                sim.runTo(Math.min(sim.stepCount(), 2_000));
            }
            return "loaded and ran";
        });
        net.jqwik.api.statistics.Statistics.collect(outcome);
    }
}
