package org.splitscope.cli;

import org.splitscope.scenario.Scenario;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs a scenario (a picocli mixin): which scenario, or which
 * host recording replayed as one, and its seed.
 */
final class ScenarioOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of --scenario and --trace. */
    static final class Source {
        @Option(names = "--scenario", required = true, paramLabel = "NAME|PATH",
                description = "A built-in scenario name (see 'list') or a .yaml/.json file.")
        String scenario;

        @Option(names = "--trace", required = true, paramLabel = "DIR",
                description = "A host recording (TRACE.md): its directory, its trace.txt, or a built-in recording"
                        + " (see 'list'), replayed as a scenario.")
        String trace;
    }

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    /** The scenario, or a {@link UserError} naming the file, line and cause. */
    Scenario load() {
        return source.trace != null ? Loaded.recording(source.trace).scenario() : Loaded.scenario(source.scenario);
    }
}
