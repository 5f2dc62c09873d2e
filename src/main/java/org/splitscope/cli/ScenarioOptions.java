package org.splitscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.scenario.ReadPolicy;
import org.splitscope.scenario.Scenario;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs a scenario (a picocli mixin): which scenario, or which
 * host recording replayed as one (TRACE.md), its seed, the kernel profile (R27), and the folders
 * its boot file may be read from besides its own (SCENARIO.md). Warnings the loader gave are kept
 * for {@link Cli} to print once the command has succeeded (stderr stays one line when it fails).
 */
final class ScenarioOptions {
    // a heading puts the group in its own section of the help, listed once (without one, picocli lists
    // the options of a group inside a mixin twice)
    @ArgGroup(exclusive = true, multiplicity = "1", heading = "What to run (exactly one):%n")
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

        @Option(names = "--tour", required = true, paramLabel = "NAME|FILE",
                description = "export only: a tour (a built-in name or a .yaml/.json file); one PNG per stop into --out DIR.")
        String tour;
    }

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--kernel", paramLabel = "6.8|6.18", converter = Converters.Kernel.class,
            description = "Override the scenario's kernel profile (DOMAIN R27): 6.8 or 6.18.")
    KernelProfile kernel;

    @Option(names = "--allow-path", paramLabel = "DIR", converter = Converters.Folder.class,
            description = "Let the scenario's boot: ptdump or meminfo file be read from DIR too (by default only from"
                    + " the scenario's own folder). Repeatable.")
    List<Path> allowPaths = new ArrayList<>();

    /** Warnings of the last load, one line each. */
    final List<String> warnings = new ArrayList<>();

    /** The scenario (or the recording's), or a {@link UserError} naming the file, line and cause. */
    Scenario load() {
        Scenario s;
        if (source.tour != null) {
            throw new UserError("--tour is for 'export --tour F --out DIR'; this command takes --scenario or --trace");
        }
        if (source.trace != null) {
            s = Loaded.recording(source.trace).scenario();
        } else {
            ReadPolicy policy = ReadPolicy.SCENARIO_FOLDER;
            for (Path p : allowPaths) {
                policy = policy.allow(p);
            }
            s = Loaded.scenario(source.scenario, policy);
        }
        warnings.addAll(s.warnings());
        return s;
    }

    /** The run spec of {@code s} under {@code policy} (null: the scenario's) with this seed and kernel. */
    SimSpec spec(Scenario s, String policy) {
        return Loaded.spec(s, policy, seed, kernel);
    }
}
