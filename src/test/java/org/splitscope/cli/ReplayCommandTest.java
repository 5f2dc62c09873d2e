package org.splitscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.export.PngWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.cli.CliTest.assertOneCleanLine;
import static org.splitscope.cli.CliTest.cli;

class ReplayCommandTest {
    static final String EXAMPLE = "snp-host-split-on-demand";

    @Test
    @DisplayName("replay --json: the run --json summary plus the trace object of TRACE.md")
    void json() throws Exception {
        CliTest.Result r = cli("replay", "--trace", "assets/recordings/" + EXAMPLE, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip().lines()).hasSize(1);
        JsonNode j = r.json();
        assertThat(j.get("scenario").asText()).isEqualTo(EXAMPLE);
        assertThat(j.get("policy").asText()).isEqualTo("split-on-demand");
        assertThat(j.get("steps").asLong()).isEqualTo(10);
        assertThat(j.get("counters").get("rmp_faults").asLong()).isEqualTo(1);
        assertThat(j.get("faults").get(0).get("step").asLong()).isEqualTo(9);
        JsonNode t = j.get("trace");
        assertThat(t.get("lines").asLong()).isEqualTo(47);
        assertThat(t.get("steps").asLong()).isEqualTo(10);
        assertThat(t.get("guests")).hasSize(2);
        assertThat(t.get("guests").get(0).get("vcpus").asInt()).isEqualTo(2);
        assertThat(t.get("guests").get(1).get("folio").asText()).isEqualTo("2M");
        assertThat(t.get("unrecorded")).isEmpty();
        assertThat(t.get("mismatches")).isEmpty();
        assertThat(t.get("mismatch_count").asLong()).isZero();
        assertThat(t.get("what_if").asBoolean()).isFalse();
        for (String k : List.of("DirectMap4k", "DirectMap2M", "DirectMap1G", "direct_map_level2_splits",
                "direct_map_level3_splits")) {
            assertThat(t.get("final").get(k).get("observed")).as(k).isEqualTo(t.get("final").get(k).get("predicted"));
        }
        assertThat(t.get("final").get("ptdump.after").get("differing").asLong()).isZero();
    }

    @Test
    @DisplayName("replay --kernel 6.8 is a what-if: each mismatch has its line, event, what, observed and predicted")
    void whatIf() throws Exception {
        CliTest.Result r = cli("replay", "--trace", EXAMPLE, "--kernel", "6.8", "--json");
        assertThat(r.code()).isZero();
        JsonNode t = r.json().get("trace");
        assertThat(t.get("what_if").asBoolean()).isTrue();
        assertThat(t.get("replayed_as").get("kernel").asText()).isEqualTo("6.8");
        assertThat(t.get("mismatch_count").asLong()).isEqualTo(3);
        JsonNode m = t.get("mismatches").get(0);
        assertThat(m.get("line").asLong()).isEqualTo(5);
        assertThat(m.get("event").asText()).isEqualTo("rmp_private");
        assertThat(m.get("what").asText()).isEqualTo("range_flush_ipis");
        assertThat(m.get("observed").asLong()).isEqualTo(7);
        assertThat(m.get("predicted").asLong()).isZero();
        CliTest.Result one = cli("replay", "--trace", EXAMPLE, "--kernel", "6.8", "--json", "--max-mismatches", "1");
        assertThat(one.json().get("trace").get("mismatches")).hasSize(1);
        assertThat(one.json().get("trace").get("mismatch_count").asLong()).isEqualTo(3);
    }

    @Test
    @DisplayName("the readable replay says what was compared, each mismatch with the line it quotes, and the end figures")
    void readable() {
        CliTest.Result r = cli("replay", "--trace", EXAMPLE, "--policy", "none");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("what-if: replayed as none on kernel 6.18 (the host ran split-on-demand on kernel 6.18)")
                .contains("line 5 rmp_private: set_memory_4k observed 1, predicted 0")
                .contains("trace.txt:5: CPU 0/KVM-4213  [003]  7391.402121: rmp_private:")
                .contains("end: ptdump.after: 1024 of 4608 2M regions have another leaf")
                .contains("DirectMap4k:");
    }

    @Test
    @DisplayName("a bad recording is exit 2 with one line naming the file and line; a bad option too")
    void bad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("host.txt"), "cpus=4\npage_offset_base=0xffff888000000000\nram=4GiB\n");
        Files.writeString(dir.resolve("trace.txt"), " qemu-5120 [001] 7391.4: rmp_private: (x) pfn=0x1 gpa=0x0 level=9 asid=1\n");
        CliTest.Result r = cli("replay", "--trace", dir.toString());
        assertOneCleanLine(r);
        assertThat(r.err()).contains(dir.resolve("trace.txt") + ":1:").contains("unknown level 9");
        assertOneCleanLine(cli("replay", "--trace", dir.resolve("nothing").toString()));
        assertOneCleanLine(cli("replay", "--trace", EXAMPLE, "--kernel", "5.10"));
        assertOneCleanLine(cli("replay", "--trace", EXAMPLE, "--policy", "bogus"));
        assertOneCleanLine(cli("replay"));
        assertOneCleanLine(cli("run", "--scenario", "overlap-crash", "--trace", EXAMPLE));
    }

    @Test
    @DisplayName("export --recording writes a recording that replays with no mismatch; run, export and compare take --trace")
    void exportRecordingAndTraceOptions(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("rec");
        CliTest.Result w = cli("export", "--scenario", "overlap-crash", "--policy", "none", "--recording", rec.toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).startsWith("wrote " + rec);
        for (String f : List.of("trace.txt", "host.txt", "ptdump.before", "meminfo.before", "vmstat.before", "meminfo.after",
                "vmstat.after", "ptdump.after")) {
            assertThat(rec.resolve(f)).as(f).isRegularFile();
        }
        JsonNode t = cli("replay", "--trace", rec.toString(), "--json").json().get("trace");
        assertThat(t.get("mismatch_count").asLong()).isZero();
        assertThat(t.get("steps").asLong()).isEqualTo(3);                  // assign, the faulting write, release

        JsonNode run = cli("run", "--trace", rec.resolve("trace.txt").toString(), "--json").json();
        assertThat(run.get("counters").get("rmp_faults").asLong()).isEqualTo(1);
        Path png = dir.resolve("r.png");
        CliTest.Result e = cli("export", "--trace", EXAMPLE, "--step", "4", "--out", png.toString(), "--width", "600",
                "--height", "400");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(PngWriter.read(png, new int[2])).isNotEmpty();
        CliTest.Result c = cli("compare", "--trace", EXAMPLE, "--policies", "split-on-demand,none", "--json");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.json().get("rows")).hasSize(2);
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--recording", rec.toString(), "--step", "2"));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash"));
    }

    @Test
    @DisplayName("list names the built-in recordings")
    void list() {
        assertThat(cli("list").out()).containsPattern("(?m)^recordings \\(replay --trace NAME\\):\\n  " + EXAMPLE + " ");
    }
}
