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
    @DisplayName("a CPU whose clock lags (it was idle) waits only for the hold in progress, not for its idle time; time is unchanged")
    void idleIsNotWaiting() {
        for (boolean run : new boolean[] {false, true}) {
            CostModel m = new CostModel(new org.splitscope.core.state.Journal(), CostConstants.DEFAULT, 2);
            m.beginStep(1, -1);
            m.work(1, CostKind.HOST_ACCESS, 1_000_000);          // CPU 1 is 1 ms ahead
            m.endStep();
            m.beginStep(1, -1);
            m.lockAcquire(1);
            m.work(1, CostKind.CPA, 5_000);                      // holds cpa_lock for 5 us
            m.lockRelease(1);
            m.endStep();
            m.beginStep(0, -1);                                  // CPU 0 has done nothing: its clock is 0
            long wait;
            if (run) {
                wait = m.lockRun(0, 3, 1_000);
            } else {
                wait = m.lockAcquire(0);
                m.work(0, CostKind.CPA, 1_000);
                m.lockRelease(0);
            }
            m.endStep();
            assertThat(wait).as("lockRun %s: waited for the 5 us hold only", run).isEqualTo(5_000);
            assertThat(m.lockWaitNs()).isEqualTo(5_000);
            assertThat(m.now(0)).as("it got the lock when CPU 1 released it").isEqualTo(1_005_000 + (run ? 3_000 : 1_000));
        }
    }


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
                assertThat(r.cost().lockWaitNs()).as("recording wait, %s, %s", k, mode).isLessThanOrEqualTo(r.cost().lockHoldNs());
                for (String scenario : new String[] {"lazy-accept", "multi-guest"}) {
                    for (String policy : new String[] {"invalidate-noflush", "split-on-demand", "split-physmap"}) {
                        Simulation s = Simulation.booted(BuiltinScenarios.load(scenario).toSpec(policy, null).withKernel(k));
                        s.runTo(s.stepCount(), mode);
                        assertThat(s.cost().lockHoldNs()).as("%s under %s, %s, %s", scenario, policy, k, mode)
                                .isPositive().isLessThanOrEqualTo(s.cost().simTimeNs());
                        // served in step order, each request waits at most for the hold before it
                        assertThat(s.cost().lockWaitNs()).as("wait: %s under %s, %s, %s", scenario, policy, k, mode)
                                .isLessThanOrEqualTo(s.cost().lockHoldNs());
                    }
                }
            }
        }
    }
}
