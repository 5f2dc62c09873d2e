package org.splitscope.core.history;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory up front (issue 14 item 8, DOMAIN R3): the estimate made before building a machine, and
 * the history budget a timeline gets from what the heap leaves (item 7). Surefire runs tests under
 * -Xmx2g, the heap R3 names.
 */
class HeapEstimateTest {
    static SimSpec machine(long ram) {
        return Sims.spec(MachineSpec.of(ram, 64), "split-on-demand", List.of(), List.of());
    }

    @Test
    @DisplayName("the state estimate from two probe machines equals the state a 64 GiB machine holds")
    void estimateMatchesState() {
        SimSpec s = machine(64 * Pfns.GIB);
        long estimate = HeapEstimate.stateBytes(s);
        long actual = Simulation.create(s).stateBytes();
        assertThat((double) estimate).isCloseTo(actual, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    @DisplayName("R3: a 2 TiB host fits in a 2 GiB heap, for a run and for a timeline; a 16 TiB one is refused with the -Xmx to give")
    void r3() {
        // what a fresh JVM has in use before it builds a machine (classes, picocli, Jackson) is under 256 MiB
        long room = 2 * Pfns.GIB - 256 * Pfns.MIB;
        assertThat(HeapEstimate.forRun(machine(2 * Pfns.TIB)).neededBytes()).isLessThan(room);
        assertThat(HeapEstimate.forTimeline(machine(2 * Pfns.TIB)).neededBytes()).isLessThan(room);
        SimSpec big = machine(16 * Pfns.TIB);
        HeapEstimate e = HeapEstimate.forRun(big);
        assertThat(e.fits()).isFalse();
        assertThat(e.refusal(big.machine())).startsWith("a machine of 16 TiB needs about ").contains("of heap")
                .contains("but this JVM has ").containsPattern("java -Xmx[0-9]+g -jar").doesNotContain("\n");
    }

    @Test
    @DisplayName("issue 14.7: the history budget is what the heap leaves, at most the one asked for, at least 8 MiB")
    void budgetFromHeap() {
        HeapEstimate roomy = new HeapEstimate(10 * Pfns.MIB, 50 * Pfns.MIB, 2 * Pfns.GIB, 0, 2 * Pfns.GIB);
        assertThat(roomy.budget(HistoryBudget.DEFAULT)).isEqualTo(HistoryBudget.DEFAULT);
        HeapEstimate tight = new HeapEstimate(10 * Pfns.MIB, 200 * Pfns.MIB, 256 * Pfns.MIB, 0, 256 * Pfns.MIB);
        assertThat(tight.budget(HistoryBudget.DEFAULT).bytes()).isEqualTo(56 * Pfns.MIB + HistoryBudget.MIN_BYTES);
        assertThat(tight.times(2).budget(HistoryBudget.DEFAULT, 2).bytes()).isEqualTo(HistoryBudget.MIN_BYTES);
    }

    @Test
    @DisplayName("garbage is not a refusal: a need that seems not to fit is measured again after a collection")
    void garbageCollectedBeforeRefusing() {
        long[] used = {1900 * Pfns.MIB};
        int[] collections = {0};
        HeapEstimate.Heap heap = new HeapEstimate.Heap() {
            @Override
            public long used() {
                return used[0];
            }

            @Override
            public long max() {
                return 2 * Pfns.GIB;
            }

            @Override
            public void collect() {
                collections[0]++;
                used[0] = 100 * Pfns.MIB;
            }
        };
        used[0] = 1000 * Pfns.MIB;
        assertThat(HeapEstimate.of(Pfns.MIB, 10 * Pfns.MIB, heap).fits()).isTrue();
        assertThat(collections[0]).as("room for the need and the default budget: no collection").isZero();
        used[0] = 1900 * Pfns.MIB;
        HeapEstimate small = HeapEstimate.of(Pfns.MIB, 10 * Pfns.MIB, heap);
        assertThat(collections[0]).as("the need fits but not the budget after it").isEqualTo(1);
        assertThat(small.plus(HistoryBudget.DEFAULT.bytes()).fits()).isTrue();
        collections[0] = 0;
        used[0] = 1900 * Pfns.MIB;
        HeapEstimate e = HeapEstimate.of(Pfns.MIB, 500 * Pfns.MIB, heap);
        assertThat(collections[0]).isEqualTo(1);
        assertThat(e.fits()).isTrue();
        assertThat(e.availableBytes()).isEqualTo(2 * Pfns.GIB - 100 * Pfns.MIB);
        assertThat(HeapEstimate.of(Pfns.MIB, 3 * Pfns.GIB, heap).fits()).as("still too big after collecting").isFalse();
    }
}
