package org.splitscope.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioLoaderTest {
    static final String GOOD = """
            splitscope: 1
            name: A test
            description: >
              Two lines
              of text.
            machine:
              ram: 4GiB
              holes: [ { start: 3GiB, size: 512MiB } ]
              cpus: 4
              gbpages: true
              tlb: { entries4k: 16, entries2m: 8, entries1g: 2 }
            policy: none
            seed: 42
            guests:
              - { asid: 1, memory: 1GiB, vcpus: 2, folio: 4K }
              - { asid: 7, memory: 256MiB, vcpus: 1, folio: 2M }
            steps:
              - { op: launch, guest: 1, caption: go }
              - { op: assign, guest: 1, pfn: 0x40200, level: 4K, gpa: 0x0 }
              - { op: assign, guest: 7, pfn: "0x40400", level: 2M }
              - { op: host-write, cpu: 3, pfn: 0x40201 }
              - { op: host-read, cpu: 1, pfn: 262657 }
              - { op: release, pfn: 0x40200, level: 4K }
              - { op: psmash, pfn: 0x40400 }
              - { op: teardown, guest: 1 }
              - { op: workload, kind: lazy-accept, guest: [1, 7], fraction: 0.5 }
              - { op: workload, kind: conversions, guest: 7, count: 10, level: 2M, shared-ratio: 0.3 }
              - { op: workload, kind: host-activity, count: 5, write-ratio: 1.0, cpus: 2 }
            """;

    static Scenario parse(String yaml) throws ScenarioException {
        return ScenarioLoader.parse("t.yaml", yaml, false, "t", ImportTest.importsFromTestDir());
    }

    @Test
    @DisplayName("every key of format 1 is read")
    void readsEverything() throws Exception {
        Scenario s = parse(GOOD);
        assertThat(s.id()).isEqualTo("t");
        assertThat(s.title()).isEqualTo("A test");
        assertThat(s.description()).isEqualTo("Two lines of text.");
        assertThat(s.machine().ramBytes()).isEqualTo(4L << 30);
        assertThat(s.machine().holes()).hasSize(1);
        assertThat(s.machine().tlb().entries2m()).isEqualTo(8);
        assertThat(s.policyId()).isEqualTo("none");
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.guests()).hasSize(2);
        assertThat(s.guests().get(1).folio()).isEqualTo(PageSize.M2);
        assertThat(s.items()).hasSize(11);
        assertThat(((ProgramItem.Fixed) s.items().get(0)).step().caption()).isEqualTo("go");
        assertThat(((ProgramItem.Fixed) s.items().get(2)).step()).isEqualTo(new Step.Assign(7, 0x40400, PageSize.M2, -1, null));
        assertThat(((ProgramItem.Fixed) s.items().get(4)).step()).isEqualTo(new Step.HostAccess(1, 262657, false, null));
        assertThat(((ProgramItem.Generated) s.items().get(8)).spec())
                .isEqualTo(new WorkloadSpec.LazyAccept(java.util.List.of(1, 7), 0.5));
    }

    @Test
    @DisplayName("JSON carries the same structure as YAML")
    void json() throws Exception {
        String json = """
                {"splitscope": 1, "machine": {"ram": "1GiB", "cpus": 2},
                 "guests": [{"asid": 1, "memory": "64MiB"}],
                 "steps": [{"op": "assign", "guest": 1, "pfn": "0x1000"}]}
                """;
        Scenario s = ScenarioLoader.parse("t.json", json, true, "t", ImportTest.importsFromTestDir());
        assertThat(s.items()).hasSize(1);
        assertThat(s.policyId()).isEqualTo("split-on-demand");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            cpus: 4|colour: red\\n  cpus: 4|t.yaml:9:3: unknown key 'colour' in machine (expected one of: ram, holes, cpus, gbpages, boot, tlb, kernel, invlpgb)
            - { op: launch, guest: 1, caption: go }|- { op: jump, guest: 1 }|t.yaml:18:11: unknown op 'jump'
            policy: none|policy: nonsense|t.yaml:12:9: unknown policy 'nonsense'
            ram: 4GiB|ram: 4GB|t.yaml:7:8: unknown unit 'GB' in ram (use B, KiB, MiB, GiB or TiB)
            pfn: 0x40201 }|pfn: 0x140201 }|t.yaml:21:36: pfn 0x140201 is beyond RAM (the last frame is 0xfffff)
            pfn: "0x40400", level: 2M|pfn: "0x40401", level: 2M|t.yaml:20:34: a 2M step needs a 2M-aligned pfn
            { op: teardown, guest: 1 }|{ op: teardown, guest: 9 }|t.yaml:25:28: no guest declares asid 9
            memory: 256MiB, vcpus: 1|memory: 4GiB, vcpus: 1|t.yaml:16:5: guest 7 does not fit
            splitscope: 1|splitscope: 2|t.yaml:1:13: format version 2 is not supported by this build (it reads 1)
            pfn: 0x40200, level: 4K, gpa|pfn: 0xc0000, level: 4K, gpa|t.yaml:19:34: pfn 0xc0000 is in a hole (not RAM)
            cpu: 3,|cpu: 9,|t.yaml:21:28: cpu must be between 0 and 3, got 9
            fraction: 0.5|fraction: 1.5|t.yaml:26:65: fraction must be a number from 0 to 1, got 1.5
            count: 10, level: 2M|count: 10, level: 3M|t.yaml:27:
            """)
    @DisplayName("every error names the file, line, column and cause")
    void errors(String from, String to, String expected) {
        String yaml = GOOD.replace(from, to.replace("\\n", "\n"));
        assertThat(yaml).isNotEqualTo(GOOD);
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ScenarioException.class).hasMessageStartingWith(expected);
    }

    @Test
    @DisplayName("syntax errors and wrong shapes are one-line errors too")
    void shapes() {
        assertThatThrownBy(() -> parse("splitscope: 1\nmachine: [1, 2]\n"))
                .hasMessage("t.yaml:2:10: machine must be a mapping (key: value)");
        assertThatThrownBy(() -> parse("splitscope: 1\nmachine: {ram: 1GiB\n"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("t.yaml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("machine: {ram: 1GiB}\n")).hasMessageContaining("missing 'splitscope: 1'");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("splitscope: 1\nsplitscope: 1\n")).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> ScenarioLoader.parse("t.json", "{\"splitscope\": 1,}", true, "t", null))
                .hasMessageStartingWith("t.json:1:").hasMessageContaining("not valid JSON");
    }

    @Test
    @DisplayName("files that do not exist, and built-in names that do not exist")
    void missingFiles() {
        assertThatThrownBy(() -> ScenarioLoader.load("/nonexistent/x.yaml")).hasMessage("/nonexistent/x.yaml: no such file or directory");
        assertThatThrownBy(() -> ScenarioLoader.load("overlap-crush"))
                .hasMessageContaining("no such built-in scenario or file").hasMessageContaining("overlap-crash");
        String yaml = "splitscope: 1\nmachine:\n  boot: ptdump:missing.txt\n";
        assertThatThrownBy(() -> parse(yaml)).hasMessageStartingWith("t.yaml:3:9: cannot read missing.txt");
    }

    @Test
    @DisplayName("extension compare: the policies to put side by side, the scenario's own first")
    void compareList() throws Exception {
        Scenario s = parse(GOOD.replace("seed: 42", "seed: 42\ncompare: [split-on-demand, presplit-4k]"));
        assertThat(s.compare()).containsExactly("none", "split-on-demand", "presplit-4k");
        assertThat(parse(GOOD).compare()).isEmpty();
        assertThat(parse(GOOD.replace("seed: 42", "seed: 42\ncompare: [none, split-on-demand]")).compare())
                .containsExactly("none", "split-on-demand");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "compare: [split-on-demand, bogus]|t.yaml:14:28: unknown policy 'bogus' in compare",
            "compare: [split-on-demand, split-on-demand]|t.yaml:14:28: policy 'split-on-demand' is listed twice",
            "compare: [none]|t.yaml:14:1: compare needs 2 to 6 different policies, got 1",
            "compare: split-on-demand|t.yaml:14:10: compare must be a list"})
    void badCompare(String line, String message) {
        assertThatThrownBy(() -> parse(GOOD.replace("seed: 42", "seed: 42\n" + line)))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith(message);
    }
}
