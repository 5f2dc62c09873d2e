package org.splitscope.cli;

import org.splitscope.core.history.HeapEstimate;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.scenario.ReadPolicy;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.ScenarioLoader;
import org.splitscope.scenario.trace.Progress;
import org.splitscope.scenario.trace.Recording;
import org.splitscope.scenario.trace.RecordingLoader;

/**
 * Loading a scenario and building its run for a command, turning every input problem into a
 * {@link UserError}; a machine the heap cannot hold is refused before it is built (issue 14 item 8).
 */
final class Loaded {
    private Loaded() {
    }

    static Scenario scenario(String nameOrPath) {
        return scenario(nameOrPath, ReadPolicy.SCENARIO_FOLDER);
    }

    static Scenario scenario(String nameOrPath, ReadPolicy policy) {
        try {
            return ScenarioLoader.load(nameOrPath, policy);
        } catch (ScenarioException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A host recording (TRACE.md) by built-in name or path. */
    static Recording recording(String nameOrPath) {
        try {
            return RecordingLoader.load(nameOrPath, Progress.NONE);
        } catch (ScenarioException e) {
            throw new UserError(e.getMessage());
        }
    }

    static SimSpec spec(Scenario s, String policy, Long seed, KernelProfile kernel) {
        if (policy != null && !Policies.ids().contains(policy)) {
            throw new UserError("unknown policy '" + policy + "' (one of: " + String.join(", ", Policies.ids()) + ")");
        }
        return s.toSpec(policy, seed, kernel);
    }

    /** A simulation of {@code spec} without history, once the heap is known to hold it. */
    static Simulation create(SimSpec spec) {
        checkHeap(spec, HeapEstimate.forRun(spec));
        try {
            return Simulation.create(spec);
        } catch (IllegalArgumentException e) {
            throw new UserError(spec.name() + ": " + e.getMessage());
        }
    }

    static void checkHeap(SimSpec spec, HeapEstimate e) {
        if (!e.fits()) {
            throw new UserError(spec.name() + ": " + e.refusal(spec.machine()));
        }
    }

    /**
     * A timeline of {@code spec} whose history budget is what the heap leaves (at most the default),
     * so a seek or an export fits wherever the run itself fits (issue 14 item 7).
     */
    static Timeline timeline(SimSpec spec, HistoryBudget wanted, Timeline.Options options) {
        return timelines(java.util.List.of(spec), wanted, options, 0).get(0);
    }

    /** Timelines of {@code specs} side by side, with {@code extraBytes} more for what the command draws. */
    static java.util.List<Timeline> timelines(java.util.List<SimSpec> specs, HistoryBudget wanted, Timeline.Options options,
                                              long extraBytes) {
        HeapEstimate e = HeapEstimate.forTimeline(specs.get(0)).times(specs.size()).plus(extraBytes);
        checkHeap(specs.get(0), e);
        HistoryBudget each = e.budget(wanted, specs.size());
        java.util.List<Timeline> out = new java.util.ArrayList<>();
        for (SimSpec spec : specs) {
            try {
                out.add(Timeline.open(spec, each, options));
            } catch (IllegalArgumentException ex) {
                throw new UserError(spec.name() + ": " + ex.getMessage());
            }
        }
        return out;
    }
}
