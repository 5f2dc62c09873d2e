package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.RunMode;
import org.splitscope.core.sim.Simulation;
import org.splitscope.render.CompareMetrics;
import org.splitscope.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: one scenario and seed under several policies, one row per policy with the run
 * summary of {@code run --json}, as a table (figures that differ between the policies marked with
 * {@code *}) or one JSON object.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run one scenario under several policies and put their figures side by side.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions source;

    @Option(names = "--policies", paramLabel = "a,b,...|all",
            description = "The policies (default: the scenario's 'compare:' list, else all ten).")
    String policies;

    @Option(names = "--until-step", paramLabel = "N", converter = Converters.Step.class, description = "Compare after the first N steps (default: the whole run).")
    Long untilStep;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** The policies a comparison of {@code s} runs: the option's list, the scenario's, or all. */
    static List<String> policies(String option, Scenario s) {
        List<String> out = new ArrayList<>();
        if (option == null) {
            out.addAll(s.compare().isEmpty() ? Policies.ids() : s.compare());
        } else if (option.equals("all")) {
            out.addAll(Policies.ids());
        } else {
            for (String p : option.split(",")) {
                String id = p.strip();
                if (id.isEmpty()) {
                    continue;
                }
                if (!Policies.ids().contains(id)) {
                    throw new UserError("--policies: unknown policy '" + id + "' (one of: "
                            + String.join(", ", Policies.ids()) + ")");
                }
                if (out.contains(id)) {
                    throw new UserError("--policies: '" + id + "' is listed twice");
                }
                out.add(id);
            }
        }
        if (out.size() < 2) {
            throw new UserError("--policies: a comparison needs at least two policies");
        }
        return out;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario s = source.load();
        List<String> ids = policies(policies, s);
        List<RunSummary> rows = new ArrayList<>();
        List<FaultLog> faults = new ArrayList<>();
        MachineSpec machine = null;
        for (String id : ids) {
            SimSpec simSpec = source.spec(s, id);
            machine = simSpec.machine();
            Simulation sim = Loaded.create(simSpec);
            long target = sim.stepCount();
            if (untilStep != null) {
                if (untilStep < 0 || untilStep > sim.stepCount()) {
                    throw new UserError("--until-step " + untilStep + ": the scenario has " + sim.stepCount() + " steps");
                }
                target = untilStep;
            }
            sim.journal().setRecording(false);
            FaultLog log = new FaultLog(sim);
            sim.setSink(log);
            faults.add(log);
            sim.boot();
            sim.runTo(target, RunMode.BULK);  // no stops in between: bulk mode, same result (R24)
            rows.add(RunSummary.of(sim));
        }
        if (json) {
            ObjectNode o = Json.object();
            o.put("scenario", s.id());
            o.put("seed", rows.get(0).seed());
            o.put("kernel", machine.kernel().id());
            o.put("invlpgb", machine.invlpgb());
            o.put("steps", rows.get(0).steps());
            ArrayNode a = o.putArray("rows");
            for (int i = 0; i < rows.size(); i++) {
                a.add(SummaryJson.of(rows.get(i), machine, faults.get(i)));
            }
            ArrayNode differ = o.putArray("differing");
            for (CompareMetrics.Metric m : CompareMetrics.ALL) {
                if (m.differs(rows)) {
                    differ.add(m.label());
                }
            }
            Json.print(out, o);
            return 0;
        }
        out.printf(Locale.ROOT, "%s (%s), seed %d, kernel %s%s, after %d of %d steps%n", s.title(), s.id(),
                rows.get(0).seed(), machine.kernel().id(), machine.invlpgb() ? "" : " without INVLPGB",
                rows.get(0).steps(), rows.get(0).totalSteps());
        printTable(out, rows);
        return 0;
    }

    /** Figures down, policies across; a '*' marks a figure on which the policies do not agree. */
    static void printTable(PrintWriter out, List<RunSummary> rows) {
        int labelW = 0;
        for (CompareMetrics.Metric m : CompareMetrics.ALL) {
            labelW = Math.max(labelW, m.label().length() + 2);
        }
        int[] colW = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            colW[i] = rows.get(i).policy().length();
            for (CompareMetrics.Metric m : CompareMetrics.ALL) {
                colW[i] = Math.max(colW[i], m.text().apply(rows.get(i)).length());
            }
        }
        StringBuilder head = new StringBuilder(pad("", labelW));
        for (int i = 0; i < rows.size(); i++) {
            head.append("  ").append(padLeft(rows.get(i).policy(), colW[i]));
        }
        out.println(head.toString().stripTrailing());
        for (CompareMetrics.Metric m : CompareMetrics.ALL) {
            StringBuilder line = new StringBuilder(pad((m.differs(rows) ? "* " : "  ") + m.label(), labelW));
            for (int i = 0; i < rows.size(); i++) {
                line.append("  ").append(padLeft(m.text().apply(rows.get(i)), colW[i]));
            }
            out.println(line);
        }
        out.println("(* the policies differ on this figure)");
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String padLeft(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }
}
