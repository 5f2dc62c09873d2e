package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.core.history.HeapEstimate;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.scenario.trace.FinalCheck;
import org.splitscope.scenario.trace.Figure;
import org.splitscope.scenario.trace.Mismatches;
import org.splitscope.scenario.trace.Progress;
import org.splitscope.scenario.trace.Recording;
import org.splitscope.scenario.trace.Replay;
import org.splitscope.scenario.trace.ReplayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: a host recording (TRACE.md) through the simulation, as the traced kernel or, with
 * {@code --policy}/{@code --kernel}, as a what-if; prints the run summary of {@code run} and what the
 * replay found. Exit 0 whenever the replay ran, whatever it found.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a host recording (TRACE.md) and compare what the host did with what the simulation"
                + " predicts; --policy/--kernel make it a what-if.")
final class ReplayCommand implements Callable<Integer> {
    /** Mismatches printed as text; the JSON takes --max-mismatches. */
    private static final int TEXT_MISMATCHES = 20;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--trace", required = true, paramLabel = "DIR",
            description = "The recording: its directory, its trace.txt, or a built-in recording (see 'list').")
    String trace;

    @Option(names = "--policy", paramLabel = "ID", description = "Replay under this policy (default: host.txt's).")
    String policy;

    @Option(names = "--kernel", paramLabel = "6.8|6.18", converter = Converters.Kernel.class,
            description = "Replay on this kernel profile (default: host.txt's).")
    KernelProfile kernel;

    @Option(names = "--json", description = "Print one JSON object: the run --json summary plus 'trace'.")
    boolean json;

    @Option(names = "--max-mismatches", paramLabel = "N", defaultValue = "1000",
            description = "Most mismatches listed in the JSON (all are counted; default ${DEFAULT-VALUE}).")
    int maxMismatches;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxMismatches < 0) {
            throw new UserError("--max-mismatches must be 0 or more");
        }
        Recording rec = Loaded.recording(trace);
        SimSpec simSpec = Loaded.spec(rec.scenario(), policy, null, kernel);
        Loaded.checkHeap(simSpec, HeapEstimate.forRun(simSpec));
        Replay replay;
        try {
            replay = Replay.of(rec, simSpec);
        } catch (IllegalArgumentException e) {
            throw new UserError(rec.source() + ": " + e.getMessage());
        }
        FaultLog faults = new FaultLog(replay.simulation());
        ReplayResult result = replay.run(faults, Progress.NONE);
        RunSummary summary = RunSummary.of(result.simulation());
        if (json) {
            ObjectNode o = SummaryJson.of(summary, simSpec.machine(), faults);
            o.set("trace", ReplayJson.of(result, simSpec, maxMismatches));
            Json.print(out, o);
        } else {
            printText(out, result, simSpec);
            RunCommand.printText(out, summary, simSpec.machine(), faults);
        }
        for (String w : rec.warnings()) {                 // once the command succeeded, as Cli does for scenarios
            err.println("splitscope: warning: " + w);
        }
        return 0;
    }

    private static void printText(PrintWriter out, ReplayResult r, SimSpec spec) {
        Recording rec = r.recording();
        out.printf(Locale.ROOT, "replay of %s: %d trace lines, %d steps, %d guest%s%n", rec.source(), rec.lines(),
                rec.steps().size(), rec.scenario().guests().size(), rec.scenario().guests().size() == 1 ? "" : "s");
        String as = spec.policy().id() + " on kernel " + spec.machine().kernel().id();
        String traced = rec.host().policy() + " on kernel " + rec.host().kernel().id();
        out.println(ReplayJson.whatIf(rec, spec) ? "what-if: replayed as " + as + " (the host ran " + traced + ")"
                : "replayed as the traced host: " + as);
        StringBuilder compared = new StringBuilder();
        StringBuilder unrecorded = new StringBuilder();
        for (Figure f : Figure.values()) {
            StringBuilder sb = rec.unrecorded().contains(f) ? unrecorded : compared;
            sb.append(sb.isEmpty() ? "" : ", ").append(f.id());
            if (f == Figure.FLUSH_TLB_ALL && !rec.unrecorded().contains(f)) {
                sb.append(rec.flushFromKprobe() ? " (flush_all)" : " (do_flush_tlb_all IPIs)");
            }
        }
        out.println("compared per step: " + (compared.isEmpty() ? "nothing" : compared)
                + (unrecorded.isEmpty() ? "" : "; unrecorded: " + unrecorded));
        Mismatches m = r.mismatches();
        StringBuilder by = new StringBuilder();
        m.byFigure().forEach((f, n) -> by.append(by.isEmpty() ? " (" : ", ").append(f.id()).append(' ').append(n));
        out.println("mismatches: " + m.size() + (by.isEmpty() ? "" : by + ")"));
        for (int i = 0; i < Math.min(m.size(), TEXT_MISMATCHES); i++) {
            Mismatches.Mismatch x = m.get(i);
            out.printf(Locale.ROOT, "  line %d %s: %s observed %d, predicted %d%n", x.line(), x.event(), x.what().id(),
                    x.observed(), x.predicted());
            out.println("    " + rec.steps().caption(x.step()));
        }
        if (m.size() > TEXT_MISMATCHES) {
            out.printf(Locale.ROOT, "  ... and %d more (--json lists up to --max-mismatches)%n", m.size() - TEXT_MISMATCHES);
        }
        for (FinalCheck.Value v : r.end().values()) {
            out.printf(Locale.ROOT, "end: %-26s observed %10d, predicted %10d%s%n", v.name(), v.observed(), v.predicted(),
                    v.differs() ? "  <- differs" : "");
        }
        FinalCheck.Leaves l = r.end().leaves();
        if (l != null) {
            out.printf(Locale.ROOT, "end: ptdump.after: %d of %d 2M regions have another leaf%s%n", l.differing(), l.regions(),
                    l.differing() == 0 ? "" : String.format(Locale.ROOT, " (the first at pfn 0x%x: %s observed, %s predicted)",
                            l.firstPfn(), l.firstObserved(), l.firstPredicted()));
        }
    }
}
