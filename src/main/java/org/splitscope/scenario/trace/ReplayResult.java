package org.splitscope.scenario.trace;

import org.splitscope.core.sim.Simulation;

/**
 * What a replay found: the simulation at the end of the recording (its run summary is the
 * {@code run --json} figures), the per-step mismatches and the end-of-run comparisons.
 */
public record ReplayResult(Recording recording, Simulation simulation, Mismatches mismatches, FinalCheck.Result end) {
}
