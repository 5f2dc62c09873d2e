package org.splitscope.core.sim;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.splitscope.core.Sims;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random operation sequences under every policy: every invariant holds after every step, and the
 * same scenario and seed give the same event stream, event for event (R24).
 */
class SimulationProperties {
    static final MachineSpec MACHINE = MachineSpec.of(256 * Pfns.MIB, 4);
    static final long FRAMES = MACHINE.frames();
    static final List<GuestSpec> GUESTS = List.of(
            Sims.guest(1, 32 * Pfns.MIB, 2, PageSize.K4),
            Sims.guest(2, 32 * Pfns.MIB, 2, PageSize.M2));

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(Policies.ids());
    }

    @Provide
    Arbitrary<List<ProgramItem>> programs() {
        Arbitrary<Long> pfn = Arbitraries.longs().between(16 * 512, FRAMES - 1);
        Arbitrary<Integer> asid = Arbitraries.of(1, 2);
        Arbitrary<PageSize> level = Arbitraries.of(PageSize.K4, PageSize.M2);
        Arbitrary<ProgramItem> assign = Combinators.combine(asid, pfn, level).as((a, p, l) ->
                new ProgramItem.Fixed(new Step.Assign(a, l == PageSize.M2 ? p & ~511L : p, l, -1, null)));
        Arbitrary<ProgramItem> release = Combinators.combine(pfn, level).as((p, l) ->
                new ProgramItem.Fixed(new Step.Release(l == PageSize.M2 ? p & ~511L : p, l, null)));
        Arbitrary<ProgramItem> access = Combinators.combine(Arbitraries.integers().between(0, 3), pfn,
                Arbitraries.of(true, false)).as((c, p, w) -> new ProgramItem.Fixed(new Step.HostAccess(c, p, w, null)));
        Arbitrary<ProgramItem> psmash = pfn.map(p -> new ProgramItem.Fixed(new Step.Psmash(p & ~511L, null)));
        Arbitrary<ProgramItem> teardown = asid.map(a -> new ProgramItem.Fixed(new Step.Teardown(a, null)));
        Arbitrary<ProgramItem> accept = Combinators.combine(asid, Arbitraries.doubles().between(0.01, 0.2))
                .as((a, f) -> new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(a), f), null));
        Arbitrary<ProgramItem> convert = Combinators.combine(asid, Arbitraries.longs().between(1, 20), level,
                Arbitraries.doubles().between(0, 1)).as((a, n, l, r) ->
                new ProgramItem.Generated(new WorkloadSpec.Conversions(a, n, l, r), null));
        Arbitrary<ProgramItem> host = Arbitraries.longs().between(1, 30).map(n ->
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(n, 0.5, 4), null));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, assign), net.jqwik.api.Tuple.of(3, release),
                net.jqwik.api.Tuple.of(4, access), net.jqwik.api.Tuple.of(1, psmash),
                net.jqwik.api.Tuple.of(1, teardown), net.jqwik.api.Tuple.of(2, accept),
                net.jqwik.api.Tuple.of(2, convert), net.jqwik.api.Tuple.of(2, host))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void everyStepKeepsEveryInvariant(@ForAll("policies") String policy, @ForAll("programs") List<ProgramItem> items,
                                      @ForAll long seed) {
        Simulation sim = Simulation.booted(Sims.spec(MACHINE, policy, GUESTS, items).withSeed(seed));
        Sims.runChecked(sim);
    }

    @Property(tries = 30)
    void sameSeedSameEventStream(@ForAll("policies") String policy, @ForAll("programs") List<ProgramItem> items,
                                 @ForAll long seed) {
        SimSpec spec = Sims.spec(MACHINE, policy, GUESTS, items).withSeed(seed);
        List<SimEvent> a = new ArrayList<>();
        List<SimEvent> b = new ArrayList<>();
        Simulation x = Sims.booted(spec, a);
        Simulation y = Sims.booted(spec, b);
        x.runTo(Long.MAX_VALUE);
        y.runTo(Long.MAX_VALUE);
        assertThat(a).isEqualTo(b);
        assertThat(x.stateHash()).isEqualTo(y.stateHash());
    }
}
