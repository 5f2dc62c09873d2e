package org.splitscope.core.kernel;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.event.AccessPurpose;
import org.splitscope.core.event.CpaKind;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.FlushReason;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.core.Sims.GIB;

/**
 * DOMAIN.md version 2: the rules a review against set_memory.c, tlb.c, sev.c and guest_memfd.c
 * changed (R4, R5, R6, R8, R9, R12, R16, R18, R27-R29). Each test names its rule and fails under the
 * version-1 behaviour (noted in each).
 */
class KernelFidelityTest {
    /** A 2M leaf in the first 1G (the boot layout maps 2M..1G with 2M leaves). */
    static final long A = 512 * 100;
    /** The 1G leaf at 1 GiB. */
    static final long G = GIB / Pfns.FRAME_BYTES;
    final List<SimEvent> events = new ArrayList<>();

    Simulation sim(MachineSpec m, String policy, PageSize folio, Step... steps) {
        List<ProgramItem> items = new ArrayList<>();
        for (Step s : steps) {
            items.add(new ProgramItem.Fixed(s));
        }
        SimSpec spec = Sims.spec(m, policy, List.of(Sims.guest(1, GIB, 2, folio)), items);
        return Sims.booted(spec, events);
    }

    Simulation run(MachineSpec m, String policy, PageSize folio, Step... steps) {
        Simulation s = sim(m, policy, folio, steps);
        Sims.runChecked(s);
        return s;
    }

    static MachineSpec machine(KernelProfile k) {
        return MachineSpec.of(4 * GIB, 4).withKernel(k);
    }

    static long c(Simulation s, Counter c) {
        return s.counters().get(c);
    }

    <E extends SimEvent> List<E> of(Class<E> type) {
        return Sims.ofType(events, type);
    }

    // ---- R27 --------------------------------------------------------------------------------

    @Test
    @DisplayName("R27: the default kernel profile is 6.18 with INVLPGB; ids are \"6.8\" and \"6.18\"")
    void profiles() {
        MachineSpec m = MachineSpec.of(4 * GIB, 4);
        assertThat(m.kernel()).isEqualTo(KernelProfile.V6_18);
        assertThat(m.invlpgb()).isTrue();
        assertThat(m.broadcastFlushAll()).isTrue();
        assertThat(m.withInvlpgb(false).broadcastFlushAll()).isFalse();
        assertThat(m.withKernel(KernelProfile.V6_8).broadcastFlushAll()).isFalse();
        assertThat(KernelProfile.byId("6.8")).isEqualTo(KernelProfile.V6_8);
        assertThat(KernelProfile.ids()).isEqualTo("\"6.8\", \"6.18\"");
    }

    // ---- R8 ----------------------------------------------------------------------------------

    @Test
    @DisplayName("R8: under 6.18 set_memory_4k marks its PTEs keep-4K and flushes the range once a PTE changed")
    void setMemory4kUnder618() {
        Simulation s = sim(machine(KernelProfile.V6_18), "none", PageSize.K4);
        HostKernel k = s.kernel();
        k.setMemory4k(0, A + 1, 1, true);                 // split (flush_tlb_all), mark A+1, flush 1 page
        assertThat(c(s, Counter.LEVEL2_SPLITS)).isEqualTo(1);
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(1);
        assertThat(c(s, Counter.FLUSH_TLB_PAGE)).isEqualTo(1);
        assertThat(s.directMap().keep4k(A + 1)).isTrue();
        assertThat(s.directMap().keep4k(A + 2)).isFalse();      // the split's PTEs are not marked
        k.setMemory4k(0, A + 1, 1, true);                 // already marked: only the call
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(2);
        assertThat(c(s, Counter.FLUSH_TLB_PAGE)).isEqualTo(1);
        k.setMemory4k(0, A + 1, 33, true);                // 32 new marks, 33 pages: per page
        assertThat(c(s, Counter.FLUSH_TLB_PAGE)).isEqualTo(1 + 33);
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(1);
        k.setMemory4k(0, A + 1, 34, true);                // one new mark, 34 pages: flush_tlb_all
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(2);
        assertThat(of(SimEvent.FlushTlbAll.class).get(1).reason()).isEqualTo(FlushReason.RANGE);
    }

    @Test
    @DisplayName("R8: under 6.8 set_memory_4k changes no PTE: only its splits flush, an already-4K page costs only the call")
    void setMemory4kUnder68() {
        Simulation s = sim(machine(KernelProfile.V6_8), "none", PageSize.K4);
        HostKernel k = s.kernel();
        k.setMemory4k(0, G + 5, 1, true);                 // two splits (1G, 2M), each with its flush
        assertThat(c(s, Counter.LEVEL3_SPLITS)).isEqualTo(1);
        assertThat(c(s, Counter.LEVEL2_SPLITS)).isEqualTo(1);
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(2);
        assertThat(c(s, Counter.FLUSH_TLB_PAGE)).isZero();
        assertThat(s.directMap().keep4k(G + 5)).isFalse();
        assertThat(of(SimEvent.Keep4kMarked.class)).isEmpty();
        k.setMemory4k(0, G + 5, 1, true);
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(2);
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(2);
        assertThat(c(s, Counter.IPIS)).isEqualTo(2 * 3);
    }

    @Test
    @DisplayName("R8/R6: set_direct_map_valid_noflush keeps a whole aligned 2M or 1G leaf inside its range at its size")
    void validNoflushKeepsWholeLeaves() {
        Simulation s = sim(machine(KernelProfile.V6_18), "none", PageSize.K4);
        HostKernel k = s.kernel();
        long dm2m = s.directMap().directMap2mKb();
        long dm1g = s.directMap().directMap1gKb();
        k.setDirectMapValidNoflush(0, A, 512, false);            // a whole 2M leaf: in place
        k.setDirectMapValidNoflush(0, 2 * G, G, false);          // a whole 1G leaf: in place
        assertThat(c(s, Counter.LEVEL2_SPLITS) + c(s, Counter.LEVEL3_SPLITS)).isZero();
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isZero();
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(2);
        assertThat(s.directMap().leafSize(A)).isEqualTo(PageSize.M2);
        assertThat(s.directMap().leafSize(2 * G)).isEqualTo(PageSize.G1);
        assertThat(s.directMap().directMap2mKb()).isEqualTo(dm2m);
        assertThat(s.directMap().directMap1gKb()).isEqualTo(dm1g);
        // part of a 2M leaf: split first (with its flush), then the PTEs
        k.setDirectMapValidNoflush(0, A + 1024, 3, false);
        assertThat(c(s, Counter.LEVEL2_SPLITS)).isEqualTo(1);
        assertThat(s.directMap().notPresentCount((int) ((A + 1024) / 512))).isEqualTo(3);
        Sims.assertInvariants(s);
    }

    // ---- R28 / R4 ----------------------------------------------------------------------------

    @Test
    @DisplayName("R28/R4: gmem-no-direct-map on a 2M folio under a 2M leaf: one cpa call, one range flush, no split; counts unchanged")
    void gmemTwoMegFolioUnderTwoMegLeaf() {
        Simulation s = sim(machine(KernelProfile.V6_18), "gmem-no-direct-map", PageSize.M2,
                new Step.HostAccess(1, A + 7, false, null),                // CPU 1 caches the 2M entry
                new Step.Assign(1, A, PageSize.M2, -1, null),
                new Step.HostAccess(0, A + 3, false, null),
                new Step.HostAccess(2, A + 3, true, null),
                new Step.Release(A, PageSize.M2, null),
                new Step.HostAccess(0, A + 3, true, null));
        long dm4k = s.directMap().directMap4kKb();
        long dm2m = s.directMap().directMap2mKb();
        s.runTo(2);
        int region = (int) (A / 512);
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(1);
        assertThat(c(s, Counter.LEVEL2_SPLITS) + c(s, Counter.LEVEL3_SPLITS)).isZero();
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(1);                   // 512 pages: flush_tlb_all
        assertThat(of(SimEvent.FlushTlbAll.class).get(0).reason()).isEqualTo(FlushReason.RANGE);
        assertThat(s.directMap().leafSize(A)).isEqualTo(PageSize.M2);
        assertThat(s.directMap().regionLeafPresent(region)).isFalse();
        assertThat(s.directMap().leafNotPresentSince(region)).isEqualTo(1);     // step 1 made it not present
        assertThat(s.directMap().directMap4kKb()).isEqualTo(dm4k);
        assertThat(s.directMap().directMap2mKb()).isEqualTo(dm2m);
        assertThat(of(SimEvent.PteChange.class)).singleElement()
                .satisfies(e -> assertThat(e.size()).isEqualTo(PageSize.M2));
        s.runTo(4);
        List<SimEvent.NotPresentFault> np = of(SimEvent.NotPresentFault.class);
        assertThat(np).hasSize(2);                                              // a read and a write
        assertThat(np.get(0).leaf()).isEqualTo(PageSize.M2);
        assertThat(np.get(0).describe()).contains("not-present #PF (oops)").contains("whole 2M leaf");
        assertThat(c(s, Counter.RMP_FAULTS)).isZero();
        s.runTo(6);                                                             // restored present, no flush
        assertThat(s.directMap().regionLeafPresent(region)).isTrue();
        assertThat(s.directMap().leafNotPresentSince(region)).isEqualTo(-1);
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(1);
        assertThat(c(s, Counter.NOT_PRESENT_FAULTS)).isEqualTo(2);
        Sims.assertInvariants(s);
    }

    @Test
    @DisplayName("R28: a TLB entry cached from a large leaf that is then made not present is STALE; the walk faults")
    void staleEntryOverNotPresentLeaf() {
        Simulation s = sim(machine(KernelProfile.V6_18), "none", PageSize.K4);
        HostKernel k = s.kernel();
        k.hostAccess(1, A + 9, false, AccessPurpose.SCENARIO);
        k.hostAccess(2, 2 * G + 9, false, AccessPurpose.SCENARIO);
        k.setDirectMapValidNoflush(0, A, 512, false);                           // no flush: entries stay
        k.setDirectMapValidNoflush(0, 2 * G, G, false);
        assertThat(s.tlb().classify(1, PageSize.M2, A) & TlbSet.STALE).isNotZero();
        assertThat(s.tlb().classify(2, PageSize.G1, 2 * G) & TlbSet.STALE).isNotZero();
        assertThat(k.hostAccess(0, 2 * G + 77, true, AccessPurpose.SCENARIO))
                .isEqualTo(HostKernel.AccessResult.NOT_PRESENT_FAULT);
        assertThat(of(SimEvent.NotPresentFault.class).get(0).leaf()).isEqualTo(PageSize.G1);
        // present again: the same size, and the entries match the page tables again
        k.setDirectMapValidNoflush(0, A, 512, true);
        assertThat(s.tlb().classify(1, PageSize.M2, A) & TlbSet.STALE).isZero();
        assertThat(s.directMap().leafSize(A)).isEqualTo(PageSize.M2);
    }

    @Test
    @DisplayName("R28/R6: splitting a not-present large leaf keeps its frames not present (the PTEs take its protections)")
    void splitOfNotPresentLeaf() {
        Simulation s = sim(machine(KernelProfile.V6_18), "none", PageSize.K4);
        HostKernel k = s.kernel();
        k.setDirectMapValidNoflush(0, G, G, false);                             // the whole 1G leaf
        k.setDirectMapValidNoflush(0, G + 1024 + 5, 1, true);                   // one frame back: two splits
        assertThat(c(s, Counter.LEVEL3_SPLITS)).isEqualTo(1);
        assertThat(c(s, Counter.LEVEL2_SPLITS)).isEqualTo(1);
        assertThat(s.directMap().notPresentCount((int) ((G + 1024) / 512))).isEqualTo(511);
        assertThat(s.directMap().regionLeafPresent((int) (G / 512))).isFalse();  // the other 2M leaves
        assertThat(s.directMap().mapped(G + 1024 + 5)).isTrue();
        assertThat(s.directMap().mapped(G + 1024 + 6)).isFalse();
        Sims.assertInvariants(s);
    }

    @Test
    @DisplayName("R28: gmem-no-direct-map on a 2M folio under a 1G leaf splits the 1G once, then the 2M leaf in place")
    void gmemTwoMegFolioUnderOneGig() {
        Simulation s = run(machine(KernelProfile.V6_18), "gmem-no-direct-map", PageSize.M2,
                new Step.Assign(1, G + 512, PageSize.M2, -1, null));
        assertThat(c(s, Counter.LEVEL3_SPLITS)).isEqualTo(1);
        assertThat(c(s, Counter.LEVEL2_SPLITS)).isZero();
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(1);
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(2);                    // the split's and the range's
        assertThat(s.directMap().regionLeafPresent((int) ((G + 512) / 512))).isFalse();
        assertThat(s.directMap().regionLeafPresent((int) (G / 512))).isTrue();
    }

    @Test
    @DisplayName("R28: gmem-no-direct-map converting a zapped 2M folio in place unmaps only what turns private again")
    void gmemPartialConversion() {
        Simulation s = run(machine(KernelProfile.V6_18), "gmem-no-direct-map", PageSize.M2,
                new Step.Assign(1, A, PageSize.M2, -1, null),
                new Step.Psmash(A, null),
                new Step.Release(A + 3, PageSize.K4, null),        // the host's bounce buffer, mapped again
                new Step.Release(A + 5, PageSize.K4, null),
                new Step.Assign(1, A + 5, PageSize.K4, -1, null));  // back to private: only A+5 unmapped
        assertThat(s.directMap().mapped(A + 3)).isTrue();
        assertThat(s.directMap().mapped(A + 5)).isFalse();
        assertThat(s.directMap().mapped(A + 6)).isFalse();
        assertThat(s.kernel().hostAccess(0, A + 3, true, AccessPurpose.SCENARIO))
                .isEqualTo(HostKernel.AccessResult.OK);
    }

    @Test
    @DisplayName("R8: a large leaf already in the requested state is not split, whatever the range covers of it")
    void sameProtectionsNoSplit() {
        Simulation s = sim(machine(KernelProfile.V6_18), "none", PageSize.K4);
        s.kernel().setDirectMapValidNoflush(0, A + 1, 3, true);
        s.kernel().setDirectMapValidNoflush(0, 2 * G + 7, 100, true);
        assertThat(c(s, Counter.LEVEL2_SPLITS) + c(s, Counter.LEVEL3_SPLITS)).isZero();
        assertThat(s.directMap().leafSize(A)).isEqualTo(PageSize.M2);
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(2);
    }

    @Test
    @DisplayName("R1/R8: a change_page_attr call on a frame in a hole costs the call and changes nothing (__cpa_process_fault)")
    void holeIsIgnored() {
        MachineSpec m = machine(KernelProfile.V6_18).withHoles(List.of(new org.splitscope.core.mem.PfnRange(
                3 * G, 3 * G + 1024)));
        Simulation s = sim(m, "invalidate-noflush", PageSize.K4);
        s.kernel().setDirectMapInvalidNoflush(0, 3 * G + 5);
        s.kernel().setDirectMapDefaultNoflush(0, 3 * G + 5);
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(2);
        assertThat(c(s, Counter.LEVEL2_SPLITS) + c(s, Counter.LEVEL3_SPLITS)).isZero();
        Sims.assertInvariants(s);
    }

    // ---- R5 / R29 ----------------------------------------------------------------------------

    @Test
    @DisplayName("R5/R29: presplit-4k builds the direct map at 4K at boot: no split events, no flush, no vmstat count")
    void presplitAtBootCountsNothing() {
        Simulation s = sim(machine(KernelProfile.V6_18).withHoles(List.of(new org.splitscope.core.mem.PfnRange(
                3 * G, 3 * G + G / 2 + 7))), "presplit-4k", PageSize.K4);
        assertThat(s.directMap().directMap4kKb()).isEqualTo(s.directMap().ramFrames() * 4);
        assertThat(s.directMap().directMap2mKb() + s.directMap().directMap1gKb()).isZero();
        for (Counter k : Counter.values()) {
            assertThat(c(s, k)).as(k.key()).isZero();
        }
        assertThat(events).isEmpty();
        assertThat(s.cost().simTimeNs()).isZero();
        Sims.assertInvariants(s);
    }

    @Test
    @DisplayName("R29: presplit-on-launch still splits at launch, and counts it")
    void presplitOnLaunchCounts() {
        Simulation s = run(machine(KernelProfile.V6_8), "presplit-on-launch", PageSize.K4, new Step.Launch(1, null));
        assertThat(c(s, Counter.LEVEL3_SPLITS)).isEqualTo(3);                   // 1..4 GiB were 1G leaves
        assertThat(c(s, Counter.LEVEL2_SPLITS)).isEqualTo(4 * 512 - 1);         // every 2M leaf; the first 2M was 4K
        assertThat(c(s, Counter.FLUSH_TLB_ALL)).isEqualTo(3 + 4 * 512 - 1);
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(1);
    }

    // ---- R9 ----------------------------------------------------------------------------------

    @Test
    @DisplayName("R9: one flush_tlb_all after all the collapses of one call; a collapse is a counted cpa call")
    void oneFlushPerCollapseCall() {
        Simulation s = run(machine(KernelProfile.V6_18), "split-and-restore", PageSize.K4,
                new Step.Assign(1, G + 5, PageSize.K4, -1, null),
                new Step.Release(G + 5, PageSize.K4, null));
        assertThat(c(s, Counter.LEVEL2_COLLAPSES)).isEqualTo(1);
        assertThat(c(s, Counter.LEVEL3_COLLAPSES)).isEqualTo(1);
        long collapseFlushes = of(SimEvent.FlushTlbAll.class).stream()
                .filter(f -> f.reason() == FlushReason.AFTER_COLLAPSE).count();
        assertThat(collapseFlushes).isEqualTo(1);
        assertThat(of(SimEvent.CpaCall.class)).extracting(SimEvent.CpaCall::what)
                .containsExactly(CpaKind.SPLIT_NO_KEEP, CpaKind.COLLAPSE);
        assertThat(c(s, Counter.CPA_CALLS)).isEqualTo(2);
        assertThat(c(s, Counter.FLUSH_TLB_PAGE)).isZero();          // its splits mark nothing, so flush no range
        assertThat(s.directMap().leafSize(G)).isEqualTo(PageSize.G1);
    }

    @Test
    @DisplayName("R9: without gbpages a region collapses to 2M but its 1G region never to 1G")
    void noOneGigCollapseWithoutGbpages() {
        MachineSpec m = machine(KernelProfile.V6_18).withGbpages(false);
        Simulation s = run(m, "split-and-restore", PageSize.K4,
                new Step.Assign(1, G + 5, PageSize.K4, -1, null),
                new Step.Release(G + 5, PageSize.K4, null));
        assertThat(c(s, Counter.LEVEL2_COLLAPSES)).isEqualTo(1);
        assertThat(c(s, Counter.LEVEL3_COLLAPSES)).isZero();
        assertThat(s.directMap().leafSize(G)).isEqualTo(PageSize.M2);
    }

    // ---- R12 ---------------------------------------------------------------------------------

    @Test
    @DisplayName("R12: a 2M assignment over assigned 4K entries fails with FAIL_OVERLAP, changes nothing, and the run goes on")
    void twoMegOverFourKFails() {
        Simulation s = run(machine(KernelProfile.V6_18), "split-on-demand", PageSize.K4,
                new Step.Assign(1, A + 3, PageSize.K4, -1, null),
                new Step.Assign(1, A, PageSize.M2, -1, null),
                new Step.HostAccess(0, A + 4, true, null));
        assertThat(s.rmp().has2m((int) (A / 512))).isFalse();
        assertThat(s.rmp().assignedFramesIn((int) (A / 512))).isEqualTo(1);
        assertThat(c(s, Counter.RMPUPDATE_FAILURES)).isEqualTo(1);
        SimEvent.RmpUpdate failed = of(SimEvent.RmpUpdate.class).get(1);
        assertThat(failed.status()).isEqualTo(RmpTable.FAIL_OVERLAP);
        assertThat(failed.describe()).contains("FAIL_OVERLAP (status 4)").contains("never merged");
        assertThat(s.position()).isEqualTo(3);
        assertThat(c(s, Counter.HOST_ACCESSES)).isEqualTo(1);
    }

    // ---- R16 ---------------------------------------------------------------------------------

    @Test
    @DisplayName("R16: both fault kinds are oopses, and the words say which")
    void faultWords() {
        Simulation s = run(machine(KernelProfile.V6_18), "none", PageSize.K4,
                new Step.Assign(1, A + 1, PageSize.K4, -1, null),
                new Step.HostAccess(0, A + 2, true, null));
        assertThat(of(SimEvent.RmpFault.class).get(0).describe())
                .startsWith("RMP #PF (oops: RMP violation; the thread's host crash)");
        assertThat(EventKind.NP_FAULT.label()).isEqualTo("not-present #PF (oops)");
        assertThat(EventKind.RMP_FAULT.label()).contains("oops");
    }

    // ---- R18 ---------------------------------------------------------------------------------

    @Test
    @DisplayName("R18: flush_tlb_all sends one IPI per other CPU under 6.8 or without INVLPGB, none under 6.18 with INVLPGB")
    void flushTlbAllIpis() {
        for (MachineSpec m : List.of(machine(KernelProfile.V6_8), machine(KernelProfile.V6_18),
                machine(KernelProfile.V6_18).withInvlpgb(false))) {
            events.clear();
            Simulation s = sim(m, "none", PageSize.K4);
            HostKernel k = s.kernel();
            for (int cpu = 0; cpu < 4; cpu++) {
                k.hostAccess(cpu, A + cpu, false, AccessPurpose.SCENARIO);
            }
            k.flushTlbAll(0, FlushReason.RANGE);
            assertThat(s.tlb().liveEntries()).isZero();
            boolean broadcast = m.broadcastFlushAll();
            assertThat(c(s, Counter.IPIS)).as(m.kernel() + " invlpgb=" + m.invlpgb()).isEqualTo(broadcast ? 0 : 3);
            assertThat(of(SimEvent.FlushTlbAll.class).get(0).broadcast()).isEqualTo(broadcast);
            // a range flush sends IPIs under every profile
            k.flushRange(0, A, 1);
            assertThat(c(s, Counter.IPIS)).isEqualTo(broadcast ? 3 : 6);
        }
    }

    @Test
    @DisplayName("R18: the INVLPGB broadcast costs the sender a constant and the other CPUs nothing")
    void invlpgbCost() {
        long[] sender = new long[2];
        int i = 0;
        for (KernelProfile kp : List.of(KernelProfile.V6_8, KernelProfile.V6_18)) {
            Simulation s = sim(MachineSpec.of(4 * GIB, 64).withKernel(kp), "none", PageSize.K4);
            long before = s.cost().now(0);
            s.kernel().flushTlbAll(0, FlushReason.RANGE);
            sender[i++] = s.cost().now(0) - before;
        }
        var c = org.splitscope.core.cost.CostConstants.DEFAULT;
        assertThat(sender[0]).isEqualTo(c.flushLocal() + 63 * c.ipiSendPerTarget());
        assertThat(sender[1]).isEqualTo(c.invlpgbFlushAll());
    }
}
