package org.splitscope.core.tlb;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;
import org.splitscope.scenario.BuiltinScenarios;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TlbSet#classCounts} (one pass per CPU, what the per-step figures use) counts every class
 * exactly as classifying each entry does (R19), at every step of runs with stale, mixed-size and
 * hazardous entries of all three sizes.
 */
class ClassCountsTest {
    static long[] byEntry(TlbSet tlb) {
        long[] out = new long[3];
        tlb.forEach(-1, (cpu, size, base) -> {
            int m = tlb.classify(cpu, size, base);
            out[0] += (m & TlbSet.STALE) != 0 ? 1 : 0;
            out[1] += (m & TlbSet.MIXED_SIZE) != 0 ? 1 : 0;
            out[2] += (m & TlbSet.RMP_HAZARD) != 0 ? 1 : 0;
        });
        return out;
    }

    /** Checks every step; returns the entries seen in each class, summed over the steps. */
    static long[] checkEveryStep(Simulation sim) {
        sim.boot();
        long[] fast = new long[3];
        long[] seen = new long[3];
        while (sim.position() < sim.stepCount()) {
            sim.executeNext();
            sim.tlb().classCounts(fast);
            long[] slow = byEntry(sim.tlb());
            assertThat(fast).as("step %d", sim.position()).isEqualTo(slow);
            for (int i = 0; i < 3; i++) {
                seen[i] += slow[i];
            }
        }
        return seen;
    }

    @ParameterizedTest
    @ValueSource(strings = {"stale-tlb", "overlap-crash", "multi-guest", "conversions"})
    void builtIn(String id) throws Exception {
        long seen = 0;
        for (String policy : List.of("none", "invalidate-noflush", "split-on-demand")) {
            long[] s = checkEveryStep(Simulation.create(BuiltinScenarios.load(id).toSpec(policy, null)));
            seen += s[0] + s[1] + s[2];
        }
        assertThat(seen).as("some entries were in a class").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "invalidate-noflush", "split-on-demand", "gmem-no-direct-map", "presplit-4k"})
    void hostActivityOverGuests(String policy) {
        List<GuestSpec> guests = List.of(new GuestSpec(1, 12 * Pfns.MIB, 2, PageSize.K4),
                new GuestSpec(2, 8 * Pfns.MIB, 2, PageSize.M2));
        List<ProgramItem> items = List.of(
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(400, 0.5, 4), null),
                new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1, 2), 0.7), null),
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(600, 0.5, 4), null),
                new ProgramItem.Fixed(new Step.Teardown(2, null)),
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(300, 0.5, 4), null));
        long[] seen = checkEveryStep(Simulation.create(new SimSpec("counts", MachineSpec.of(4 * Pfns.GIB, 6),
                Policies.byId(policy), guests, items, 11, CostConstants.DEFAULT)));
        if (policy.equals("invalidate-noflush")) {
            assertThat(seen[0]).as("stale entries").isPositive();
            assertThat(seen[2]).as("hazardous entries").isPositive();
        }
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("entries of every size over each other on several CPUs (mixed sizes), with splits and private frames")
    void entriesOverEachOther() {
        Simulation sim = Simulation.booted(new SimSpec("mixed", MachineSpec.of(4 * Pfns.GIB, 4), Policies.byId("none"),
                List.of(), List.of(), 1, CostConstants.DEFAULT));
        TlbSet tlb = sim.tlb();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        long frames = 4 * Pfns.GIB / Pfns.FRAME_BYTES;
        long lo = 1L << 18;                                   // from 1 GiB: large leaves, no reserved frames
        long[] seen = new long[3];
        long[] fast = new long[3];
        for (int i = 0; i < 3000; i++) {
            long pfn = lo + rnd.nextLong(frames - lo);
            int op = rnd.nextInt(10);
            if (op < 7) {
                PageSize size = PageSize.values()[rnd.nextInt(3)];
                tlb.fill(rnd.nextInt(4), size, size.base(pfn));
            } else if (op < 9) {
                sim.rmp().rmpupdate(pfn, PageSize.K4, true, 1, pfn, false);
            } else {
                sim.kernel().setMemory4k(0, PageSize.M2.base(pfn), 512, true);
            }
            tlb.classCounts(fast);
            long[] slow = byEntry(tlb);
            assertThat(fast).as("after operation %d", i).isEqualTo(slow);
            for (int c = 0; c < 3; c++) {
                seen[c] += slow[c];
            }
        }
        assertThat(seen).as("every class was counted").doesNotContain(0L);
    }
}
