package org.splitscope.render;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.splitscope.core.sim.RunSummary;

/**
 * The figures the compare views put side by side (the app's counters table, the compare picture):
 * each with its label, its value and its text, and whether it differs between the compared runs.
 */
public final class CompareMetrics {
    private CompareMetrics() {
    }

    /** One figure: a label, its value in a run (compared exactly) and how it is printed. */
    public record Metric(String label, Function<RunSummary, Object> value, Function<RunSummary, String> text) {
        Metric(String label, Function<RunSummary, Object> value) {
            this(label, value, s -> String.valueOf(value.apply(s)));
        }

        /** Whether the runs do not all agree on this figure. */
        public boolean differs(List<RunSummary> runs) {
            for (int i = 1; i < runs.size(); i++) {
                if (!value.apply(runs.get(i)).equals(value.apply(runs.get(0)))) {
                    return true;
                }
            }
            return false;
        }
    }

    public static final List<Metric> ALL = List.of(
            new Metric("DirectMap4k (kB)", RunSummary::directMap4kKb),
            new Metric("DirectMap2M (kB)", RunSummary::directMap2mKb),
            new Metric("DirectMap1G (kB)", RunSummary::directMap1gKb),
            new Metric("2M splits", RunSummary::level2Splits),
            new Metric("1G splits", RunSummary::level3Splits),
            new Metric("collapses", s -> s.level2Collapses() + s.level3Collapses()),
            new Metric("cpa calls", RunSummary::cpaCalls),
            new Metric("flush_tlb_all", RunSummary::flushTlbAll),
            new Metric("per-page flushes", RunSummary::flushTlbPage),
            new Metric("IPIs", RunSummary::ipis),
            new Metric("RMP #PF", RunSummary::rmpFaults),
            new Metric("not-present #PF", RunSummary::notPresentFaults),
            new Metric("rejected", RunSummary::rejectedAssignments),
            new Metric("RMPUPDATEs", RunSummary::rmpupdates),
            new Metric("PSMASH", RunSummary::psmash),
            new Metric("stale TLB entries", RunSummary::tlbStale),
            new Metric("RMP-hazard TLB entries", RunSummary::tlbRmpHazard),
            new Metric("simulated time", RunSummary::simTimeNs, s -> Durations.format(s.simTimeNs())),
            new Metric("cpa_lock wait", RunSummary::lockWaitNs, s -> Durations.format(s.lockWaitNs())),
            new Metric("fault-in GB/s", s -> Math.round(s.faultInGbPerS() * 100) / 100.0,
                    s -> String.format(Locale.ROOT, "%.2f", s.faultInGbPerS())));
}
