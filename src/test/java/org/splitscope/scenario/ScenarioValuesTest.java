package org.splitscope.scenario;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.StepCount;
import org.splitscope.core.workload.WorkloadSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values in scenario files (issue 14 items 2 and 4, issue 10 item 1): one number syntax in every
 * numeric field, ranges checked before narrowing, the kernel and invlpgb keys.
 */
class ScenarioValuesTest {
    static Scenario parse(String machine, String steps) throws ScenarioException {
        return ScenarioLoader.parse("t.yaml", "splitscope: 1\nmachine:\n  ram: 4GiB\n" + machine
                + "guests: [ { asid: 16, memory: 64MiB } ]\nsteps:\n" + steps, false, "t", ImportTest.importsFromTestDir());
    }

    static String error(String machine, String steps) {
        try {
            parse(machine, steps);
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("loaded");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            16|16
            0x10|16
            0b10000|16
            020|16
            1_6|16
            +16|16
            '"0x10"'|16
            '"0b1_0000"'|16
            """)
    @DisplayName("issue 14.2: hex, binary, YAML 1.1 octal, underscores, quoted or not: the same integer in every field")
    void oneIntegerSyntax(String written, long value) throws Exception {
        Scenario s = parse("  cpus: " + written + "\n  tlb: { entries4k: " + written + " }\n", "  - { op: host-write, cpu: 0, pfn: "
                + written + " }\n  - { op: launch, guest: " + written + " }\n");
        assertThat(s.machine().cpus()).isEqualTo(value);
        assertThat(s.machine().tlb().entries4k()).isEqualTo(value);
        assertThat(((ProgramItem.Fixed) s.items().get(0)).step()).isEqualTo(new Step.HostAccess(0, 16, true, null));
        assertThat(((ProgramItem.Fixed) s.items().get(1)).step()).isEqualTo(new Step.Launch(16, null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            fraction|0x1|1.0
            fraction|.5|0.5
            shared-ratio|1_0|error: shared-ratio must be a number from 0 to 1, got 1_0
            write-ratio|.inf|error: write-ratio must be a number from 0 to 1, got '.inf'
            write-ratio|.nan|error: write-ratio must be a number from 0 to 1, got '.nan'
            fraction|-.inf|error: fraction must be a number from 0 to 1, got '-.inf'
            write-ratio|1e400|error: write-ratio must be a number from 0 to 1, got 1e400
            """)
    @DisplayName("issue 14.2: ratios written 0x1, 1_0, .inf, .nan: a value or a located error, never an internal one")
    void ratios(String key, String written, String expected) throws Exception {
        String step = switch (key) {
            case "fraction" -> "  - { op: workload, kind: lazy-accept, guest: 16, fraction: " + written + " }\n";
            case "shared-ratio" -> "  - { op: workload, kind: conversions, guest: 16, count: 5, shared-ratio: " + written + " }\n";
            default -> "  - { op: workload, kind: host-activity, count: 5, write-ratio: " + written + " }\n";
        };
        if (expected.startsWith("error: ")) {
            assertThat(error("", step)).startsWith("t.yaml:6:").endsWith(expected.substring(7));
        } else {
            WorkloadSpec.LazyAccept la = (WorkloadSpec.LazyAccept) ((ProgramItem.Generated) parse("", step).items().get(0)).spec();
            assertThat(la.fraction()).isEqualTo(Double.parseDouble(expected));
        }
    }

    @Test
    @DisplayName("issue 14.4: an ASID of 4294967297 or -4294967295 is an error, not asid 1")
    void asidsDoNotWrap() {
        assertThat(error("", "  - { op: launch, guest: 4294967297 }\n"))
                .isEqualTo("t.yaml:6:26: guest must be between 1 and 1023, got 4294967297");
        assertThat(error("", "  - { op: teardown, guest: -4294967295 }\n"))
                .isEqualTo("t.yaml:6:28: guest must be between 1 and 1023, got -4294967295");
        assertThat(error("", "  - { op: workload, kind: lazy-accept, guest: [16, 4294967312] }\n"))
                .isEqualTo("t.yaml:6:52: guest must be between 1 and 1023, got 4294967312");
    }

    @Test
    @DisplayName("issue 14.2/14.4: holes with a negative or near-2^63 start or size, and a machine of holes only")
    void holes() {
        assertThat(error("  holes: [ { start: -4096, size: 4KiB } ]\n", ""))
                .isEqualTo("t.yaml:4:21: start must not be negative, got -4096");
        assertThat(error("  holes: [ { start: 9223372036854771712, size: 8KiB } ]\n", ""))
                .isEqualTo("t.yaml:4:12: the hole 0x7ffffffffffff000 +8 KiB extends beyond the end of RAM (4 GiB)");
        assertThat(error("  holes: [ { start: 4KiB, size: 9223372036854771712 } ]\n", ""))
                .startsWith("t.yaml:4:12: the hole 0x1000 +9007199254740988 KiB extends beyond the end of RAM");
        assertThat(error("  holes: [ { start: 0, size: 4GiB } ]\n", ""))
                .isEqualTo("t.yaml:4:10: the machine has no RAM: holes cover all 4 GiB");
    }

    @Test
    @DisplayName("issue 14.5: sizes in errors are exact (16 TiB + 1 GiB is 16385 GiB)")
    void exactSizes() {
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", "splitscope: 1\nmachine: { ram: 16385GiB }\n", false, "t", null))
                .hasMessage("t.yaml:2:17: ram must be a multiple of 2 MiB between 64 MiB and 16 TiB (R1), got 16385 GiB");
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", "splitscope: 1\nmachine:\n  ram: 66GiB\n"
                + "  boot: ptdump:epyc-65g.ptdump\n", false, "t", ImportTest.importsFromTestDir()))
                .hasMessage("t.yaml:3:8: ram is 66 GiB but the imported layout ptdump:epyc-65g.ptdump ends at 66562 MiB");
    }

    @Test
    @DisplayName("issue 10.1/R27: kernel \"6.18\" | \"6.8\" (default 6.18) and invlpgb (default true); unquoted 6.8 and 6.18 as written")
    void kernelKeys() throws Exception {
        assertThat(parse("", "").machine().kernel()).isEqualTo(KernelProfile.V6_18);
        assertThat(parse("", "").machine().invlpgb()).isTrue();
        assertThat(parse("  kernel: \"6.8\"\n  invlpgb: false\n", "").machine().kernel()).isEqualTo(KernelProfile.V6_8);
        assertThat(parse("  kernel: 6.8\n", "").machine().kernel()).isEqualTo(KernelProfile.V6_8);
        assertThat(parse("  kernel: 6.18\n", "").machine().kernel()).isEqualTo(KernelProfile.V6_18);
        assertThat(parse("  invlpgb: false\n", "").machine().invlpgb()).isFalse();
        assertThat(parse("  invlpgb: no\n", "").machine().invlpgb()).isFalse();
        assertThat(error("  kernel: \"5.4\"\n", "")).isEqualTo("t.yaml:4:11: kernel must be one of \"6.8\", \"6.18\", got '5.4'");
        // YAML reads 6.10 as the number 6.1; SplitScope takes the text as written, so neither 6.10 nor 6.80 is a profile
        assertThat(error("  kernel: 6.10\n", "")).isEqualTo("t.yaml:4:11: kernel must be one of \"6.8\", \"6.18\", got '6.10'");
        assertThat(error("  kernel: 6.80\n", "")).endsWith("got '6.80'");
        assertThat(error("  invlpgb: maybe\n", "")).isEqualTo("t.yaml:4:12: invlpgb must be true or false, got 'maybe'");
        String json = "{\"splitscope\": 1, \"machine\": {\"ram\": \"1GiB\", \"kernel\": 6.8, \"invlpgb\": false}}";
        Scenario s = ScenarioLoader.parse("t.json", json, true, "t", null);
        assertThat(s.machine().kernel()).isEqualTo(KernelProfile.V6_8);
        assertThat(s.toSpec(null, null, KernelProfile.V6_18).machine().kernel()).isEqualTo(KernelProfile.V6_18);
    }

    @Test
    @DisplayName("issue 14.3: a scenario that expands to more than 10^9 steps is refused at load with the count")
    void stepCap() {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            steps.append("  - { op: workload, kind: host-activity, count: 100000000 }\n");
        }
        assertThat(error("", steps.toString())).isEqualTo("t.yaml:16:5: the steps expand to 100000000000 steps, more than the "
                + StepCount.MAX + " a scenario may have (this one, of 100000000 steps, is where the count passes it)");
    }

    @Test
    @DisplayName("issue 14.5: Jackson's nesting and number limits come out with line and column, in our words")
    void parserLimits() {
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", "splitscope: 1\nx: " + "[".repeat(100) + "]".repeat(100),
                false, "t", null)).hasMessage("t.yaml:2:" + (4 + 64) + ": nested more than 64 levels deep");
        assertThatThrownBy(() -> ScenarioLoader.parse("t.json", "{\"splitscope\": 1,\n\"seed\": " + "9".repeat(100) + "}",
                true, "t", null)).message().startsWith("t.json:2:").endsWith("a number longer than 64 characters")
                .doesNotContain("Jackson").doesNotContain("StreamReadConstraints");
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", "splitscope: 1\nseed: 0x" + "f".repeat(100) + "\n",
                false, "t", null)).message().startsWith("t.yaml:2:").endsWith("a number longer than 64 characters");
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", "splitscope: 1\na:\n\tb: 1\n", false, "t", null))
                .hasMessage("t.yaml:3:1: not valid YAML: found character '\\t(TAB)' that cannot start any token. (Do not"
                        + " use \\t(TAB) for indentation) (while scanning for the next token)");
        for (String bad : List.of("a: !!binary xyz\n", "? [a]\n: 1\n", "a: &x [1]\nb: *x\n")) {
            assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", "splitscope: 1\n" + bad, false, "t", null))
                    .isInstanceOf(ScenarioException.class).message().startsWith("t.yaml:").doesNotContain("org.yaml")
                    .doesNotContain("com.fasterxml").doesNotContain("\n");
        }
    }
}
