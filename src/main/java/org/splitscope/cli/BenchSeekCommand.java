package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestPlacement;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.guest.MemoryPlan;
import org.splitscope.core.history.HeapEstimate;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.WorkloadSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench seek}: builds a run of N lazy-accept steps at 4K folios and seeks to random steps,
 * timing each seek (wall clock, this JVM). Goal: median <= 50 ms, p99 <= 200 ms on one core with
 * the default history budget.
 */
@Command(name = "seek", mixinStandardHelpOptions = true, description = "Time random seeks in a long run.")
final class BenchSeekCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--steps", defaultValue = "10000000", converter = StepsInRun.class,
            description = "Steps in the run, 1 to 10^9 (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--seeks", defaultValue = "200", converter = Seeks.class,
            description = "Random seeks to time, 1 to 10^6 (default ${DEFAULT-VALUE}).")
    int seeks;

    @Option(names = "--budget-mib", defaultValue = "512", converter = BudgetMib.class,
            description = "History budget in MiB, 8 to 1048576 (default ${DEFAULT-VALUE}).")
    long budgetMib;

    static final class StepsInRun implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.inRange(value, 1, 1_000_000_000L);
        }
    }

    static final class Seeks implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Converters.inRange(value, 1, 1_000_000);
        }
    }

    /** HistoryBudget's least (8 MiB) to 1 TiB. */
    static final class BudgetMib implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.inRange(value, HistoryBudget.MIN_BYTES >> 20, 1L << 20);
        }
    }

    @Option(names = "--record", defaultValue = "state", paramLabel = "WHAT",
            description = "What the timeline records: state (seeking only) or all (events and figures, as the app;"
                    + " default ${DEFAULT-VALUE}).")
    Record record;

    @Option(names = "--first-run", defaultValue = "bulk", paramLabel = "MODE",
            description = "How the first run to the end records steps far from it: bulk (as the app) or step"
                    + " (every step on the step path; default ${DEFAULT-VALUE}).")
    FirstRun firstRun;

    enum Record { state, all }

    enum FirstRun { bulk, step }

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scenario's generated steps (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SimSpec sim = spec(steps, seed);
        HistoryBudget budget = new HistoryBudget(budgetMib << 20);
        Loaded.checkHeap(sim, HeapEstimate.forTimeline(sim).plus(budget.bytes() - HistoryBudget.MIN_BYTES));
        long t0 = System.nanoTime();
        Timeline t = Timeline.open(sim, budget, record == Record.all ? Timeline.Options.FULL : Timeline.Options.STATE_ONLY);
        if (firstRun == FirstRun.step) {
            t.recordEveryStep();
        }
        t.toEnd();
        double buildS = (System.nanoTime() - t0) / 1e9;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ms = new double[seeks];
        for (int i = 0; i < seeks; i++) {
            long target = rnd.nextLong(steps + 1);
            long s = System.nanoTime();
            t.seek(target);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[seeks / 2];
        double p99 = ms[Math.min(seeks - 1, (int) Math.ceil(seeks * 0.99) - 1)];
        double historyMib = t.historyBytes() / (double) (1 << 20);
        if (json) {
            ObjectNode o = Json.object();
            o.put("steps", steps);
            o.put("median_ms", round(median));
            o.put("p99_ms", round(p99));
            o.put("history_mib", round(historyMib));
            o.put("seeks", seeks);
            o.put("build_s", round(buildS));
            o.put("record", record.name());
            o.put("first_run", firstRun.name());
            o.put("steps_recorded_in_bulk", t.bulkRecordedSteps());
            o.put("checkpoints", t.checkpointCount());
            o.put("checkpoint_spacing", t.checkpointSpacing());
            o.put("state_mib", round(t.simulation().stateBytes() / (double) (1 << 20)));
            Json.print(out, o);
        } else {
            String recorded = record == Record.state ? "state only"
                    : String.format(Locale.ROOT, "events and figures, first run %s: %d steps recorded in bulk", firstRun,
                    t.bulkRecordedSteps());
            out.printf(Locale.ROOT, "%d steps built in %.1f s (%s); %d seeks: median %.1f ms, p99 %.1f ms; history %.0f MiB"
                            + " (%d checkpoints every %d steps)%n", steps, buildS, recorded, seeks, median, p99, historyMib,
                    t.checkpointCount(), t.checkpointSpacing());
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** One guest with exactly {@code steps} 4K folios, lazily accepting all of them. */
    static SimSpec spec(long steps, long seed) {
        GuestSpec g = new GuestSpec(1, steps * Pfns.FRAME_BYTES, 8, PageSize.K4);
        long regions = GuestPlacement.regionsNeeded(g);
        long ram = regions * 2 * Pfns.MIB + MemoryPlan.RESERVED_BYTES + 64 * Pfns.MIB;
        ram = (ram + Pfns.GIB - 1) / Pfns.GIB * Pfns.GIB;
        MachineSpec m = MachineSpec.of(ram, 16);
        List<ProgramItem> items = List.of(new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1), 1.0), null));
        return new SimSpec("bench-seek", m, Policies.byId(Policies.DEFAULT_ID), List.of(g), items, seed,
                CostConstants.DEFAULT);
    }
}
