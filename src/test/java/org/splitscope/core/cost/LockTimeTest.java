package org.splitscope.core.cost;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.RunMode;
import org.splitscope.core.sim.Simulation;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.trace.Progress;
import org.splitscope.scenario.trace.Recording;
import org.splitscope.scenario.trace.RecordingLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cpa_lock (R7) is held by one CPU at a time, so the time it is held never adds up to more than the
 * run lasts; the time CPUs wait for it is counted apart.
 */
class LockTimeTest {
    @Test
    @DisplayName("R7/R25: cpa_lock held time never exceeds the simulated time, in scenarios and a replayed recording, both modes")
    void heldWithinTheRun() throws Exception {
        Recording rec = RecordingLoader.load("snp-host-split-on-demand", Progress.NONE);
        for (KernelProfile k : KernelProfile.values()) {
            for (RunMode mode : RunMode.values()) {
                Simulation r = Simulation.booted(rec.scenario().toSpec().withKernel(k));
                r.runTo(r.stepCount(), mode);
                assertThat(r.cost().lockWaitNs()).as("the recording waits for the lock somewhere").isPositive();
                assertThat(r.cost().lockHoldNs()).as("recording, %s, %s", k, mode).isLessThanOrEqualTo(r.cost().simTimeNs());
                for (String scenario : new String[] {"lazy-accept", "multi-guest"}) {
                    for (String policy : new String[] {"invalidate-noflush", "split-on-demand", "split-physmap"}) {
                        Simulation s = Simulation.booted(BuiltinScenarios.load(scenario).toSpec(policy, null).withKernel(k));
                        s.runTo(s.stepCount(), mode);
                        assertThat(s.cost().lockHoldNs()).as("%s under %s, %s, %s", scenario, policy, k, mode)
                                .isPositive().isLessThanOrEqualTo(s.cost().simTimeNs());
                    }
                }
            }
        }
    }
}
