package org.splitscope.cli;

import picocli.CommandLine.Command;

/** {@code bench}: the speed targets, measured; each subcommand prints its figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed targets and print figures.",
        subcommands = {BenchSeekCommand.class, BenchCoreCommand.class, BenchPlayCommand.class, BenchTraceCommand.class})
final class BenchCommand {
}
