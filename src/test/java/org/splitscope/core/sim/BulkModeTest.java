package org.splitscope.core.sim;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.cost.CostKind;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk mode against the step path on a fixed sweep (every policy, both kernel profiles, 4K and 2M
 * folios): three guests fault in all their memory at once and exit, twice in a row on one host (the
 * second round starts from the direct map, TLBs and clocks the first left), compared at four stops.
 * The random differential test is {@link BulkModeProperties}.
 */
class BulkModeTest {
    static SimSpec spec(String policy, KernelProfile kp, PageSize folio, int guests, int runs) {
        List<GuestSpec> gs = new ArrayList<>();
        List<Integer> asids = new ArrayList<>();
        for (int g = 1; g <= guests; g++) {
            gs.add(new GuestSpec(g, 64 * Pfns.MIB, 3, folio));
            asids.add(g);
        }
        List<ProgramItem> items = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            items.add(new ProgramItem.Generated(new WorkloadSpec.LazyAccept(asids, 1.0), null));
            for (int g = 1; g <= guests; g++) {
                items.add(new ProgramItem.Fixed(new Step.Teardown(g, null)));
            }
        }
        return new SimSpec("q", MachineSpec.of(2 * Pfns.GIB, 8).withKernel(kp), Policies.byId(policy), gs, items, 7,
                CostConstants.DEFAULT);
    }

    @Test
    void everyPolicyBothKernelsBothFolios() {
        for (String p : Policies.ids()) {
            for (KernelProfile kp : KernelProfile.values()) {
                for (PageSize f : List.of(PageSize.K4, PageSize.M2)) {
                    SimSpec s = spec(p, kp, f, 3, 2);
                    Simulation a = Simulation.booted(s);
                    Simulation b = Simulation.booted(s);
                    long n = a.stepCount();
                    for (long stop : new long[] {n / 7, n / 3, n / 2 + 1, n}) {
                        a.runTo(stop, RunMode.STEP);
                        b.runTo(stop, RunMode.BULK);
                        String what = p + " " + kp + " " + f + " at " + stop;
                        for (Counter c : Counter.values()) {
                            assertThat(b.counters().get(c)).as(what + " " + c).isEqualTo(a.counters().get(c));
                        }
                        for (CostKind c : CostKind.values()) {
                            assertThat(b.timeNs(c)).as(what + " " + c).isEqualTo(a.timeNs(c));
                        }
                        assertThat(b.cost().simTimeNs()).as(what).isEqualTo(a.cost().simTimeNs());
                        assertThat(b.stateHash()).as(what).isEqualTo(a.stateHash());
                    }
                }
            }
        }
    }
}
