package org.splitscope.core.workload;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.PfnRange;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 14 item 3: host activity picks RAM frames in O(log ranges), and the step count is known before a run. */
class HostileWorkloadTest {
    @Test
    @DisplayName("issue 14.3 / R22: 1 TiB with 1023 GiB of holes: 200 host-activity steps take well under a second, all on host RAM")
    void hostActivityOnAHoleyMachine() {
        MachineSpec m = MachineSpec.of(Pfns.TIB, 4).withHoles(List.of(PfnRange.ofBytes(Pfns.GIB, 1023 * Pfns.GIB)));
        SimSpec spec = Sims.spec(m, "split-on-demand", List.of(), List.of(
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(200, 0.5, 4), null)));
        Simulation sim = Simulation.booted(spec);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long t0 = System.nanoTime();
            for (long i = 0; i < sim.stepCount(); i++) {
                Step.HostActivity s = (Step.HostActivity) sim.step(i);
                assertThat(s.pfn()).isLessThan(Pfns.GIB / Pfns.FRAME_BYTES);       // RAM is the first GiB only
            }
            sim.runTo(sim.stepCount());
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
        });
    }

    @Test
    @DisplayName("without holes the n-th RAM frame is frame n: host activity picks what it always did")
    void ramFramesWithoutHoles() {
        RamFrames r = RamFrames.of(List.of(new PfnRange(0, 1000)));
        assertThat(r.count()).isEqualTo(1000);
        for (long n : new long[] {0, 1, 511, 999}) {
            assertThat(r.nth(n)).isEqualTo(n);
        }
        RamFrames holes = RamFrames.of(List.of(new PfnRange(0, 10), new PfnRange(100, 105), new PfnRange(1000, 1001)));
        assertThat(holes.count()).isEqualTo(16);
        assertThat(holes.nth(9)).isEqualTo(9);
        assertThat(holes.nth(10)).isEqualTo(100);
        assertThat(holes.nth(14)).isEqualTo(104);
        assertThat(holes.nth(15)).isEqualTo(1000);
    }

    @Test
    @DisplayName("RAM frames from a booted direct map are the machine's RAM ranges")
    void ramFramesFromDirectMap() {
        MachineSpec m = MachineSpec.of(4 * Pfns.GIB, 2).withHoles(List.of(PfnRange.ofBytes(0x9f000, 0x61000),
                PfnRange.ofBytes(3 * Pfns.GIB, 512 * Pfns.MIB + 8192)));
        Simulation sim = Simulation.booted(Sims.spec(m, "none", List.of(), List.of()));
        RamFrames fromDm = RamFrames.of(sim.directMap());
        RamFrames fromSpec = RamFrames.of(m.ramRanges());
        assertThat(fromDm.count()).isEqualTo(fromSpec.count()).isEqualTo(sim.directMap().ramFrames());
        for (long n = 0; n < fromSpec.count(); n += 4099) {
            assertThat(fromDm.nth(n)).isEqualTo(fromSpec.nth(n));
            assertThat(sim.directMap().isRam(fromDm.nth(n))).isTrue();
        }
    }

    @Property(tries = 40)
    @Label("the step count known at load equals the expanded program's size")
    void stepCountMatchesExpansion(@ForAll @IntRange(min = 0, max = 4) int accepts, @ForAll @DoubleRange(min = 0.01, max = 1) double f,
                                   @ForAll @IntRange(min = 1, max = 50) int convert, @ForAll boolean teardown) {
        List<ProgramItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < accepts; i++) {
            items.add(WorkloadTest.accept(f, 1, 2));
            if (teardown && i == 1) {
                items.add(new ProgramItem.Fixed(new Step.Teardown(1, null)));
            }
        }
        items.add(new ProgramItem.Generated(new WorkloadSpec.Conversions(2, convert, PageSize.K4, 0.5), null));
        items.add(new ProgramItem.Generated(new WorkloadSpec.HostActivity(convert, 0.5, 2), null));
        SimSpec spec = WorkloadTest.spec(3, items.toArray(new ProgramItem[0]));
        long known = StepCount.total(StepCount.perItem(spec.items(), spec.guests()));
        assertThat(known).isEqualTo(Simulation.create(spec).stepCount());
    }
}
