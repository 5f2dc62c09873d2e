package org.splitscope.core.directmap;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.PfnRange;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.mem.TlbSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.workload.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.splitscope.core.Sims.GIB;

class DirectMapTest {

    private static Simulation boot(MachineSpec m, String policy) {
        Simulation sim = Simulation.booted(Sims.spec(m, policy, List.of(), List.of()));
        Sims.assertInvariants(sim);
        return sim;
    }

    @Test
    @DisplayName("R5: 4 GiB with gbpages boots to DirectMap4k 2048 kB, 2M 1046528 kB, 1G 3145728 kB")
    void defaultBootLayout() {
        DirectMap dm = boot(MachineSpec.of(4 * GIB, 4), "none").directMap();
        assertThat(dm.directMap4kKb()).isEqualTo(2048);
        assertThat(dm.directMap2mKb()).isEqualTo(1046528);
        assertThat(dm.directMap1gKb()).isEqualTo(3145728);
        assertThat(dm.leafSize(0)).isEqualTo(PageSize.K4);
        assertThat(dm.leafSize(512)).isEqualTo(PageSize.M2);
        assertThat(dm.leafSize(Pfns.FRAMES_PER_1G)).isEqualTo(PageSize.G1);
    }

    @Test
    @DisplayName("R5: gbpages off maps every later 1G with 2M leaves; a tail that is not a whole 1G is 2M")
    void gbpagesOffAndTail() {
        DirectMap off = boot(MachineSpec.of(4 * GIB, 1).withGbpages(false), "none").directMap();
        assertThat(off.directMap1gKb()).isZero();
        assertThat(off.directMap2mKb()).isEqualTo(4L * 1024 * 1024 - 2048);
        DirectMap tail = boot(MachineSpec.of(GIB + 6 * Pfns.MIB, 1), "none").directMap();
        assertThat(tail.directMap1gKb()).isZero();
        assertThat(tail.leafSize(Pfns.FRAMES_PER_1G + 1)).isEqualTo(PageSize.M2);
    }

    @Test
    @DisplayName("R5: all-2m and all-4k layouts")
    void uniformLayouts() {
        DirectMap two = boot(MachineSpec.of(2 * GIB, 1).withBoot(new BootLayout.All2M()), "none").directMap();
        assertThat(two.directMap2mKb()).isEqualTo(2L * 1024 * 1024);
        DirectMap four = boot(MachineSpec.of(128 * Pfns.MIB, 1).withBoot(new BootLayout.All4K()), "none").directMap();
        assertThat(four.directMap4kKb()).isEqualTo(128L * 1024);
    }

    @Test
    @DisplayName("R1/R4: holes have no leaf and count in no DirectMap figure; partial regions are 4K")
    void holes() {
        long mib = Pfns.MIB;
        MachineSpec m = MachineSpec.of(4 * GIB, 2).withHoles(List.of(
                PfnRange.ofBytes(3 * GIB, GIB - 64 * mib),          // PCI hole
                PfnRange.ofBytes(640 * 1024, 384 * 1024)));           // legacy VGA/BIOS range
        DirectMap dm = boot(m, "none").directMap();
        long ramKb = dm.ramFrames() * 4;
        assertThat(dm.directMap4kKb() + dm.directMap2mKb() + dm.directMap1gKb()).isEqualTo(ramKb);
        assertThat(dm.leafSize((3 * GIB) / 4096)).isNull();
        assertThat(dm.frameState(640 * 1024 / 4096)).isEqualTo(DirectMap.HOLE);
        assertThat(dm.gigKind(3)).isEqualTo(DirectMap.TABLE);          // the 1G with the hole cannot be a 1G leaf
        assertThat(dm.leafSize((4 * GIB - mib) / 4096)).isEqualTo(PageSize.M2);
        assertThat(dm.gigKind(1)).isEqualTo(DirectMap.LEAF_1G);
    }

    @Test
    @DisplayName("R4/R6: one private 4K frame in the 1G leaf at 2 GiB gives 4096 / 2093056 / 2097152 kB, one level-3 and one level-2 split")
    void splittingHookOnFirstPrivateFrame() {
        List<SimEvent> events = new ArrayList<>();
        Simulation sim = Sims.booted(Sims.spec(4 * GIB, 4, "split-on-demand",
                List.of(Sims.guest(1, GIB, 1, PageSize.K4)),
                new Step.Assign(1, 2 * GIB / 4096, PageSize.K4, 0, null)), events);
        Sims.runChecked(sim);
        DirectMap dm = sim.directMap();
        assertThat(dm.directMap4kKb()).isEqualTo(4096);
        assertThat(dm.directMap2mKb()).isEqualTo(2093056);
        assertThat(dm.directMap1gKb()).isEqualTo(2097152);
        assertThat(sim.counters().get(Counter.LEVEL3_SPLITS)).isEqualTo(1);
        assertThat(sim.counters().get(Counter.LEVEL2_SPLITS)).isEqualTo(1);
        // R6: every split is followed by flush_tlb_all()
        List<SimEvent> splitsAndFlushes = events.stream()
                .filter(e -> e instanceof SimEvent.Split || e instanceof SimEvent.FlushTlbAll).toList();
        assertThat(splitsAndFlushes).hasSize(4);
        assertThat(splitsAndFlushes.get(0)).isInstanceOf(SimEvent.Split.class);
        assertThat(splitsAndFlushes.get(1)).isInstanceOf(SimEvent.FlushTlbAll.class);
        assertThat(((SimEvent.Split) splitsAndFlushes.get(0)).from()).isEqualTo(PageSize.G1);
        assertThat(((SimEvent.Split) splitsAndFlushes.get(2)).from()).isEqualTo(PageSize.M2);
    }

    @Test
    @DisplayName("R4/R8: invalidating a 4K PTE changes no DirectMap figure; restoring keeps it 4K")
    void invalidateDoesNotChangeCounts() {
        Simulation sim = boot(MachineSpec.of(2 * GIB, 2), "none");
        var k = sim.kernel();
        long pfn = GIB / 4096 + 7;
        k.setDirectMapInvalidNoflush(0, pfn);
        DirectMap dm = sim.directMap();
        long kb4 = dm.directMap4kKb();
        assertThat(dm.frameState(pfn)).isEqualTo(DirectMap.PTE_NOT_PRESENT);
        assertThat(dm.notPresentCount(Pfns.region(pfn))).isEqualTo(1);
        k.setDirectMapDefaultNoflush(0, pfn + 1);                 // already present: no change
        k.setDirectMapDefaultNoflush(0, pfn);
        assertThat(dm.frameState(pfn)).isEqualTo(DirectMap.PTE_PRESENT);
        assertThat(dm.directMap4kKb()).isEqualTo(kb4);
        assertThat(sim.counters().get(Counter.CPA_CALLS)).isEqualTo(3);   // R7: one per call
        Sims.assertInvariants(sim);
    }

    @Test
    @DisplayName("R8: set_memory_4k marks keep-4K; R9: collapse refuses kept pages, accepts clean ones, then 1G")
    void collapseRules() {
        Simulation sim = boot(MachineSpec.of(2 * GIB, 2), "none");
        var k = sim.kernel();
        DirectMap dm = sim.directMap();
        long a = GIB / 4096;                                     // inside the 1G leaf at 1 GiB
        k.setMemory4k(0, a, 1, true);
        assertThat(dm.keep4k(a)).isTrue();
        assertThat(k.collapse(0, a)).isFalse();                   // kept: never collapsed
        long b = a + 5 * 512;
        k.setMemory4k(0, b, 1, false);                            // split-and-restore's split
        assertThat(dm.leafSize(b)).isEqualTo(PageSize.K4);
        k.setDirectMapInvalidNoflush(0, b + 3);
        assertThat(k.collapse(0, b)).isFalse();                   // a PTE not present
        k.setDirectMapDefaultNoflush(0, b + 3);
        assertThat(k.collapse(0, b)).isTrue();
        assertThat(dm.leafSize(b)).isEqualTo(PageSize.M2);
        assertThat(dm.gigKind(1)).isEqualTo(DirectMap.TABLE);      // region a still 4K: no 1G collapse
        assertThat(sim.counters().get(Counter.LEVEL2_COLLAPSES)).isEqualTo(1);
        assertThat(sim.counters().get(Counter.LEVEL3_COLLAPSES)).isZero();
        Sims.assertInvariants(sim);
    }

    @Test
    @DisplayName("R9: a 1G region collapses once all 512 entries are 2M leaves again")
    void collapseTo1g() {
        Simulation sim = boot(MachineSpec.of(2 * GIB, 2), "none");
        var k = sim.kernel();
        long b = GIB / 4096 + 9 * 512;
        k.setMemory4k(0, b, 1, false);
        assertThat(sim.directMap().directMap1gKb()).isZero();
        assertThat(k.collapse(0, b)).isTrue();
        assertThat(sim.directMap().directMap1gKb()).isEqualTo(1048576);
        assertThat(sim.counters().get(Counter.LEVEL3_COLLAPSES)).isEqualTo(1);
        Sims.assertInvariants(sim);
    }

    @Test
    @DisplayName("R3: a 2 TiB host's state stays well under 2 GiB (no object per frame)")
    void twoTebibytesIsCompact() {
        Simulation sim = Simulation.create(Sims.spec(MachineSpec.of(2 * Pfns.TIB, 64), "none", List.of(), List.of()));
        assertThat(sim.directMap().frames()).isEqualTo(536_870_912L);
        assertThat(sim.stateBytes()).isLessThan(600L * Pfns.MIB);
        assertThat(sim.directMap().directMap1gKb()).isEqualTo((2048L - 1) * 1024 * 1024);
    }

    @Test
    @DisplayName("R1: impossible machines are refused with a reason")
    void badMachines() {
        assertThatThrownBy(() -> MachineSpec.of(32 * Pfns.MIB, 1)).hasMessageContaining("between 64 MiB");
        assertThatThrownBy(() -> MachineSpec.of(65 * Pfns.MIB, 1)).hasMessageContaining("multiple of 2 MiB");
        assertThatThrownBy(() -> MachineSpec.of(GIB, 0)).hasMessageContaining("cpus");
        assertThatThrownBy(() -> new TlbSpec(0, 1, 1)).hasMessageContaining("entries4k");
    }
}
