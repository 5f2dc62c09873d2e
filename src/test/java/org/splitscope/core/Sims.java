package org.splitscope.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.core.check.InvariantChecker;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;

import static org.assertj.core.api.Assertions.assertThat;

/** Test fixture: small machines, explicit steps, event capture, invariant checks. */
public final class Sims {
    private Sims() {
    }

    public static final long GIB = Pfns.GIB;

    public static SimSpec spec(MachineSpec machine, String policy, List<GuestSpec> guests, List<ProgramItem> items) {
        return new SimSpec("test", machine, Policies.byId(policy), guests, items, 1, CostConstants.DEFAULT);
    }

    public static SimSpec spec(long ram, int cpus, String policy, List<GuestSpec> guests, Step... steps) {
        List<ProgramItem> items = new ArrayList<>();
        for (Step s : steps) {
            items.add(new ProgramItem.Fixed(s));
        }
        return spec(MachineSpec.of(ram, cpus), policy, guests, items);
    }

    public static GuestSpec guest(int asid, long memory, int vcpus, PageSize folio) {
        return new GuestSpec(asid, memory, vcpus, folio);
    }

    /** A booted simulation whose events are collected into {@code events}. */
    public static Simulation booted(SimSpec spec, List<SimEvent> events) {
        Simulation sim = Simulation.create(spec);
        sim.setSink(events::add);
        sim.boot();
        return sim;
    }

    /** Runs every step, checking the invariants after each. */
    public static void runChecked(Simulation sim) {
        assertInvariants(sim);
        while (!sim.finished()) {
            sim.executeNext();
            assertInvariants(sim);
        }
    }

    public static void assertInvariants(Simulation sim) {
        assertThat(InvariantChecker.check(sim)).as("invariants after step %d", sim.position()).isEmpty();
    }

    @SafeVarargs
    public static <T> List<T> list(T... xs) {
        return Arrays.asList(xs);
    }

    public static <E extends SimEvent> List<E> ofType(List<SimEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
