package org.splitscope.cli;

import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.ScenarioLoader;
import org.splitscope.scenario.trace.Progress;
import org.splitscope.scenario.trace.Recording;
import org.splitscope.scenario.trace.RecordingLoader;

/** Loading a scenario for a command, turning every input problem into a {@link UserError}. */
final class Loaded {
    private Loaded() {
    }

    static Scenario scenario(String nameOrPath) {
        try {
            return ScenarioLoader.load(nameOrPath);
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

    static SimSpec spec(Scenario s, String policy, Long seed) {
        if (policy != null && !Policies.ids().contains(policy)) {
            throw new UserError("unknown policy '" + policy + "' (one of: " + String.join(", ", Policies.ids()) + ")");
        }
        return s.toSpec(policy, seed);
    }

    static Simulation create(SimSpec spec) {
        try {
            return Simulation.create(spec);
        } catch (IllegalArgumentException e) {
            throw new UserError(spec.name() + ": " + e.getMessage());
        }
    }
}
