package org.splitscope.scenario.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.ScenarioException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.scenario.trace.Recordings.HOST;
import static org.splitscope.scenario.trace.Recordings.dir;
import static org.splitscope.scenario.trace.Recordings.privateRet;
import static org.splitscope.scenario.trace.Recordings.rmpPrivate;

class ReplayTest {
    static final String EXAMPLE = "snp-host-split-on-demand";

    @TempDir
    Path tmp;

    static ReplayResult replay(Recording r, SimSpec spec) {
        return Replay.of(r, spec).run(EventSink.NONE, Progress.NONE);
    }

    static ReplayResult replay(Recording r) {
        return replay(r, r.scenario().toSpec());
    }

    static List<Mismatches.Mismatch> all(ReplayResult r) {
        List<Mismatches.Mismatch> out = new ArrayList<>();
        for (int i = 0; i < r.mismatches().size(); i++) {
            out.add(r.mismatches().get(i));
        }
        return out;
    }

    @Test
    @DisplayName("the built-in example replays as its traced kernel with no mismatch, and its after-files agree")
    void exampleMatches() throws ScenarioException {
        Recording rec = RecordingLoader.load(EXAMPLE, Progress.NONE);
        assertThat(rec.unrecorded()).isEmpty();
        assertThat(rec.warnings()).isEmpty();
        ReplayResult r = replay(rec);
        assertThat(all(r)).isEmpty();
        assertThat(r.end().values()).hasSize(5).allSatisfy(v -> assertThat(v.differs()).as(v.name()).isFalse());
        assertThat(r.end().values()).extracting(FinalCheck.Value::name).containsExactly("DirectMap4k", "DirectMap2M",
                "DirectMap1G", "direct_map_level2_splits", "direct_map_level3_splits");
        assertThat(r.end().leaves().differing()).isZero();
        assertThat(r.end().leaves().regions()).isEqualTo(4608);
        assertThat(rec.unattributedLines()).isEqualTo(1);             // kworker/6:2's do_kernel_range_flush
        assertThat(r.simulation().counters().get(org.splitscope.core.kernel.Counter.RMP_FAULTS)).isEqualTo(1);
    }

    @Test
    @DisplayName("each RMP operation runs on the CPU of its trace line: its RMPUPDATE, split and flush say that CPU")
    void operationsOnTheirTraceCpu() throws Exception {
        Path d = dir(tmp, HOST, rmpPrivate(3, 0x40001, 0x1000, 1, 1), privateRet(3, 0),
                Recordings.line(2, "rmp_shared", "(rmp_make_shared+0x0/0x70) pfn=0x40001 level=1"));
        Recording rec = RecordingLoader.load(d, Progress.NONE);
        List<org.splitscope.core.event.SimEvent> events = new ArrayList<>();
        Replay.of(rec, rec.scenario().toSpec()).run(events::add, Progress.NONE);
        List<org.splitscope.core.event.SimEvent.RmpUpdate> updates = events.stream()
                .filter(e -> e instanceof org.splitscope.core.event.SimEvent.RmpUpdate)
                .map(e -> (org.splitscope.core.event.SimEvent.RmpUpdate) e).toList();
        assertThat(updates).extracting(org.splitscope.core.event.SimEvent.RmpUpdate::cpu).containsExactly(3, 2);
        assertThat(events).filteredOn(e -> e instanceof org.splitscope.core.event.SimEvent.FlushTlbAll)
                .extracting(e -> ((org.splitscope.core.event.SimEvent.FlushTlbAll) e).cpu()).isNotEmpty().containsOnly(3);
    }

    @Test
    @DisplayName("what-if --kernel 6.8 on the 6.18 example: the range flushes 6.8 does not do are the only mismatches")
    void exampleUnder68() throws ScenarioException {
        Recording rec = RecordingLoader.load(EXAMPLE, Progress.NONE);
        ReplayResult r = replay(rec, rec.scenario().toSpec().withKernel(KernelProfile.V6_8));
        assertThat(all(r)).containsExactly(
                new Mismatches.Mismatch(0, 5, "rmp_private", Figure.RANGE_FLUSH_IPIS, 7, 0),
                new Mismatches.Mismatch(3, 21, "rmp_private", Figure.RANGE_FLUSH_IPIS, 7, 0),
                new Mismatches.Mismatch(7, 36, "rmp_shared", Figure.RANGE_FLUSH_IPIS, 7, 0));
    }

    @Test
    @DisplayName("what-if --policy none: no set_memory_4k, no split, no flush where the host did them; the final layout differs")
    void exampleUnderNone() throws ScenarioException {
        Recording rec = RecordingLoader.load(EXAMPLE, Progress.NONE);
        ReplayResult r = replay(rec, rec.scenario().toSpec("none", null));
        assertThat(r.mismatches().byFigure()).containsEntry(Figure.SET_MEMORY_4K, 3L).containsEntry(Figure.SPLITS, 3L)
                .containsEntry(Figure.FLUSH_TLB_ALL, 3L).containsEntry(Figure.RANGE_FLUSH_IPIS, 3L)
                .doesNotContainKey(Figure.RMP_FAULTS);                 // the driver's write faults either way (R17)
        assertThat(r.end().leaves().differing()).isEqualTo(1024);
        assertThat(r.end().values().get(0).differs()).isTrue();
    }

    @Test
    @DisplayName("a recording written from a scenario run replays with zero mismatches, under both kernels")
    void roundTrip() throws Exception {
        String[][] runs = {{"multi-guest", "split-on-demand"}, {"conversions", "gmem-no-direct-map"},
            {"lazy-accept", "invalidate-flush"}, {"overlap-crash", "none"}, {"overlap-crash", "presplit-4k"}};
        for (String[] run : runs) {
            for (KernelProfile k : KernelProfile.values()) {
                String policy = run[1];
                SimSpec spec = BuiltinScenarios.load(run[0]).toSpec(policy, null).withKernel(k);
                Path d = tmp.resolve(run[0] + "-" + policy + "-" + k.id());
                RecordingWriter.Written w = RecordingWriter.write(spec, d, Progress.NONE);
                Recording rec = RecordingLoader.load(d, Progress.NONE);
                assertThat(rec.lines()).isEqualTo(w.lines());
                assertThat(rec.scenario().machine().kernel()).isEqualTo(k);
                ReplayResult r = replay(rec);
                assertThat(all(r)).as(run[0] + " " + policy + " " + k).isEmpty();
                assertThat(r.end().values()).allSatisfy(v -> assertThat(v.differs()).as(v.name()).isFalse());
                assertThat(r.end().leaves().differing()).isZero();
                assertThat(rec.unrecorded()).doesNotContain(Figure.RET);
            }
        }
    }

    @Test
    @DisplayName("one injected flush_all in a recording is exactly one mismatch, at its operation's line")
    void injectedFlush() throws Exception {
        SimSpec spec = BuiltinScenarios.load("lazy-accept").toSpec("split-on-demand", null);
        Path d = tmp.resolve("rec");
        RecordingWriter.write(spec, d, Progress.NONE);
        List<String> lines = new ArrayList<>(Files.readAllLines(d.resolve("trace.txt")));
        int at = -1;
        for (int i = lines.size() / 2; i < lines.size() && at < 0; i++) {
            if (lines.get(i).contains(" rmp_private: ") && lines.get(i + 1).contains("rmp_private_ret:")) {
                at = i;
            }
        }
        String op = lines.get(at);
        String head = op.substring(0, op.indexOf(" rmp_private: "));
        lines.add(at + 1, head + " flush_all:            (flush_tlb_all+0x0/0x50)");
        Files.write(d.resolve("trace.txt"), lines);
        ReplayResult r = replay(RecordingLoader.load(d, Progress.NONE));
        assertThat(all(r)).hasSize(1);
        Mismatches.Mismatch m = all(r).get(0);
        assertThat(m.line()).isEqualTo(at + 1);
        assertThat(m.event()).isEqualTo("rmp_private");
        assertThat(m.what()).isEqualTo(Figure.FLUSH_TLB_ALL);
        assertThat(m.observed()).isEqualTo(m.predicted() + 1);
    }

    @Test
    @DisplayName("without the flush_all kprobe, flush_tlb_all calls are the do_flush_tlb_all IPI lines: none under 6.18 with INVLPGB")
    void flushesFromIpis() throws Exception {
        for (KernelProfile k : KernelProfile.values()) {
            SimSpec spec = BuiltinScenarios.load("lazy-accept").toSpec("split-on-demand", null).withKernel(k);
            Path d = tmp.resolve("ipis-" + k.id());
            RecordingWriter.write(spec, d, Progress.NONE);
            List<String> lines = Files.readAllLines(d.resolve("trace.txt"));
            Files.write(d.resolve("trace.txt"), lines.stream().filter(l -> !l.contains(" flush_all: ")).toList());
            Recording rec = RecordingLoader.load(d, Progress.NONE);
            assertThat(rec.flushFromKprobe()).isFalse();
            assertThat(rec.unrecorded()).doesNotContain(Figure.FLUSH_TLB_ALL);
            assertThat(all(replay(rec))).as(k.id()).isEmpty();
            KernelProfile other = k == KernelProfile.V6_8 ? KernelProfile.V6_18 : KernelProfile.V6_8;
            ReplayResult whatIf = replay(rec, rec.scenario().toSpec().withKernel(other));
            assertThat(whatIf.mismatches().byFigure()).as(k.id()).containsKey(Figure.FLUSH_TLB_ALL);
        }
    }

    @Test
    @DisplayName("a figure the trace never recorded is not compared, even where the what-if differs")
    void unrecordedNotCompared() throws Exception {
        Path d = dir(tmp, HOST, rmpPrivate(1, 0x40001, 0, 1, 1), privateRet(1, 0));
        Recording rec = RecordingLoader.load(d, Progress.NONE);
        assertThat(rec.unrecorded()).contains(Figure.SET_MEMORY_4K, Figure.SPLITS, Figure.FLUSH_TLB_ALL,
                Figure.RANGE_FLUSH_IPIS);
        ReplayResult r = replay(rec);                                  // split-on-demand splits here: nothing recorded it
        assertThat(r.simulation().counters().get(org.splitscope.core.kernel.Counter.LEVEL2_SPLITS)).isEqualTo(1);
        assertThat(all(r)).isEmpty();
    }

    @Test
    @DisplayName("_ret != 0: the operation is expected to fail; the replay says when the model disagrees")
    void expectedFailure() throws Exception {
        String host = HOST.replace("split-on-demand", "none");
        // a 4K private page inside an assigned 2M entry fails with FAIL_OVERLAP (R12): the host saw -EFAULT
        Path fails = dir(tmp, host, rmpPrivate(1, 0x40200, 0, 2, 1), privateRet(1, 0), rmpPrivate(1, 0x40201, 0x1000, 1, 1),
                privateRet(1, -14));
        assertThat(all(replay(RecordingLoader.load(fails, Progress.NONE)))).isEmpty();
        Path succeeds = dir(tmp, host, rmpPrivate(1, 0x40200, 0, 2, 1), privateRet(1, 0), rmpPrivate(1, 0x40201, 0x1000, 1, 1),
                privateRet(1, 0));
        assertThat(all(replay(RecordingLoader.load(succeeds, Progress.NONE))))
                .containsExactly(new Mismatches.Mismatch(1, 3, "rmp_private", Figure.RET, 0, Replay.EFAULT));
    }

    @Test
    @DisplayName("end of run: meminfo.after, vmstat.after - vmstat.before, and the 2M regions of ptdump.after whose leaf differs")
    void finalFiles() throws Exception {
        SimSpec spec = BuiltinScenarios.load("overlap-crash").toSpec("split-on-demand", null);
        Path d = tmp.resolve("final");
        RecordingWriter.write(spec, d, Progress.NONE);
        Files.writeString(d.resolve("meminfo.after"), "DirectMap4k: 8192 kB\nDirectMap2M: 1040384 kB\n");
        Files.writeString(d.resolve("vmstat.before"), "direct_map_level2_splits 40\ndirect_map_level3_splits 3\n");
        Files.writeString(d.resolve("vmstat.after"), "direct_map_level2_splits 42\ndirect_map_level3_splits 3\n");
        Files.copy(d.resolve("ptdump.before"), d.resolve("ptdump.after"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ReplayResult r = replay(RecordingLoader.load(d, Progress.NONE));
        assertThat(r.end().values()).containsExactly(
                new FinalCheck.Value("DirectMap4k", 8192, 4096),
                new FinalCheck.Value("DirectMap2M", 1040384, 1044480),
                new FinalCheck.Value("direct_map_level2_splits", 2, 1),
                new FinalCheck.Value("direct_map_level3_splits", 0, 0));
        FinalCheck.Leaves l = r.end().leaves();
        assertThat(l.differing()).isEqualTo(1);
        assertThat(l.firstPfn()).isEqualTo(0x20000);
        assertThat(l.firstObserved()).isEqualTo("2M");
        assertThat(l.firstPredicted()).isEqualTo("4K");
    }

    @Test
    @DisplayName("a recording's guests need not fit the placement of a scenario: frames come from the trace")
    void guestsLargerThanFreeRam() throws Exception {
        // one guest whose highest gpa is 3.5 GiB on a 4 GiB host with 4K folios: placement alone could not fit it
        Path d = dir(tmp, HOST, rmpPrivate(1, 0x40001, 0xe0000000L, 1, 1), privateRet(1, 0));
        Recording rec = RecordingLoader.load(d, Progress.NONE);
        assertThat(rec.scenario().guests().get(0).memory()).isEqualTo(0xe0200000L);
        assertThat(all(replay(rec))).isEmpty();
        assertThat(Policies.ids()).contains(rec.scenario().policyId());
    }
}
