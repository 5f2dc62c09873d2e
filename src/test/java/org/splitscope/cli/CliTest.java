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
    public record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            assertThat(out).as("stdout of a --json command (exit %d, stderr: %s)", code, err).isNotBlank();
            return new ObjectMapper().readTree(out);
        }
    }

    public static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    public static void assertOneCleanLine(Result r) {
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
                .contains("step 7: RMP #PF (oops: RMP violation; the thread's host crash): CPU 2 wrote 0x30010 through a stale 4K TLB entry");
    }

    @Test
    @DisplayName("R4: the readable summary prints DirectMap1G only with gbpages on, as arch_report_meminfo does; JSON keeps the key")
    void directMap1gLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nogb.yaml");
        Files.writeString(f, "splitscope: 1\nname: no gbpages\nmachine: { ram: 4GiB, cpus: 2, gbpages: false }\n"
                + "policy: none\nsteps:\n  - { op: host-read, cpu: 0, pfn: 5 }\n");
        Result text = cli("run", "--scenario", f.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("DirectMap2M:").doesNotContain("DirectMap1G");
        assertThat(cli("run", "--scenario", f.toString(), "--json").json().get("meminfo").get("DirectMap1G").asLong())
                .isZero();
        assertThat(cli("run", "--scenario", "overlap-crash").out()).contains("DirectMap1G:");
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

    @Test
    @DisplayName("run --seek prints one JSON line per position; each hash equals a plain run to that step")
    void seek() throws Exception {
        Result r = cli("run", "--scenario", "lazy-accept", "--seek", "500,100,900", "--json");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(3);
        long[] steps = {500, 100, 900};
        for (int i = 0; i < 3; i++) {
            JsonNode j = new ObjectMapper().readTree(lines.get(i));
            assertThat(j.get("step").asLong()).isEqualTo(steps[i]);
            JsonNode plain = cli("run", "--scenario", "lazy-accept", "--until-step", Long.toString(steps[i]), "--json").json();
            assertThat(j.get("state_hash")).isEqualTo(plain.get("state_hash"));
        }
        assertOneCleanLine(cli("run", "--scenario", "lazy-accept", "--seek", "5,999999"));
    }

    @Test
    @DisplayName("run --break stops at the first match and prints the event with its details")
    void breakpoint() throws Exception {
        JsonNode j = cli("run", "--scenario", "overlap-crash", "--policy", "none", "--break", "rmp-fault", "--json").json();
        assertThat(j.get("found").asBoolean()).isTrue();
        assertThat(j.get("step").asLong()).isEqualTo(5);
        assertThat(j.get("event").get("kind").asText()).isEqualTo("rmp-fault");
        assertThat(j.get("event").get("details").get("firstPrivatePfn").asLong()).isEqualTo(0x20001);
        assertThat(j.get("event").get("details").get("size").asText()).isEqualTo("2M");
        assertThat(j.get("summary").get("steps").asLong()).isEqualTo(5);
        JsonNode none = cli("run", "--scenario", "overlap-crash", "--policy", "split-on-demand", "--break", "rmp-fault", "--json").json();
        assertThat(none.get("found").asBoolean()).isFalse();
        Result text = cli("run", "--scenario", "stale-tlb", "--break", "np-fault cpu=1");
        assertThat(text.out()).startsWith("stopped at step 5").contains("not-present #PF (oops): CPU 1 read 0x30010");
        assertOneCleanLine(cli("run", "--scenario", "stale-tlb", "--break", "explode"));
        assertOneCleanLine(cli("run", "--scenario", "stale-tlb", "--break", "split", "--seek", "1"));
    }

    @Test
    @DisplayName("bench seek prints steps, median, p99 and history size")
    void benchSeek() throws Exception {
        JsonNode j = cli("bench", "seek", "--steps", "20000", "--seeks", "20", "--json").json();
        assertThat(j.get("steps").asLong()).isEqualTo(20000);
        assertThat(j.get("median_ms").asDouble()).isPositive();
        assertThat(j.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(j.get("median_ms").asDouble());
        assertThat(j.get("history_mib").asDouble()).isPositive().isLessThan(512);
        assertThat(j.get("record").asText()).isEqualTo("state");
        // as the app records: events and figures, the first run far from the end in bulk or on the step path
        JsonNode bulk = cli("bench", "seek", "--steps", "60000", "--seeks", "5", "--budget-mib", "8", "--record", "all",
                "--json").json();
        JsonNode step = cli("bench", "seek", "--steps", "60000", "--seeks", "5", "--budget-mib", "8", "--record", "all",
                "--first-run", "step", "--json").json();
        assertThat(bulk.get("steps_recorded_in_bulk").asLong()).isPositive();
        assertThat(step.get("steps_recorded_in_bulk").asLong()).isZero();
        assertThat(bulk.get("first_run").asText()).isEqualTo("bulk");
        assertOneCleanLine(cli("bench", "seek", "--record", "everything"));
    }

    static Object garbage;

    @Test
    @DisplayName("a heap full of garbage is collected before a machine is refused (CI failed on this once)")
    void garbageIsNotARefusal() throws Exception {
        Object[] arrays = new Object[(int) (Runtime.getRuntime().maxMemory() * 9 / 10 / (32L << 20))];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = new long[4 << 20];    // 32 MiB each: straight to the old generation
        }
        garbage = arrays;
        garbage = null;
        arrays = null;
        Result r = cli("bench", "seek", "--steps", "2000", "--seeks", "5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("steps").asLong()).isEqualTo(2000);
    }

    @Test
    @DisplayName("reproduce --json prints rows with simulated and seed GB/s, and the ratio checks")
    void reproduce() throws Exception {
        JsonNode j = cli("reproduce", "--scale", "0.015625", "--runs", "3", "--json").json();
        assertThat(j.get("rows")).hasSize(9);
        JsonNode first = j.get("rows").get(0);
        assertThat(first.get("table").asText()).isEqualTo("S1");
        assertThat(first.get("guests").asInt()).isEqualTo(1);
        assertThat(first.get("config").asText()).isEqualTo("presplit-4k");
        assertThat(first.get("simulated_gb_per_s").asDouble()).isPositive();
        assertThat(first.get("seed_gb_per_s").asDouble()).isEqualTo(12.5);
        assertThat(j.get("rows").get(2).get("seed_gb_per_s").isNull()).isTrue();      // invalidate-flush
        for (JsonNode r : j.get("ratios")) {
            assertThat(r.get("ok").asBoolean()).as(r.get("name").asText()).isTrue();
        }
        assertOneCleanLine(cli("reproduce", "--scale", "2"));
    }
}
