package org.splitscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code splitscope <command> ...}. Exit status 0 when the command completed
 * (faults in a run do not fail it), 2 for bad input or usage with one clear line on stderr, 1 for
 * an internal error. No stack trace reaches a user.
 */
@Command(name = "splitscope", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Simulate and visualize host direct-map changes under AMD SEV-SNP.",
        subcommands = {ListCommand.class, RunCommand.class, ExportCommand.class, ReproduceCommand.class, BenchCommand.class,
                ReplayCommand.class,
                CompareCommand.class, ScreenshotsCommand.class})
public final class Cli {
    private Cli() {
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        // one number syntax for every option, the scenario files' (issue 14 item 2)
        cl.registerConverter(Long.class, new Converters.LongValue());
        cl.registerConverter(Long.TYPE, new Converters.LongValue());
        cl.registerConverter(Integer.class, new Converters.IntValue());
        cl.registerConverter(Integer.TYPE, new Converters.IntValue());
        cl.registerConverter(Double.class, new Converters.DoubleValue());
        cl.registerConverter(Double.TYPE, new Converters.DoubleValue());
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("splitscope: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UserError || ex instanceof org.splitscope.scenario.ScenarioException) {
                err.println("splitscope: " + ex.getMessage());
                return 2;
            }
            err.println("splitscope: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            return 1;
        });
        int code;
        try {
            code = cl.execute(args);
            if (code == 0) {
                printWarnings(cl, err);
            }
        } catch (OutOfMemoryError e) {
            err.println("splitscope: out of memory (give the JVM more with -Xmx, or simulate a smaller machine)");
            code = 1;
        } catch (Error e) {
            err.println("splitscope: internal error: " + e);
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The loader's warnings (where an imported direct map was taken to end), after the command succeeded. */
    private static void printWarnings(CommandLine cl, PrintWriter err) {
        CommandLine.ParseResult pr = cl.getParseResult();
        while (pr != null && pr.hasSubcommand()) {
            pr = pr.subcommand();
        }
        if (pr == null) {
            return;
        }
        for (CommandLine.Model.CommandSpec mixin : pr.commandSpec().mixins().values()) {
            if (mixin.userObject() instanceof ScenarioOptions so) {
                for (String w : so.warnings) {
                    err.println("splitscope: warning: " + w);
                }
            }
        }
    }
}
