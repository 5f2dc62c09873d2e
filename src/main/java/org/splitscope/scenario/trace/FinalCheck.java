package org.splitscope.scenario.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.Simulation;

/**
 * The end-of-run comparisons of a replay (TRACE.md "Validate"): the DirectMap lines of
 * meminfo.after, the split counters of vmstat.after minus vmstat.before, and the 2M regions whose
 * leaf in ptdump.after differs from the simulated direct map. Each runs only when its files exist.
 */
public final class FinalCheck {
    /** One figure at the end: what the host's file says and what the simulation has. */
    public record Value(String name, long observed, long predicted) {
        public boolean differs() {
            return observed != predicted;
        }
    }

    /**
     * ptdump.after against the simulated direct map, 2M region by 2M region: the size of the present
     * leaf that maps the region (1G, 2M, 4K, or none).
     *
     * @param firstPfn the first frame of the first region that differs, or -1
     */
    public record Leaves(long regions, long differing, long firstPfn, String firstObserved, String firstPredicted) {
    }

    /** What was compared at the end; {@code leaves} is null without ptdump.after. */
    public record Result(List<Value> values, Leaves leaves) {
        public Result {
            values = List.copyOf(values);
        }
    }

    private static final String[] SPLITS = {"direct_map_level2_splits", "direct_map_level3_splits"};

    private FinalCheck() {
    }

    static Result of(AfterFiles after, Simulation sim) {
        List<Value> out = new ArrayList<>();
        DirectMap dm = sim.directMap();
        if (after.meminfoAfter() != null) {
            for (Map.Entry<String, Long> e : after.meminfoAfter().entrySet()) {
                long predicted = switch (e.getKey()) {
                    case "DirectMap4k" -> dm.directMap4kKb();
                    case "DirectMap2M" -> dm.directMap2mKb();
                    default -> dm.directMap1gKb();
                };
                out.add(new Value(e.getKey(), e.getValue(), predicted));
            }
        }
        if (after.vmstatBefore() != null && after.vmstatAfter() != null) {
            for (String k : SPLITS) {
                long predicted = sim.counters().get(k.contains("level2") ? Counter.LEVEL2_SPLITS : Counter.LEVEL3_SPLITS);
                out.add(new Value(k, after.vmstatAfter().get(k) - after.vmstatBefore().get(k), predicted));
            }
        }
        return new Result(out, after.ptdumpAfter() == null ? null : leaves(after.ptdumpAfter(), dm));
    }

    private static final byte NONE = 0;
    private static final byte K4 = 1;
    private static final byte M2 = 2;
    private static final byte G1 = 3;

    private static Leaves leaves(BootLayout.Imported dump, DirectMap dm) {
        long dumpRegions = (dump.endPfn() + Pfns.FRAMES_PER_2M - 1) / Pfns.FRAMES_PER_2M;
        int regions = (int) Math.max(dm.regions(), Math.min(dumpRegions, Integer.MAX_VALUE - 8));
        byte[] seen = new byte[regions];
        for (BootLayout.Imported.Leaf l : dump.leaves()) {
            byte size = l.size() == PageSize.K4 ? K4 : l.size() == PageSize.M2 ? M2 : G1;
            long first = l.start() / Pfns.FRAMES_PER_2M;
            long last = (l.end() - 1) / Pfns.FRAMES_PER_2M;
            for (long r = first; r <= last && r < regions; r++) {
                if (seen[(int) r] != K4) {                     // any 4K leaf makes the region 4K
                    seen[(int) r] = size;
                }
            }
        }
        long differing = 0;
        long firstPfn = -1;
        String fo = null;
        String fp = null;
        for (int r = 0; r < regions; r++) {
            byte sim = r < dm.regions() ? simulated(dm, r) : NONE;
            if (sim != seen[r]) {
                if (differing++ == 0) {
                    firstPfn = Pfns.regionBase(r);
                    fo = name(seen[r]);
                    fp = name(sim);
                }
            }
        }
        return new Leaves(regions, differing, firstPfn, fo, fp);
    }

    /** The present leaf over region r as a ptdump would show it: a table with no present PTE shows nothing. */
    private static byte simulated(DirectMap dm, int r) {
        PageSize leaf = dm.regionLeaf(r);
        if (leaf == null || !dm.regionLeafPresent(r)) {
            return NONE;
        }
        if (leaf == PageSize.K4) {
            return dm.notPresentCount(r) < dm.ramCount(r) ? K4 : NONE;
        }
        return leaf == PageSize.M2 ? M2 : G1;
    }

    private static String name(byte size) {
        return switch (size) {
            case K4 -> "4K";
            case M2 -> "2M";
            case G1 -> "1G";
            default -> "none";
        };
    }
}
