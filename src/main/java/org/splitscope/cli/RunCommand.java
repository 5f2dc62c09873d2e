package org.splitscope.cli;

import org.splitscope.render.Durations;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.RunMode;
import org.splitscope.core.sim.Simulation;
import org.splitscope.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code run}: runs a scenario (or its first N steps) and prints what happened. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario under a policy and print the DirectMap lines, vmstat counters and faults.")
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions source;

    @Option(names = "--policy", paramLabel = "ID", description = "Override the scenario's policy.")
    String policy;

    @Option(names = "--until-step", paramLabel = "N", converter = Converters.Step.class,
            description = "Run only the first N steps of the expanded step list (0 = the machine as booted).")
    Long untilStep;

    @Option(names = "--json", description = "Print one JSON object instead of the readable summary.")
    boolean json;

    @Option(names = "--seek", split = ",", paramLabel = "STEP", converter = Converters.Step.class,
            description = "Visit these positions in this order (e.g. 500,100,900) and print each one's state hash.")
    java.util.List<Long> seek;

    @Option(names = "--break", paramLabel = "CONDITION",
            description = "Run until the first event matching CONDITION and print it: event kinds (e.g. rmp-fault,"
                    + " np-fault, split, collapse, flush-tlb-all, psmash, rejected) and/or pfn=A-B, guest=N, cpu=N,"
                    + " tlb=stale|mixed-size|rmp-hazard.")
    String breakAt;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (seek != null && breakAt != null) {
            throw new ParameterException(spec.commandLine(), "--seek and --break cannot be combined");
        }
        if (seek != null && seek.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--seek needs at least one step, e.g. --seek 500,100");
        }
        Scenario s = source.load();
        SimSpec simSpec = source.spec(s, policy);
        if (seek != null) {
            return TimelineRuns.seek(out, simSpec, seek, json);
        }
        if (breakAt != null) {
            return TimelineRuns.breakAt(out, simSpec, breakAt, untilStep, json);
        }
        Simulation sim = Loaded.create(simSpec);
        long target = sim.stepCount();
        if (untilStep != null) {
            if (untilStep < 0 || untilStep > sim.stepCount()) {
                throw new UserError("--until-step " + untilStep + ": the scenario has " + sim.stepCount() + " steps");
            }
            target = untilStep;
        }
        FaultLog faults = new FaultLog(sim);
        sim.setSink(faults);
        sim.boot();
        sim.runTo(target, RunMode.BULK);      // no stops in between: bulk mode, same result (R24)
        RunSummary summary = RunSummary.of(sim);
        if (json) {
            Json.print(out, SummaryJson.of(summary, simSpec.machine(), faults));
        } else {
            printText(out, summary, simSpec.machine(), faults);
        }
        return 0;
    }

    static void printText(PrintWriter out, RunSummary s, MachineSpec m, FaultLog faults) {
        out.printf(Locale.ROOT, "%s under %s, seed %d, kernel %s%s: %d of %d steps%n", s.scenario(), s.policy(), s.seed(),
                m.kernel().id(), m.invlpgb() ? "" : " without INVLPGB", s.steps(), s.totalSteps());
        out.printf(Locale.ROOT, "  DirectMap4k:  %12d kB%n  DirectMap2M:  %12d kB%n", s.directMap4kKb(), s.directMap2mKb());
        if (m.gbpages()) {
            // R4: arch_report_meminfo() prints DirectMap1G only when direct_gbpages is on (run --json keeps the key)
            out.printf(Locale.ROOT, "  DirectMap1G:  %12d kB%n", s.directMap1gKb());
        }
        out.printf(Locale.ROOT, "vmstat: direct_map_level2_splits %d, direct_map_level3_splits %d, "
                        + "direct_map_level2_collapses %d, direct_map_level3_collapses %d%n",
                s.level2Splits(), s.level3Splits(), s.level2Collapses(), s.level3Collapses());
        out.printf(Locale.ROOT, "faults: %d RMP #PF (oops: RMP violation), %d not-present #PF (oops)%n", s.rmpFaults(),
                s.notPresentFaults());
        out.printf(Locale.ROOT, "kernel: %d change_page_attr calls, %d flush_tlb_all, %d per-page flushes, %d IPIs, "
                        + "%d RMPUPDATE, %d PSMASH, %d rejected assignments%n",
                s.cpaCalls(), s.flushTlbAll(), s.flushTlbPage(), s.ipis(), s.rmpupdates(), s.psmash(),
                s.rejectedAssignments());
        out.printf(Locale.ROOT, "TLB entries now: %d stale, %d mixed-size, %d RMP hazards%n", s.tlbStale(),
                s.tlbMixedSize(), s.tlbRmpHazard());
        out.printf(Locale.ROOT, "RMP: %d frames with an assigned 4K entry, %d private 2M entries%n",
                s.assigned4kFrames(), s.private2mEntries());
        out.printf(Locale.ROOT, "time: %s simulated; fault-in %.2f GB/s; cpa_lock held %s, waited %s%n",
                Durations.format(s.simTimeNs()), s.faultInGbPerS(), Durations.format(s.lockHoldNs()),
                Durations.format(s.lockWaitNs()));
        if (faults != null && !faults.first.isEmpty()) {
            out.println("first faults:");
            for (FaultLog.Entry e : faults.first) {
                out.printf(Locale.ROOT, "  step %d: %s%n", e.step(), e.event().describe());
            }
            long shown = faults.first.size();
            long total = s.rmpFaults() + s.notPresentFaults();
            if (total > shown) {
                out.printf(Locale.ROOT, "  ... and %d more%n", total - shown);
            }
        }
        out.println("state hash " + s.stateHash());
    }
}
