package org.splitscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static void assertOneCleanLine(Result r) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("splitscope: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("list prints every built-in scenario and every policy, one line each")
    void list() {
        Result r = cli("list");
        assertThat(r.code()).isZero();
        for (String s : List.of("overlap-crash", "stale-tlb", "lazy-accept", "conversions", "multi-guest",
                "none", "split-physmap", "invalidate-noflush", "invalidate-flush", "presplit-4k", "presplit-on-launch",
                "split-on-demand", "private-2m-only", "split-and-restore", "gmem-no-direct-map")) {
            assertThat(r.out()).containsPattern("(?m)^  " + s + " ");
        }
    }

    @Test
    @DisplayName("run --json prints exactly one JSON object with every documented key")
    void runJson() throws Exception {
        Result r = cli("run", "--scenario", "overlap-crash", "--policy", "none", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip().lines()).hasSize(1);
        JsonNode j = r.json();
        assertThat(j.get("scenario").asText()).isEqualTo("overlap-crash");
        assertThat(j.get("policy").asText()).isEqualTo("none");
        assertThat(j.get("seed").asLong()).isEqualTo(1);
        assertThat(j.get("steps").asLong()).isEqualTo(8);
        assertThat(j.get("meminfo").get("DirectMap4k").asLong()).isEqualTo(2048);
        assertThat(j.get("meminfo").get("DirectMap2M").asLong()).isEqualTo(1046528);
        assertThat(j.get("meminfo").get("DirectMap1G").asLong()).isEqualTo(3145728);
        for (String k : List.of("direct_map_level2_splits", "direct_map_level3_splits", "direct_map_level2_collapses",
                "direct_map_level3_collapses")) {
            assertThat(j.get("vmstat").has(k)).as(k).isTrue();
        }
        for (String k : List.of("rmp_faults", "not_present_faults", "cpa_calls", "flush_tlb_all", "flush_tlb_page",
                "ipis", "rmpupdates", "psmash", "rejected_assignments")) {
            assertThat(j.get("counters").has(k)).as(k).isTrue();
        }
        assertThat(j.get("counters").get("rmp_faults").asLong()).isEqualTo(1);
        assertThat(j.get("counters").get("rmpupdates").asLong()).isEqualTo(2);
        for (String k : List.of("stale", "mixed_size", "rmp_hazard")) {
            assertThat(j.get("tlb").has(k)).as(k).isTrue();
        }
        assertThat(j.get("rmp").has("assigned_4k_frames")).isTrue();
        assertThat(j.get("rmp").has("private_2m_entries")).isTrue();
        assertThat(j.get("state_hash").asText()).matches("[0-9a-f]{16}");
        assertThat(j.get("faults").get(0).get("step").asLong()).isEqualTo(5);
        assertThat(j.get("faults").get(0).get("kind").asText()).isEqualTo("rmp-fault");
    }

    @Test
    @DisplayName("--until-step 0 is the machine as booted; the state hash depends on the position")
    void untilStep() throws Exception {
        JsonNode booted = cli("run", "--scenario", "overlap-crash", "--policy", "split-on-demand", "--until-step", "0",
                "--json").json();
        assertThat(booted.get("steps").asLong()).isZero();
        assertThat(booted.get("meminfo").get("DirectMap4k").asLong()).isEqualTo(2048);
        JsonNode three = cli("run", "--scenario", "overlap-crash", "--policy", "split-on-demand", "--until-step", "3",
                "--json").json();
        assertThat(three.get("meminfo").get("DirectMap4k").asLong()).isEqualTo(4096);
        assertThat(three.get("state_hash")).isNotEqualTo(booted.get("state_hash"));
        JsonNode again = cli("run", "--scenario", "overlap-crash", "--policy", "split-on-demand", "--until-step", "3",
                "--json").json();
        assertThat(again.get("state_hash")).isEqualTo(three.get("state_hash"));
    }

    @Test
    @DisplayName("the readable summary has the meminfo lines, vmstat counters and the first faults")
    void readable() {
        Result r = cli("run", "--scenario", "stale-tlb");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("DirectMap4k:").contains("direct_map_level2_splits 1")
                .contains("step 7: RMP #PF: CPU 2 wrote 0x30010 through a stale 4K TLB entry");
    }

    @Test
    @DisplayName("bad input: one clean line on stderr and exit status 2")
    void badInput(@TempDir Path dir) throws Exception {
        assertOneCleanLine(cli("run", "--scenario", "no-such-thing"));
        assertOneCleanLine(cli("run", "--scenario", "overlap-crash", "--policy", "bogus"));
        assertOneCleanLine(cli("run", "--scenario", "overlap-crash", "--until-step", "99"));
        assertOneCleanLine(cli("run", "--scenario", "overlap-crash", "--seed", "x"));
        assertOneCleanLine(cli("run"));
        assertOneCleanLine(cli("frobnicate"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "splitscope: 1\nmachine:\n  ram: 4GiB\nsteps:\n  - { op: assign, guest: 3, pfn: 1 }\n");
        Result r = cli("run", "--scenario", bad.toString());
        assertOneCleanLine(r);
        assertThat(r.err()).contains("bad.yaml:5:").contains("no guest declares asid 3");
    }

    @Test
    @DisplayName("a scenario file from disk runs like a built-in")
    void fromFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.json");
        Files.writeString(f, "{\"splitscope\": 1, \"machine\": {\"ram\": \"256MiB\", \"cpus\": 2},"
                + " \"guests\": [{\"asid\": 2, \"memory\": \"16MiB\", \"folio\": \"2M\"}],"
                + " \"steps\": [{\"op\": \"workload\", \"kind\": \"lazy-accept\", \"guest\": 2}]}");
        Result r = cli("run", "--scenario", f.toString(), "--json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("scenario").asText()).isEqualTo("mine");
        assertThat(j.get("steps").asLong()).isEqualTo(8);
        assertThat(j.get("rmp").get("private_2m_entries").asLong()).isEqualTo(8);
    }
}
