package org.splitscope.cli;

import org.splitscope.scenario.Scenario;
import picocli.CommandLine.Option;

/** The options of every command that runs a scenario (a picocli mixin): which scenario, and its seed. */
final class ScenarioOptions {
    @Option(names = "--scenario", required = true, paramLabel = "NAME|PATH",
            description = "A built-in scenario name (see 'list') or a .yaml/.json file.")
    String scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    /** The scenario, or a {@link UserError} naming the file, line and cause. */
    Scenario load() {
        return Loaded.scenario(scenario);
    }
}
