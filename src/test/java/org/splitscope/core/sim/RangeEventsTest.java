package org.splitscope.core.sim;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk mode with a sink that wants every event: the steps it settles guest by guest are reported as
 * range events (one event for a run of frames), and expanding each range gives exactly the events the
 * step path made for those steps, of that kind and guest, in order; every other event is built as
 * the step path builds it.
 */
class RangeEventsTest {
    record At(long step, SimEvent event) {
    }

    static SimSpec spec(String policy) {
        List<GuestSpec> guests = List.of(new GuestSpec(1, 6 * Pfns.MIB, 2, PageSize.K4),
                new GuestSpec(2, 4 * Pfns.MIB + 12 * 4096, 3, PageSize.K4));
        List<ProgramItem> items = List.of(
                new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1, 2), 0.6), null),
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(20, 0.5, 2), null),
                new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(2, 1), 1.0), null),
                new ProgramItem.Fixed(new Step.Teardown(1, null)));
        return new SimSpec("ranges", MachineSpec.of(Pfns.GIB, 8), Policies.byId(policy), guests, items, 3,
                CostConstants.DEFAULT);
    }

    static List<At> record(Simulation sim, RunMode mode) {
        List<At> out = new ArrayList<>();
        sim.setSink(e -> out.add(new At(sim.position(), e)));
        sim.boot();
        sim.runTo(sim.stepCount(), mode);
        return out;
    }

    @Test
    void rangesExpandToTheStepPathsEvents() {
        for (String policy : List.of("presplit-4k", "split-on-demand")) {
            SimSpec spec = spec(policy);
            Simulation step = Simulation.create(spec);
            List<At> reference = record(step, RunMode.STEP);

            Simulation booted = Simulation.booted(spec);
            Object[] atBoot = booted.snapshot();
            Simulation bulk = Simulation.create(spec);
            List<At> reported = record(bulk, RunMode.BULK);

            assertThat(bulk.stateHash()).isEqualTo(step.stateHash());
            assertThat(bulk.counters().get(Counter.EVENTS)).isEqualTo(step.counters().get(Counter.EVENTS));
            List<SimEvent.Range> ranges = reported.stream().map(At::event)
                    .filter(SimEvent.Range.class::isInstance).map(SimEvent.Range.class::cast).toList();
            assertThat(ranges).as(policy + ": some steps were settled guest by guest").isNotEmpty();
            long covered = 0;
            for (SimEvent.Range r : ranges) {
                List<SimEvent> expanded = EventExpansion.expand(spec, atBoot, r);
                List<SimEvent> expected = reference.stream()
                        .filter(a -> a.step() >= r.fromStep() && a.step() < r.toStep())
                        .map(At::event)
                        .filter(e -> e.kind() == r.of() && (e.asid() == r.asid() || e.asid() == 0)
                                && (e.pfn() < 0 || (e.pfn() >= r.pfn() && e.pfn() < r.pfn() + r.frames())))
                        .toList();
                assertThat(expanded).as(policy + ": " + r.describe()).hasSize((int) r.count()).isEqualTo(expected);
                covered += r.count();
            }
            // every other event was built as the step path built it
            List<SimEvent> built = reported.stream().map(At::event).filter(e -> !(e instanceof SimEvent.Range)).toList();
            assertThat(built.size() + covered).as(policy).isEqualTo(reference.size());
            List<SimEvent> referenceBuilt = new ArrayList<>(reference.stream().map(At::event).toList());
            for (SimEvent.Range r : ranges) {
                referenceBuilt.removeAll(EventExpansion.expand(spec, atBoot, r));
            }
            assertThat(built).as(policy).isEqualTo(referenceBuilt);
            assertThat(ranges).allMatch(r -> r.kind() != EventKind.CPA);
        }
    }
}
