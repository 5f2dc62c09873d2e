package org.splitscope.core.check;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.kernel.Counters;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.sim.Simulation;

/**
 * Checks the simulated state against the rules it must always obey, by recounting from the raw
 * per-frame and per-region state rather than trusting the summaries:
 *
 * <ul>
 *   <li>every RAM frame is under exactly one leaf and every hole under none (R1, R4);</li>
 *   <li>DirectMap4k + 2M + 1G equal RAM, and the leaf counts equal the structure (R4);</li>
 *   <li>the leaf counts equal the boot layout moved by the vmstat split and collapse counters (R6, R9);</li>
 *   <li>per-region summaries (not present, keep 4K) equal the bits;</li>
 *   <li>2M RMP entries only on aligned frames, no assigned 4K entry inside an assigned 2M entry,
 *       no hole assigned, and every RMP summary equals the bits (R10-R13).</li>
 * </ul>
 *
 * Cost: O(frames). Tests run it after every step of small machines.
 */
public final class InvariantChecker {
    private InvariantChecker() {
    }

    /** Every violation found, or an empty list. */
    public static List<String> check(Simulation sim) {
        List<String> out = new ArrayList<>();
        DirectMap dm = sim.directMap();
        RmpTable rmp = sim.rmp();
        long c4 = 0;
        long c2 = 0;
        long c1 = 0;
        long ramFrames = 0;
        long assigned4k = 0;
        long private2m = 0;
        for (int g = 0; g < dm.gigs() && out.size() < 20; g++) {
            byte gk = dm.gigKind(g);
            int first = g * Pfns.REGIONS_PER_1G;
            int last = Math.min(dm.regions(), first + Pfns.REGIONS_PER_1G);
            int tables = 0;
            int leaves = 0;
            long gigAssigned = 0;
            int gigNotPresent = 0;
            if (gk == DirectMap.LEAF_1G) {
                c1++;
                if (last - first != Pfns.REGIONS_PER_1G) {
                    out.add("1G leaf " + g + " is not a whole 1G");
                }
            }
            for (int r = first; r < last; r++) {
                byte rk = dm.regionKind(r);
                int ram = dm.ramCount(r);
                ramFrames += ram;
                long base = Pfns.regionBase(r);
                if (rk == DirectMap.TABLE) {
                    tables++;
                } else if (rk == DirectMap.LEAF_2M) {
                    leaves++;
                }
                if (gk == DirectMap.LEAF_1G && rk != DirectMap.LEAF_2M) {
                    out.add("region " + r + " under 1G leaf " + g + " is not 2M-shaped");
                }
                if (rk == DirectMap.LEAF_2M && ram != Pfns.FRAMES_PER_2M) {
                    out.add("2M leaf over region " + r + " that is not all RAM");
                }
                if (rk == DirectMap.NONE && ram != 0) {
                    out.add("region " + r + " has RAM but no entry");
                }
                if (ram > 0 && gk == DirectMap.NONE) {
                    out.add("1G region " + g + " has RAM but no entry");
                }
                if (gk != DirectMap.LEAF_1G) {
                    if (rk == DirectMap.TABLE) {
                        c4 += ram;
                    } else if (rk == DirectMap.LEAF_2M) {
                        c2++;
                    }
                }
                int notPresent = 0;
                int keep = 0;
                for (long f = base; f < base + Pfns.FRAMES_PER_2M; f++) {
                    int s = dm.frameState(f);
                    boolean isRam = dm.isRam(f);
                    if (!isRam && s != DirectMap.HOLE) {
                        out.add("hole frame " + Pfns.hex(f) + " has a leaf");
                    }
                    if (isRam && s == DirectMap.HOLE) {
                        out.add("RAM frame " + Pfns.hex(f) + " has no leaf");
                    }
                    if (s == DirectMap.PTE_NOT_PRESENT) {
                        notPresent++;
                        gigNotPresent++;
                    }
                    if (dm.keep4k(f)) {
                        keep++;
                    }
                    if (!isRam && rmp.assigned4k(f)) {
                        out.add("hole frame " + Pfns.hex(f) + " is assigned in the RMP");
                    }
                }
                if (rk == DirectMap.TABLE && notPresent != dm.notPresentCount(r)) {
                    out.add("region " + r + ": notPresent summary " + dm.notPresentCount(r) + " but " + notPresent);
                }
                if (keep != dm.keep4kCount(r)) {
                    out.add("region " + r + ": keep4k summary " + dm.keep4kCount(r) + " but " + keep);
                }
                String rp = rmp.checkRegion(r);
                if (rp != null) {
                    out.add(rp);
                }
                if (rmp.has2m(r)) {
                    private2m++;
                    if (ram != Pfns.FRAMES_PER_2M) {
                        out.add("2M RMP entry over region " + r + " that is not all RAM");
                    }
                }
                assigned4k += rmp.assigned4kIn(r);
                gigAssigned += rmp.assignedFramesIn(r);
            }
            if (tables != dm.tables4kIn(g) || leaves != dm.leaves2mIn(g)) {
                out.add("1G region " + g + ": summaries (" + dm.tables4kIn(g) + " tables, " + dm.leaves2mIn(g)
                        + " 2M leaves) but counted " + tables + " and " + leaves);
            }
            if (gigNotPresent != dm.notPresentInGig(g)) {
                out.add("1G region " + g + ": notPresentInGig summary " + dm.notPresentInGig(g) + " but " + gigNotPresent);
            }
            if (gk != DirectMap.LEAF_1G && !dm.gigLeafPresent(g)) {
                out.add("1G region " + g + " is not a 1G leaf but its leaf is marked not present");
            }
            if (gigAssigned != rmp.assignedInGig(g)) {
                out.add("1G region " + g + ": assigned summary " + rmp.assignedInGig(g) + " but " + gigAssigned);
            }
        }
        if (c4 != dm.leafCount(PageSize.K4) || c2 != dm.leafCount(PageSize.M2) || c1 != dm.leafCount(PageSize.G1)) {
            out.add("direct_pages_count (" + dm.leafCount(PageSize.K4) + ", " + dm.leafCount(PageSize.M2) + ", "
                    + dm.leafCount(PageSize.G1) + ") but the structure has (" + c4 + ", " + c2 + ", " + c1 + ")");
        }
        long totalKb = dm.directMap4kKb() + dm.directMap2mKb() + dm.directMap1gKb();
        if (totalKb != ramFrames * 4) {
            out.add("DirectMap4k+2M+1G = " + totalKb + " kB but RAM is " + ramFrames * 4 + " kB");
        }
        Counters cn = sim.counters();
        long l3 = cn.get(Counter.LEVEL3_SPLITS) - cn.get(Counter.LEVEL3_COLLAPSES);
        long l2 = cn.get(Counter.LEVEL2_SPLITS) - cn.get(Counter.LEVEL2_COLLAPSES);
        if (sim.bootLeaves(PageSize.G1) - l3 != c1
                || sim.bootLeaves(PageSize.M2) + Pfns.REGIONS_PER_1G * l3 - l2 != c2
                || sim.bootLeaves(PageSize.K4) + (long) Pfns.FRAMES_PER_2M * l2 != c4) {
            out.add("vmstat split/collapse counters do not explain the leaf counts");
        }
        if (assigned4k != rmp.assigned4kFrames() || private2m != rmp.private2mEntries()) {
            out.add("RMP totals (" + rmp.assigned4kFrames() + ", " + rmp.private2mEntries() + ") but counted ("
                    + assigned4k + ", " + private2m + ")");
        }
        return out;
    }
}
