package org.splitscope.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.core.Sims;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.event.Via;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.workload.ProgramItem;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltinScenariosTest {

    static Stream<Arguments> everyScenarioUnderEveryPolicy() {
        List<Arguments> out = new ArrayList<>();
        for (String s : BuiltinScenarios.names()) {
            for (String p : Policies.ids()) {
                out.add(Arguments.of(s, p));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("everyScenarioUnderEveryPolicy")
    @DisplayName("every built-in scenario runs under every policy and keeps the invariants")
    void runsAndKeepsInvariants(String name, String policy) throws Exception {
        Scenario s = BuiltinScenarios.load(name);
        Simulation sim = Simulation.booted(s.toSpec(policy, null));
        long n = sim.stepCount();
        long every = Math.max(1, n / 40);
        Sims.assertInvariants(sim);
        while (!sim.finished()) {
            sim.executeNext();
            if (sim.position() % every == 0 || sim.finished()) {
                Sims.assertInvariants(sim);
            }
        }
        assertThat(sim.position()).isEqualTo(n);
    }

    @Test
    @DisplayName("every built-in has a description and a caption on every hand-written step")
    void captioned() throws Exception {
        for (String name : BuiltinScenarios.names()) {
            Scenario s = BuiltinScenarios.load(name);
            assertThat(s.description()).as(name).isNotBlank();
            for (ProgramItem item : s.items()) {
                assertThat(item.caption()).as(name + ": " + item).isNotBlank();
            }
        }
    }

    private static List<SimEvent> run(String name, String policy) throws Exception {
        List<SimEvent> events = new ArrayList<>();
        Simulation sim = Sims.booted(BuiltinScenarios.load(name).toSpec(policy, null), events);
        sim.runTo(Long.MAX_VALUE);
        return events;
    }

    @Test
    @DisplayName("golden: overlap-crash under none has exactly one RMP #PF, at step 5, through the cached 2M entry")
    void overlapCrashNone() throws Exception {
        Simulation sim = Simulation.create(BuiltinScenarios.load("overlap-crash").toSpec("none", null));
        List<Long> faultSteps = new ArrayList<>();
        List<SimEvent.RmpFault> faults = new ArrayList<>();
        sim.setSink(e -> {
            if (e instanceof SimEvent.RmpFault f) {
                faultSteps.add(sim.position() + 1);
                faults.add(f);
            }
        });
        sim.boot();
        sim.runTo(Long.MAX_VALUE);
        assertThat(sim.counters().get(Counter.RMP_FAULTS)).isEqualTo(1);
        assertThat(faultSteps).containsExactly(5L);
        SimEvent.RmpFault f = faults.get(0);
        assertThat(f.cpu()).isZero();
        assertThat(f.pfn()).isEqualTo(0x20005);
        assertThat(f.via()).isEqualTo(Via.TLB);
        assertThat(f.size()).isEqualTo(PageSize.M2);
        assertThat(f.firstPrivatePfn()).isEqualTo(0x20001);
        assertThat(f.ownerAsid()).isEqualTo(1);
    }

    @Test
    @DisplayName("golden: overlap-crash under split-on-demand has no fault, one 2M split")
    void overlapCrashSplitOnDemand() throws Exception {
        Simulation sim = Simulation.booted(BuiltinScenarios.load("overlap-crash").toSpec("split-on-demand", null));
        sim.runTo(Long.MAX_VALUE);
        assertThat(sim.counters().get(Counter.RMP_FAULTS)).isZero();
        assertThat(sim.counters().get(Counter.NOT_PRESENT_FAULTS)).isZero();
        assertThat(sim.counters().get(Counter.LEVEL2_SPLITS)).isEqualTo(1);
        assertThat(sim.directMap().directMap4kKb()).isEqualTo(4096);
    }

    @Test
    @DisplayName("stale-tlb: noflush ends with a stale entry and the stray write crashes; flush makes it a clean oops")
    void staleTlbStory() throws Exception {
        List<SimEvent> noflush = run("stale-tlb", "invalidate-noflush");
        SimEvent.RmpFault f = Sims.ofType(noflush, SimEvent.RmpFault.class).get(0);
        assertThat(f.staleEntry()).isTrue();
        assertThat(f.cpu()).isEqualTo(2);
        assertThat(Sims.ofType(noflush, SimEvent.NotPresentFault.class)).hasSize(1);
        List<SimEvent> flush = run("stale-tlb", "invalidate-flush");
        assertThat(Sims.ofType(flush, SimEvent.RmpFault.class)).isEmpty();
        assertThat(Sims.ofType(flush, SimEvent.NotPresentFault.class)).hasSize(3);
    }

    @Test
    @DisplayName("conversions: private-2m-only leaves smashed regions under 2M leaves and the bounce-buffer writes crash")
    void conversionsStory() throws Exception {
        assertThat(Sims.ofType(run("conversions", "private-2m-only"), SimEvent.RmpFault.class)).isNotEmpty();
        assertThat(Sims.ofType(run("conversions", "split-on-demand"), SimEvent.RmpFault.class)).isEmpty();
    }
}
