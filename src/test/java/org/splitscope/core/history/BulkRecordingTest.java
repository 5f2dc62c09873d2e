package org.splitscope.core.history;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 in the app: the first run to a far position records its steps in bulk chunks, and what
 * it leaves is what recording every step on the step path leaves: the same state, the same series
 * (every kept sample, every column, the event kinds of each), the same faults, the same events of
 * any step on demand, and a log whose stored events are the step path's for the steps it keeps.
 */
class BulkRecordingTest {
    static SimSpec spec(String policy) {
        List<GuestSpec> guests = List.of(new GuestSpec(1, 160 * Pfns.MIB, 4, PageSize.K4),
                new GuestSpec(2, 96 * Pfns.MIB, 2, PageSize.K4));
        List<ProgramItem> items = List.of(
                new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1, 2), 0.5), null),
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(300, 0.5, 2), null),
                new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(2, 1), 1.0), null),
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(300, 0.5, 4), null),
                new ProgramItem.Fixed(new Step.Teardown(1, null)),
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(200, 0.5, 2), null));
        return new SimSpec("bulk-recording", MachineSpec.of(Pfns.GIB, 16), Policies.byId(policy), guests, items, 7,
                CostConstants.DEFAULT);
    }

    static final HistoryBudget SMALL = new HistoryBudget(HistoryBudget.MIN_BYTES);

    @ParameterizedTest
    @ValueSource(strings = {"split-on-demand", "presplit-4k", "none", "invalidate-noflush", "gmem-no-direct-map"})
    void sameHistoryAsTheStepPath(String policy) {
        SimSpec spec = spec(policy);
        Timeline reference = Timeline.open(spec, SMALL, Timeline.Options.FULL);
        reference.recordEveryStep();
        Timeline bulk = Timeline.open(spec, SMALL, Timeline.Options.FULL);
        long total = bulk.totalSteps();
        assertThat(total).isGreaterThan(60_000);

        reference.toEnd();
        bulk.toEnd();
        assertThat(bulk.bulkRecordedSteps()).as("steps recorded in bulk").isGreaterThan(total / 5);
        assertThat(reference.bulkRecordedSteps()).isZero();
        assertThat(bulk.frontier()).isEqualTo(total);
        assertThat(bulk.simulation().stateHash()).isEqualTo(reference.simulation().stateHash());

        StepSeries a = reference.series();
        StepSeries b = bulk.series();
        assertThat(b.stride()).isEqualTo(a.stride());
        assertThat(b.size()).isEqualTo(a.size());
        for (int i = 0; i < a.size(); i++) {
            for (StepSeries.Column c : StepSeries.Column.values()) {
                assertThat(b.get(i, c)).as("%s: sample %d (boundary %d), %s", policy, i, a.boundaryOf(i), c)
                        .isEqualTo(a.get(i, c));
            }
        }
        for (int kind : new int[] {FaultIndex.RMP, FaultIndex.NOT_PRESENT}) {
            assertThat(bulk.faultFrames(kind, 1_000_000)).isEqualTo(reference.faultFrames(kind, 1_000_000));
        }
        // the charts reach the end: the figures at the last boundary, which the stride does not keep
        assertThat(total % a.stride()).isNotZero();
        assertThat(b.tailBoundary()).isEqualTo(total).isEqualTo(a.tailBoundary());
        long[] end = StepSeries.sampleOf(bulk.simulation(), true);
        for (StepSeries.Column c : StepSeries.Column.values()) {
            if (c != StepSeries.Column.KIND_MASK) {
                assertThat(b.tail(c)).as("%s at the end", c).isEqualTo(end[c.ordinal()]).isEqualTo(a.tail(c));
            }
        }
        assertThat(b.tail(StepSeries.Column.KIND_MASK)).isEqualTo(a.tail(StepSeries.Column.KIND_MASK)).isNotZero();

        // the log keeps the latest steps' events, as the step path made them
        assertThat(bulk.firstStoredStep()).isGreaterThan(0).isLessThan(total);
        for (long s = Math.max(bulk.firstStoredStep(), reference.firstStoredStep()); s < total; s += 97) {
            int i = bulk.storedEventIndex(s);
            int j = reference.storedEventIndex(s);
            int n = bulk.storedEventIndex(s + 1) - i;
            assertThat(reference.storedEventIndex(s + 1) - j).isEqualTo(n);
            for (int k = 0; k < n; k++) {
                assertThat(bulk.storedEvent(i + k)).isEqualTo(reference.storedEvent(j + k));
            }
        }
        // any step's events on demand, and the state at any position, whichever way it was reached
        SplittableRandom rnd = new SplittableRandom(policy.hashCode());
        for (int i = 0; i < 12; i++) {
            long s = rnd.nextLong(total);
            assertThat(bulk.eventsOf(s)).as("%s: events of step %d", policy, s).isEqualTo(reference.eventsOf(s));
            bulk.seek(s);
            reference.seek(s);
            assertThat(bulk.simulation().stateHash()).isEqualTo(reference.simulation().stateHash());
            assertThat(bulk.faultFrames(FaultIndex.RMP, 100)).isEqualTo(reference.faultFrames(FaultIndex.RMP, 100));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"split-on-demand", "none"})
    void toTheEndInChunks(String policy) {
        // the app's run to the end: chunks of a hundredth, for its progress bar, toward the end
        SimSpec spec = spec(policy);
        Timeline reference = Timeline.open(spec, SMALL, Timeline.Options.FULL);
        reference.recordEveryStep();
        reference.toEnd();
        Timeline chunked = Timeline.open(spec, SMALL, Timeline.Options.FULL);
        long total = chunked.totalSteps();
        while (chunked.canStepForward()) {
            long next = Math.min(total, chunked.position().step() + Math.max(1000, total / 100));
            chunked.seekToward(next, total);
            assertThat(chunked.position().step()).isEqualTo(next);
            assertThat(chunked.canStepBack()).isTrue();
        }
        assertThat(chunked.bulkRecordedSteps()).as("steps recorded in bulk").isGreaterThan(total / 5);
        assertThat(chunked.simulation().stateHash()).isEqualTo(reference.simulation().stateHash());
        assertThat(chunked.series().size()).isEqualTo(reference.series().size());
        for (int i = 0; i < reference.series().size(); i++) {
            for (StepSeries.Column c : StepSeries.Column.values()) {
                assertThat(chunked.series().get(i, c)).as("sample %d, %s", i, c).isEqualTo(reference.series().get(i, c));
            }
        }
        assertThat(chunked.faultFrames(FaultIndex.RMP, 1_000_000)).isEqualTo(reference.faultFrames(FaultIndex.RMP, 1_000_000));
        // the log holds the last steps as the step path left it (the teardown near the end is one
        // step of tens of thousands of events, so both keep only what came after it)
        assertThat(chunked.firstStoredStep()).isLessThan(total - 100);
        for (long st = Math.max(chunked.firstStoredStep(), reference.firstStoredStep()); st < total; st++) {
            int i = chunked.storedEventIndex(st);
            int j = reference.storedEventIndex(st);
            assertThat(chunked.storedEventIndex(st + 1) - i).isEqualTo(reference.storedEventIndex(st + 1) - j);
            assertThat(chunked.storedEvent(i)).isEqualTo(reference.storedEvent(j));
        }
        chunked.stepBack();
        assertThat(chunked.eventsOf(total - 1)).isEqualTo(reference.eventsOf(total - 1));
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("replayed windows of steps (the log's page before its stored events) sliding forward, back and inside")
    void replayedWindows() {
        SimSpec spec = spec("split-on-demand");
        long a = 20_000;
        // the reference: every step's events from one plain run on the step path
        org.splitscope.core.sim.Simulation plain = org.splitscope.core.sim.Simulation.create(spec);
        List<List<org.splitscope.core.event.SimEvent>> byStep = new java.util.ArrayList<>();
        plain.setSink(e -> byStep.getLast().add(e));
        plain.boot();
        while (plain.position() < a + 3001) {
            byStep.add(new java.util.ArrayList<>());
            plain.executeNext();
        }
        Timeline bulk = Timeline.open(spec, SMALL, Timeline.Options.FULL);
        bulk.toEnd();
        assertThat(bulk.firstStoredStep()).isGreaterThan(a + 3001);
        long[][] windows = {{a, a + 64}, {a + 1, a + 65}, {a + 30, a + 94}, {a + 40, a + 50}, {a + 90, a + 2200},
            {a - 5, a + 10}, {a + 3000, a + 3001}, {0, 3}, {a + 2100, a + 2300}};
        for (long[] w : windows) {
            List<List<org.splitscope.core.event.SimEvent>> got = bulk.eventsOf(w[0], w[1]);
            assertThat(got).hasSize((int) (w[1] - w[0]));
            for (long st = w[0]; st < w[1]; st++) {
                assertThat(got.get((int) (st - w[0]))).as("step %d of [%d, %d)", st, w[0], w[1])
                        .isEqualTo(byStep.get((int) st));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"split-on-demand", "invalidate-noflush"})
    void seriesOnlyAndSeekingInStages(String policy) {
        SimSpec spec = spec(policy);
        Timeline reference = Timeline.open(spec, SMALL, new Timeline.Options(false, true, false));
        reference.recordEveryStep();
        Timeline bulk = Timeline.open(spec, SMALL, new Timeline.Options(false, true, false));
        long total = bulk.totalSteps();
        // far forward in stages, as a user scrubbing ahead does: each seek records up to its target
        for (long t : new long[] {total / 5, total / 5 + 3, total / 2, total - 1, total}) {
            bulk.seek(t);
            reference.seek(t);
            assertThat(bulk.frontier()).isEqualTo(reference.frontier());
            assertThat(bulk.simulation().stateHash()).isEqualTo(reference.simulation().stateHash());
        }
        assertThat(bulk.bulkRecordedSteps()).isGreaterThan(0);
        assertThat(bulk.series().size()).isEqualTo(reference.series().size());
        for (int i = 0; i < reference.series().size(); i++) {
            for (StepSeries.Column c : StepSeries.Column.values()) {
                assertThat(bulk.series().get(i, c)).isEqualTo(reference.series().get(i, c));
            }
        }
    }
}
