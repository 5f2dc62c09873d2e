package org.splitscope.core.workload;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {
    static SimSpec spec(long seed, ProgramItem... items) {
        return Sims.spec(MachineSpec.of(2 * Pfns.GIB, 8), "split-on-demand",
                List.of(Sims.guest(1, 64 * Pfns.MIB, 3, PageSize.K4), Sims.guest(2, 64 * Pfns.MIB, 2, PageSize.M2)),
                List.of(items)).withSeed(seed);
    }

    static ProgramItem accept(double f, Integer... asids) {
        return new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(asids), f), null);
    }

    @Property(tries = 50)
    void permutationIsABijection(@ForAll @LongRange(min = 1, max = 5000) long n, @ForAll long key) {
        Permutation p = new Permutation(n, key);
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < n; i++) {
            long x = p.apply(i);
            assertThat(x).isBetween(0L, n - 1);
            seen.add(x);
        }
        assertThat(seen).hasSize((int) n);
    }

    @Test
    @DisplayName("R20: lazy-accept touches round(fraction x folios), never a folio twice, across blocks")
    void lazyAcceptCoverage() {
        Simulation sim = Simulation.create(spec(5, accept(0.25, 1), accept(0.25, 1), accept(1.0, 1)));
        StepProgram p = sim.program();
        assertThat(p.size()).isEqualTo(16384);          // 64 MiB of 4K folios, all of it
        Set<Long> folios = new HashSet<>();
        for (long i = 0; i < p.size(); i++) {
            Step.Accept a = (Step.Accept) p.step(i);
            assertThat(folios.add(a.folio())).isTrue();
        }
        assertThat(((Step.Accept) p.step(0)).vcpu()).isEqualTo(0);
        assertThat(((Step.Accept) p.step(4)).vcpu()).isEqualTo(1);
    }

    @Test
    @DisplayName("R20: several guests fault in concurrently, interleaved round-robin until the smaller is done")
    void interleaving() {
        StepProgram p = Simulation.create(spec(5, accept(1.0, 1, 2))).program();
        assertThat(p.size()).isEqualTo(16384 + 32);
        assertThat(p.step(0).asid()).isEqualTo(1);
        assertThat(p.step(1).asid()).isEqualTo(2);
        assertThat(p.step(62).asid()).isEqualTo(1);
        assertThat(p.step(63).asid()).isEqualTo(2);
        assertThat(p.step(64).asid()).isEqualTo(1);
        assertThat(p.step(65).asid()).isEqualTo(1);
    }

    @Test
    @DisplayName("R24: the step list depends on the seed only (not the policy); another seed gives another order")
    void determinism() {
        StepProgram a = Simulation.create(spec(9, accept(0.1, 1))).program();
        StepProgram b = Simulation.create(spec(9, accept(0.1, 1)).withPolicy(
                org.splitscope.core.policy.Policies.byId("none"))).program();
        StepProgram c = Simulation.create(spec(10, accept(0.1, 1))).program();
        boolean differs = false;
        for (long i = 0; i < a.size(); i++) {
            assertThat(a.step(i)).isEqualTo(b.step(i));
            differs |= !a.step(i).equals(c.step(i));
        }
        assertThat(differs).isTrue();
    }

    @Test
    @DisplayName("R14/R20: 2M folios are accepted with one 2M RMPUPDATE each, 4K folios at 4K")
    void folioOrder() {
        Simulation sim = Simulation.booted(spec(1, accept(1.0, 2), accept(0.01, 1)));
        sim.runTo(Long.MAX_VALUE);
        assertThat(sim.rmp().private2mEntries()).isEqualTo(32);
        assertThat(sim.rmp().assigned4kFrames()).isEqualTo(Math.round(0.01 * 16384));
        assertThat(sim.cost().faultInBytes()).isEqualTo(64 * Pfns.MIB + Math.round(0.01 * 16384) * 4096);
    }

    @Test
    @DisplayName("R21: a 4K conversion of a 2M private entry PSMASHes it first; R23 teardown frees everything")
    void conversionsAndTeardown() {
        Simulation sim = Simulation.booted(spec(3, accept(1.0, 2),
                new ProgramItem.Generated(new WorkloadSpec.Conversions(2, 40, PageSize.K4, 1.0), null),
                new ProgramItem.Fixed(new Step.Teardown(2, null))));
        sim.runTo(33);
        assertThat(sim.counters().get(org.splitscope.core.kernel.Counter.PSMASH)).isEqualTo(1);
        sim.runTo(Long.MAX_VALUE);
        assertThat(sim.rmp().assigned4kFrames() + sim.rmp().private2mEntries()).isZero();
        Sims.assertInvariants(sim);
    }

    @Test
    @DisplayName("R22: host activity only touches host frames, on the CPUs it is given")
    void hostActivity() {
        Simulation sim = Simulation.create(spec(4, new ProgramItem.Generated(new WorkloadSpec.HostActivity(2000, 0.5, 3), null)));
        int writes = 0;
        for (long i = 0; i < 2000; i++) {
            Step.HostActivity h = (Step.HostActivity) sim.program().step(i);
            assertThat(h.cpu()).isBetween(0, 2);
            assertThat(sim.plan().isGuestFrame(h.pfn())).isFalse();
            assertThat(sim.directMap().isRam(h.pfn())).isTrue();
            writes += h.write() ? 1 : 0;
        }
        assertThat(writes).isBetween(850, 1150);
    }
}
