package org.splitscope.core.tlb;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.event.AccessPurpose;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.event.Via;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.HostKernel.AccessResult;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.TlbSpec;
import org.splitscope.core.sim.Simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.core.Sims.GIB;

class HostAccessTest {
    private final List<SimEvent> events = new ArrayList<>();

    private Simulation sim(MachineSpec m) {
        return Sims.booted(Sims.spec(m, "none", List.of(Sims.guest(1, GIB, 1, PageSize.K4)), List.of()), events);
    }

    private static final long AT_2M = 512 * 5;                     // a 2M leaf in the first 1G
    private static final long AT_1G = GIB / 4096;                   // the 1G leaf at 1 GiB

    @Test
    @DisplayName("R17: a host write through a 2M leaf next to a private 4K frame faults, with the culprit named")
    void writeThrough2mFaults() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 2));
        s.rmp().rmpupdate(AT_2M + 3, PageSize.K4, true, 1, 3, false);
        AccessResult r = s.kernel().hostAccess(1, AT_2M + 4, true, AccessPurpose.SCENARIO);
        assertThat(r).isEqualTo(AccessResult.RMP_FAULT);
        SimEvent.RmpFault f = Sims.ofType(events, SimEvent.RmpFault.class).get(0);
        assertThat(f.cpu()).isEqualTo(1);
        assertThat(f.pfn()).isEqualTo(AT_2M + 4);
        assertThat(f.size()).isEqualTo(PageSize.M2);
        assertThat(f.via()).isEqualTo(Via.WALK);
        assertThat(f.firstPrivatePfn()).isEqualTo(AT_2M + 3);
        assertThat(f.privateFrames()).isEqualTo(1);
        assertThat(f.ownerAsid()).isEqualTo(1);
        assertThat(f.explain()).contains("0xa04").contains("2M").contains("0xa03").contains("guest 1");
        assertThat(s.counters().get(Counter.RMP_FAULTS)).isEqualTo(1);
    }

    @Test
    @DisplayName("R17: a write through a 1G leaf into a different 2M region of the same 1G does not fault")
    void oneGigCheckedAs2m() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 2));
        s.rmp().rmpupdate(AT_1G + 3, PageSize.K4, true, 1, 3, false);
        assertThat(s.kernel().hostAccess(0, AT_1G + 512 * 7, true, AccessPurpose.SCENARIO)).isEqualTo(AccessResult.OK);
        assertThat(s.kernel().hostAccess(0, AT_1G + 100, true, AccessPurpose.SCENARIO)).isEqualTo(AccessResult.RMP_FAULT);
        assertThat(Sims.ofType(events, SimEvent.RmpFault.class).get(0).size()).isEqualTo(PageSize.G1);
        assertThat(Sims.ofType(events, SimEvent.RmpFault.class).get(0).via()).isEqualTo(Via.TLB);
    }

    @Test
    @DisplayName("R17/R19: a 1G TLB entry is an RMP hazard only for its 2M regions that hold an assigned frame")
    void oneGigHazardPerRegion() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 2));
        s.rmp().rmpupdate(AT_1G + 3, PageSize.K4, true, 1, 3, false);
        s.kernel().hostAccess(0, AT_1G + 512 * 7, false, AccessPurpose.SCENARIO);   // caches the 1G entry
        TlbSet tlb = s.tlb();
        assertThat(tlb.holds(0, PageSize.G1, AT_1G)).isTrue();
        assertThat(tlb.classify(0, PageSize.G1, AT_1G) & TlbSet.RMP_HAZARD).isNotZero();   // the entry as a whole
        assertThat(tlb.classifyFor(0, PageSize.G1, AT_1G, AT_1G + 512 * 7, AT_1G + 512 * 8) & TlbSet.RMP_HAZARD).isZero();
        assertThat(tlb.classifyFor(0, PageSize.G1, AT_1G, AT_1G + 200, AT_1G + 201) & TlbSet.RMP_HAZARD).isNotZero();
        assertThat(tlb.classifyFor(0, PageSize.G1, AT_1G, AT_1G, AT_1G + 512 * 512) & TlbSet.RMP_HAZARD).isNotZero();
    }

    @Test
    @DisplayName("R17: host reads are never RMP-checked; R16: a not-present PTE gives a not-present #PF")
    void readsAndNotPresent() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 2));
        s.rmp().rmpupdate(AT_2M + 3, PageSize.K4, true, 1, 3, false);
        assertThat(s.kernel().hostAccess(0, AT_2M + 3, false, AccessPurpose.SCENARIO)).isEqualTo(AccessResult.OK);
        s.kernel().setDirectMapInvalidNoflush(0, AT_2M + 3);
        assertThat(s.kernel().hostAccess(1, AT_2M + 3, false, AccessPurpose.SCENARIO))
                .isEqualTo(AccessResult.NOT_PRESENT_FAULT);
        assertThat(s.counters().get(Counter.NOT_PRESENT_FAULTS)).isEqualTo(1);
    }

    @Test
    @DisplayName("R15/R19: a stale 4K TLB entry left by a noflush invalidation is used: the write faults through it (STALE + RMP_HAZARD)")
    void staleEntryIsUsed() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 2));
        HostKernel k = s.kernel();
        long pfn = AT_2M + 10;
        k.setMemory4k(0, pfn, 1, true);                         // region now 4K
        k.hostAccess(1, pfn, false, AccessPurpose.SCENARIO);     // CPU 1 caches the 4K entry
        assertThat(s.tlb().holds(1, PageSize.K4, pfn)).isTrue();
        k.setDirectMapInvalidNoflush(0, pfn);                    // no flush: CPU 1 keeps it
        s.rmp().rmpupdate(pfn, PageSize.K4, true, 1, 10, false);
        int cls = s.tlb().classify(1, PageSize.K4, pfn);
        assertThat(cls & TlbSet.STALE).isNotZero();
        assertThat(cls & TlbSet.RMP_HAZARD).isNotZero();
        events.clear();
        assertThat(k.hostAccess(1, pfn, true, AccessPurpose.SCENARIO)).isEqualTo(AccessResult.RMP_FAULT);
        SimEvent.RmpFault f = Sims.ofType(events, SimEvent.RmpFault.class).get(0);
        assertThat(f.via()).isEqualTo(Via.TLB);
        assertThat(f.staleEntry()).isTrue();
        // another CPU walks and gets the clean not-present #PF instead
        assertThat(k.hostAccess(0, pfn, true, AccessPurpose.SCENARIO)).isEqualTo(AccessResult.NOT_PRESENT_FAULT);
    }

    @Test
    @DisplayName("R18: under 6.8 flush_tlb_all empties every CPU and costs one IPI per other CPU; a per-page flush drops that page only")
    void flushes() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 4).withKernel(org.splitscope.core.mem.KernelProfile.V6_8));
        HostKernel k = s.kernel();
        k.setMemory4k(0, AT_2M, 512, true);
        long ipis = s.counters().get(Counter.IPIS);
        for (int cpu = 0; cpu < 4; cpu++) {
            k.hostAccess(cpu, AT_2M + cpu, false, AccessPurpose.SCENARIO);
            k.hostAccess(cpu, AT_2M + 100, false, AccessPurpose.SCENARIO);
        }
        assertThat(s.tlb().liveEntries()).isEqualTo(8);
        k.flushRange(0, AT_2M + 100, 1);
        assertThat(s.tlb().liveEntries()).isEqualTo(4);
        assertThat(s.counters().get(Counter.FLUSH_TLB_PAGE)).isEqualTo(1);
        k.flushTlbAll(2, org.splitscope.core.event.FlushReason.RANGE);
        assertThat(s.tlb().liveEntries()).isZero();
        assertThat(s.counters().get(Counter.IPIS) - ipis).isEqualTo(3 + 3);
    }

    @Test
    @DisplayName("R18: LRU replacement per page size")
    void lru() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 1).withTlb(new TlbSpec(2, 2, 1)));
        HostKernel k = s.kernel();
        k.setMemory4k(0, AT_2M, 512, true);
        k.hostAccess(0, AT_2M, false, AccessPurpose.SCENARIO);
        k.hostAccess(0, AT_2M + 1, false, AccessPurpose.SCENARIO);
        k.hostAccess(0, AT_2M, false, AccessPurpose.SCENARIO);       // touch: AT_2M is most recent
        k.hostAccess(0, AT_2M + 2, false, AccessPurpose.SCENARIO);   // evicts AT_2M + 1
        assertThat(s.tlb().holds(0, PageSize.K4, AT_2M)).isTrue();
        assertThat(s.tlb().holds(0, PageSize.K4, AT_2M + 1)).isFalse();
        assertThat(s.tlb().holds(0, PageSize.K4, AT_2M + 2)).isTrue();
        SimEvent.TlbFill last = Sims.ofType(events, SimEvent.TlbFill.class).getLast();
        assertThat(last.evictedBase()).isEqualTo(AT_2M + 1);
    }

    @Test
    @DisplayName("R19: MIXED_SIZE is reported when one CPU holds a 2M and a 4K entry for the same address")
    void mixedSize() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 1));
        s.kernel().hostAccess(0, AT_2M, false, AccessPurpose.SCENARIO);   // 2M entry
        s.tlb().fill(0, PageSize.K4, AT_2M + 1);                            // as if split without a flush
        assertThat(s.tlb().classify(0, PageSize.M2, AT_2M) & TlbSet.MIXED_SIZE).isNotZero();
        assertThat(s.tlb().classify(0, PageSize.K4, AT_2M + 1) & TlbSet.MIXED_SIZE).isNotZero();
        assertThat(s.tlb().classify(0, PageSize.K4, AT_2M + 1) & TlbSet.STALE).isNotZero();
        // the smaller entry is the one used
        assertThat(s.tlb().lookup(0, AT_2M + 1)).isEqualTo(PageSize.K4);
    }

    @Test
    @DisplayName("R19: RMP_HAZARD for a 2M entry over a region with a private frame, and for a 1G entry over any")
    void hazards() {
        Simulation s = sim(MachineSpec.of(2 * GIB, 1));
        s.kernel().hostAccess(0, AT_2M, false, AccessPurpose.SCENARIO);
        s.kernel().hostAccess(0, AT_1G, false, AccessPurpose.SCENARIO);
        assertThat(s.tlb().classify(0, PageSize.M2, AT_2M)).isZero();
        s.rmp().rmpupdate(AT_2M + 400, PageSize.K4, true, 1, 0, false);
        s.rmp().rmpupdate(AT_1G + 512 * 300, PageSize.K4, true, 1, 1, false);
        assertThat(s.tlb().classify(0, PageSize.M2, AT_2M)).isEqualTo(TlbSet.RMP_HAZARD);
        assertThat(s.tlb().classify(0, PageSize.G1, AT_1G)).isEqualTo(TlbSet.RMP_HAZARD);
    }
}
