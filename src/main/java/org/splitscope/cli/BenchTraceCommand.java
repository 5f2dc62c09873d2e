package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.trace.Progress;
import org.splitscope.scenario.trace.Recording;
import org.splitscope.scenario.trace.RecordingLoader;
import org.splitscope.scenario.trace.SyntheticRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench trace}: writes a large synthetic recording (8 guests of a 1.5 TiB host faulting in
 * 4K folios, as trace-cmd report prints it) into a temporary directory and times loading it into
 * the step list, several times. Goal (issue 11): at least 2 million trace lines per second on one
 * core. Also prints the rate per second of the loading thread's CPU time (what the figure is on a
 * machine shared with other work) and the step list's heap bytes per step.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Time parsing a large synthetic host recording into the step list (lines per second).")
final class BenchTraceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--lines", defaultValue = "20000000", description = "Trace lines to write (default ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--guests", defaultValue = "8", description = "Guests faulting in (default ${DEFAULT-VALUE}).")
    int guests;

    @Option(names = "--runs", defaultValue = "3", description = "Timed loads (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (lines < 1000 || lines > 2_000_000_000L) {
            throw new UserError("--lines must be 1000..2000000000");
        }
        if (guests < 1 || guests > 1023 || runs < 1 || runs > 50) {
            throw new UserError("--guests must be 1..1023 and --runs 1..50");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("splitscope-bench-trace");
        try {
            long t0 = System.nanoTime();
            long written = SyntheticRecording.write(dir, lines, guests);
            double writeS = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(dir.resolve("trace.txt"));
            double[] rates = new double[runs];
            double[] cpuRates = new double[runs];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Recording rec = null;
            for (int i = 0; i < runs; i++) {
                rec = null;
                long cpu0 = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                try {
                    rec = RecordingLoader.load(dir, Progress.NONE);
                } catch (ScenarioException e) {
                    throw new IllegalStateException("the synthetic recording does not load: " + e.getMessage(), e);
                }
                double sec = (System.nanoTime() - s) / 1e9;
                double cpuSec = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                rates[i] = rec.lines() / sec;
                cpuRates[i] = rec.lines() / cpuSec;
                if (!json) {
                    out.printf(Locale.ROOT, "run %d: %d lines (%.0f MiB) in %.2f s: %.2f million lines/s, %.0f MiB/s"
                                    + " (%.2f s of this thread's CPU time: %.2f million lines per CPU second)%n",
                            i + 1, rec.lines(), bytes / 1048576.0, sec, rates[i] / 1e6, bytes / 1048576.0 / sec, cpuSec,
                            cpuRates[i] / 1e6);
                }
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            double median = sorted[runs / 2];
            double[] cpuSorted = cpuRates.clone();
            Arrays.sort(cpuSorted);
            long steps = rec.steps().size();
            double perStep = steps == 0 ? 0 : (double) rec.steps().bytes() / steps;
            if (json) {
                ObjectNode o = Json.object();
                o.put("lines", written);
                o.put("bytes", bytes);
                o.put("steps", steps);
                ArrayNode a = o.putArray("lines_per_s");
                for (double r : rates) {
                    a.add(Math.round(r));
                }
                o.put("median_lines_per_s", Math.round(median));
                ArrayNode c = o.putArray("lines_per_cpu_s");
                for (double r : cpuRates) {
                    c.add(Math.round(r));
                }
                o.put("step_list_bytes_per_step", Math.round(perStep * 100) / 100.0);
                o.put("write_seconds", Math.round(writeS * 100) / 100.0);
                Json.print(out, o);
            } else {
                out.printf(Locale.ROOT, "median %.2f million lines/s (min %.2f, max %.2f) over %d runs, %.2f million lines per"
                                + " CPU second; %d steps, step list %.1f bytes per step; writing the recording took %.1f s%n",
                        median / 1e6, sorted[0] / 1e6, sorted[runs - 1] / 1e6, runs, cpuSorted[runs / 2] / 1e6, steps,
                        perStep, writeS);
            }
        } finally {
            for (String f : new String[] {"trace.txt", "host.txt"}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }
}
