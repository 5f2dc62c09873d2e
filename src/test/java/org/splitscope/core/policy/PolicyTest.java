package org.splitscope.core.policy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.event.AccessPurpose;
import org.splitscope.core.event.CpaKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.core.workload.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.core.Sims.GIB;

/** What sets each policy apart (DOMAIN.md section 5), each shown on the smallest scenario that shows it. */
class PolicyTest {
    static final long A = 512 * 100;                    // a 2M leaf in the first 1G
    static final long G = GIB / 4096;                   // the 1G leaf at 1 GiB
    final List<SimEvent> events = new ArrayList<>();

    Simulation run(String policy, PageSize folio, Step... steps) {
        Simulation sim = Sims.booted(Sims.spec(4 * GIB, 4, policy, List.of(Sims.guest(1, GIB, 2, folio)), steps), events);
        Sims.runChecked(sim);
        return sim;
    }

    long count(Counter c, Simulation sim) {
        return sim.counters().get(c);
    }

    @Test
    @DisplayName("invalidate-noflush leaves stale 4K TLB entries; invalidate-flush does not")
    void noflushVersusFlush() {
        Step[] steps = {
                new Step.Assign(1, A + 1, PageSize.K4, -1, null),      // splits the region
                new Step.HostAccess(2, A + 7, false, null),            // CPU 2 caches A+7's 4K entry
                new Step.Assign(1, A + 7, PageSize.K4, -1, null)};     // invalidated without a flush
        Simulation noflush = run("invalidate-noflush", PageSize.K4, steps);
        assertThat(noflush.tlb().classify(2, PageSize.K4, A + 7) & TlbSet.STALE).isNotZero();
        assertThat(count(Counter.FLUSH_TLB_PAGE, noflush)).isZero();
        events.clear();
        Simulation flush = run("invalidate-flush", PageSize.K4, steps);
        assertThat(flush.tlb().holds(2, PageSize.K4, A + 7)).isFalse();
        assertThat(count(Counter.FLUSH_TLB_PAGE, flush)).isEqualTo(2);
        // one change_page_attr call per page either way
        assertThat(count(Counter.CPA_CALLS, noflush)).isEqualTo(2);
        assertThat(count(Counter.CPA_CALLS, flush)).isEqualTo(2);
    }

    @Test
    @DisplayName("invalidate-*: 512 cpa calls for a 2M assignment, the flush variant then one flush_tlb_all")
    void invalidate2m() {
        Simulation s = run("invalidate-flush", PageSize.M2, new Step.Assign(1, G, PageSize.M2, -1, null));
        assertThat(count(Counter.CPA_CALLS, s)).isEqualTo(512);
        // 1G split + 2M split, each with its flush, then the range flush of 512 pages
        assertThat(count(Counter.FLUSH_TLB_ALL, s)).isEqualTo(3);
        assertThat(s.directMap().notPresentCount((int) (G / 512))).isEqualTo(512);
    }

    @Test
    @DisplayName("split-on-demand does nothing for a 2M RMPUPDATE or an already-4K leaf")
    void splitOnDemandSkips() {
        Simulation s = run("split-on-demand", PageSize.K4,
                new Step.Assign(1, G, PageSize.M2, -1, null),             // 2M: nothing
                new Step.Assign(1, A + 1, PageSize.K4, -1, null),         // 2M leaf: set_memory_4k(pfn, 1)
                new Step.Assign(1, A + 2, PageSize.K4, -1, null));        // already 4K: nothing
        assertThat(count(Counter.CPA_CALLS, s)).isEqualTo(1);
        assertThat(count(Counter.LEVEL2_SPLITS, s)).isEqualTo(1);
        assertThat(count(Counter.LEVEL3_SPLITS, s)).isZero();
        assertThat(s.directMap().leafSize(G)).isEqualTo(PageSize.G1);
        assertThat(Sims.ofType(events, SimEvent.CpaCall.class).get(0).what()).isEqualTo(CpaKind.SET_MEMORY_4K);
        assertThat(s.directMap().keep4k(A + 1)).isTrue();
    }

    @Test
    @DisplayName("split-physmap calls set_memory_4k on every assignment; R8: 6.18 flushes only when a PTE was not yet marked")
    void splitPhysmapEveryTime() {
        Step[] steps = {
                new Step.Assign(1, A + 1, PageSize.K4, -1, null),     // split, A+1 marked: flush
                new Step.Assign(1, A + 2, PageSize.K4, -1, null),     // A+2 not marked by the split: flush
                new Step.Release(A + 2, PageSize.K4, null),
                new Step.Assign(1, A + 2, PageSize.K4, -1, null)};    // already marked: only the call
        Simulation s = run("split-physmap", PageSize.K4, steps);
        assertThat(count(Counter.CPA_CALLS, s)).isEqualTo(3);
        assertThat(Sims.ofType(events, SimEvent.CpaCall.class)).allMatch(c -> c.what() == CpaKind.SET_MEMORY_4K);
        assertThat(count(Counter.FLUSH_TLB_PAGE, s)).isEqualTo(2);
        events.clear();
        Simulation old = Sims.booted(Sims.spec(4 * GIB, 4, "split-physmap", List.of(Sims.guest(1, GIB, 2, PageSize.K4)),
                steps).withKernel(KernelProfile.V6_8), events);
        Sims.runChecked(old);
        assertThat(count(Counter.CPA_CALLS, old)).isEqualTo(3);
        assertThat(count(Counter.FLUSH_TLB_PAGE, old)).isZero();                 // 6.8: only the split flushes
        assertThat(count(Counter.FLUSH_TLB_ALL, old)).isEqualTo(1);
    }

    @Test
    @DisplayName("private-2m-only rejects 4K private assignments and counts them; 2M ones pass without a split")
    void private2mOnly() {
        Simulation s = run("private-2m-only", PageSize.M2,
                new Step.Assign(1, A + 1, PageSize.K4, -1, null),
                new Step.Assign(1, G, PageSize.M2, -1, null),
                new Step.Assign(1, A + 3, PageSize.K4, -1, null));
        assertThat(count(Counter.REJECTED_ASSIGNMENTS, s)).isEqualTo(2);
        assertThat(s.rmp().assigned(A + 1)).isFalse();
        assertThat(s.rmp().has2m((int) (G / 512))).isTrue();
        assertThat(count(Counter.CPA_CALLS, s)).isZero();
        assertThat(Sims.ofType(events, SimEvent.AssignmentRejected.class)).hasSize(2);
    }

    @Test
    @DisplayName("split-and-restore collapses a region once it is wholly shared again, then its 1G")
    void splitAndRestore() {
        Simulation s = run("split-and-restore", PageSize.K4,
                new Step.Assign(1, G + 5, PageSize.K4, -1, null),
                new Step.Assign(1, G + 6, PageSize.K4, -1, null),
                new Step.Release(G + 5, PageSize.K4, null));
        assertThat(s.directMap().leafSize(G)).isEqualTo(PageSize.K4);      // G+6 still private
        assertThat(count(Counter.LEVEL2_COLLAPSES, s)).isZero();
        s.kernel().rmpMakeShared(0, G + 6, PageSize.K4, 1, PageSize.K4);
        assertThat(s.directMap().leafSize(G)).isEqualTo(PageSize.G1);
        assertThat(count(Counter.LEVEL2_COLLAPSES, s)).isEqualTo(1);
        assertThat(count(Counter.LEVEL3_COLLAPSES, s)).isEqualTo(1);
        assertThat(s.directMap().keep4k(G + 5)).isFalse();
        Sims.assertInvariants(s);
    }

    @Test
    @DisplayName("gmem-no-direct-map makes one change_page_attr call per folio, and restores on release (R28)")
    void gmemNoDirectMap() {
        Simulation s = run("gmem-no-direct-map", PageSize.M2,
                new Step.Assign(1, G, PageSize.M2, -1, null),
                new Step.Release(G, PageSize.M2, null));
        assertThat(Sims.ofType(events, SimEvent.CpaCall.class)).extracting(SimEvent.CpaCall::npages).containsExactly(512L, 512L);
        assertThat(s.directMap().notPresentCount((int) (G / 512))).isZero();
        assertThat(s.directMap().leafSize(G)).isEqualTo(PageSize.M2);            // the 1G split; the 2M leaf kept
        assertThat(s.directMap().regionLeafPresent((int) (G / 512))).isTrue();
        // a 4K RMPUPDATE inside an already invalidated 2M folio costs nothing more
        events.clear();
        Simulation t = run("gmem-no-direct-map", PageSize.M2,
                new Step.Assign(1, G + 3, PageSize.K4, -1, null),
                new Step.Assign(1, G + 4, PageSize.K4, -1, null));
        assertThat(Sims.ofType(events, SimEvent.CpaCall.class)).hasSize(1);
        assertThat(t.directMap().regionLeafPresent((int) (G / 512))).isFalse();
        assertThat(t.directMap().leafSize(G + 3)).isEqualTo(PageSize.M2);
    }

    @Test
    @DisplayName("presplit-4k splits everything at boot; presplit-on-launch only when the first guest launches")
    void presplits() {
        Simulation boot = Simulation.booted(Sims.spec(4 * GIB, 4, "presplit-4k", List.of(Sims.guest(1, GIB, 1, PageSize.K4))));
        assertThat(boot.directMap().directMap4kKb()).isEqualTo(4L * 1024 * 1024);
        Simulation launch = Simulation.booted(Sims.spec(4 * GIB, 4, "presplit-on-launch",
                List.of(Sims.guest(1, GIB, 1, PageSize.K4)), new Step.Launch(1, null)));
        assertThat(launch.directMap().directMap1gKb()).isEqualTo(3L * 1024 * 1024);
        launch.executeNext();
        assertThat(launch.directMap().directMap4kKb()).isEqualTo(4L * 1024 * 1024);
        assertThat(launch.counters().get(Counter.CPA_CALLS)).isEqualTo(1);
    }

    @Test
    @DisplayName("none leaves the direct map alone, so a host write next to a private frame faults")
    void none() {
        Simulation s = run("none", PageSize.K4, new Step.Assign(1, A + 1, PageSize.K4, -1, null));
        assertThat(count(Counter.CPA_CALLS, s)).isZero();
        assertThat(s.kernel().hostAccess(0, A + 2, true, AccessPurpose.SCENARIO).name()).isEqualTo("RMP_FAULT");
    }
}
