package org.splitscope.core.directmap;

import org.splitscope.core.mem.Pfns;

/**
 * Runs of 4K PTE changes settled in one pass for bulk mode (DOMAIN.md R8): the same state as
 * {@link DirectMap#setPresent} frame by frame, for frames that are all RAM mapped by 4K PTEs of one
 * 2M region.
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class PteRuns {
    private final DirectMap dm;

    public PteRuns(DirectMap dm) {
        this.dm = dm;
    }

    /**
     * Whether every frame of [pfn, pfn + n), all inside one 2M region, is RAM mapped by a 4K PTE
     * (present or not): no split is needed before changing them (R6).
     */
    public boolean all4k(long pfn, long n) {
        int region = Pfns.region(pfn);
        if (dm.r2.get(region) != DirectMap.TABLE || dm.g1.get(Pfns.gig(pfn)) != DirectMap.TABLE) {
            return false;
        }
        if (dm.ramCount[region] == Pfns.FRAMES_PER_2M) {
            return true;
        }
        for (long p = pfn; p < pfn + n; p++) {
            if (!dm.isRam(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a walk for {@code pfn}, a frame of a region that is all RAM (every guest region is:
     * guests get whole RAM regions), ends at a present 4K PTE (R15).
     */
    public boolean presentPteInRamRegion(long pfn) {
        return dm.g1.get(Pfns.gig(pfn)) == DirectMap.TABLE && dm.r2.get(Pfns.region(pfn)) == DirectMap.TABLE
                && dm.present.get(pfn);
    }

    /** The first frame of [pfn, pfn + n) whose 4K PTE is not present, or -1. Requires {@link #all4k}. */
    public long firstNotPresent(long pfn, long n) {
        return dm.present.nextClear(pfn, pfn + n);
    }

    /**
     * Marks the 4K PTEs of [pfn, pfn + n) present or not present, as n {@link DirectMap#setPresent}
     * calls would. Requires {@link #all4k}. Returns how many changed.
     */
    public int setPresent(long pfn, int n, boolean value) {
        int before = dm.present.count(pfn, n);
        int changed = value ? n - before : before;
        if (changed == 0) {
            return 0;
        }
        dm.present.setRange(pfn, n, value);
        int region = Pfns.region(pfn);
        dm.notPresent.add(region, value ? -changed : changed);
        dm.notPresentInGig.add(Pfns.gig(pfn), value ? -changed : changed);
        return changed;
    }
}
