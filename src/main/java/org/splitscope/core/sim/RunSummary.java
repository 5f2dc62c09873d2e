package org.splitscope.core.sim;

import org.splitscope.core.cost.CostKind;
import org.splitscope.core.cost.CostModel;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.kernel.Counters;
import org.splitscope.core.tlb.TlbSet;

/**
 * The figures of a run at its current position: /proc/meminfo DirectMap lines, the vmstat
 * direct_map counters, event counters, TLB entries in each conflict class now, RMP totals,
 * simulated time and the state hash. The CLI prints it ({@code run}, {@code compare}), the app
 * shows it in the status bar, reviewers attach it.
 */
public record RunSummary(
        String scenario, String policy, long seed, long steps, long totalSteps,
        long directMap4kKb, long directMap2mKb, long directMap1gKb,
        long level2Splits, long level3Splits, long level2Collapses, long level3Collapses,
        long rmpFaults, long notPresentFaults, long cpaCalls, long flushTlbAll, long flushTlbPage, long ipis,
        long rmpupdates, long psmash, long rejectedAssignments, long events,
        int tlbStale, int tlbMixedSize, int tlbRmpHazard,
        long assigned4kFrames, long private2mEntries,
        long simTimeNs, double faultInGbPerS, long faultInBytes, long lockHoldNs, long lockWaitNs,
        long flushNs, long ipiReceiveNs,
        String stateHash) {

    public static RunSummary of(Simulation sim) {
        return of(sim, true);
    }

    /**
     * The figures without the state hash ({@code stateHash} is "") for views that show figures many
     * times a second: the hash reads every array of the state, megabytes on a big host.
     */
    public static RunSummary withoutHash(Simulation sim) {
        return of(sim, false);
    }

    private static RunSummary of(Simulation sim, boolean hash) {
        DirectMap dm = sim.directMap();
        Counters c = sim.counters();
        int[] cls = new int[3];
        TlbSet tlb = sim.tlb();
        tlb.forEach(-1, (cpu, size, base) -> {
            int m = tlb.classify(cpu, size, base);
            if ((m & TlbSet.STALE) != 0) {
                cls[0]++;
            }
            if ((m & TlbSet.MIXED_SIZE) != 0) {
                cls[1]++;
            }
            if ((m & TlbSet.RMP_HAZARD) != 0) {
                cls[2]++;
            }
        });
        CostModel cost = sim.cost();
        return new RunSummary(
                sim.spec().name(), sim.spec().policy().id(), sim.spec().seed(), sim.position(), sim.stepCount(),
                dm.directMap4kKb(), dm.directMap2mKb(), dm.directMap1gKb(),
                c.get(Counter.LEVEL2_SPLITS), c.get(Counter.LEVEL3_SPLITS),
                c.get(Counter.LEVEL2_COLLAPSES), c.get(Counter.LEVEL3_COLLAPSES),
                c.get(Counter.RMP_FAULTS), c.get(Counter.NOT_PRESENT_FAULTS), c.get(Counter.CPA_CALLS),
                c.get(Counter.FLUSH_TLB_ALL), c.get(Counter.FLUSH_TLB_PAGE), c.get(Counter.IPIS),
                c.get(Counter.RMPUPDATES), c.get(Counter.PSMASH), c.get(Counter.REJECTED_ASSIGNMENTS),
                c.get(Counter.EVENTS),
                cls[0], cls[1], cls[2],
                sim.rmp().assigned4kFrames(), sim.rmp().private2mEntries(),
                cost.simTimeNs(), cost.faultInGbPerS(), cost.faultInBytes(), cost.lockHoldNs(), cost.lockWaitNs(),
                cost.totalNs(CostKind.FLUSH_SEND), cost.totalNs(CostKind.IPI_RECEIVE),
                hash ? sim.stateHash() : "");
    }
}
