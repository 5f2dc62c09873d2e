package org.splitscope.core.rmp;

import org.splitscope.core.mem.Pfns;

/**
 * Runs of RMP instructions settled in one pass for bulk mode (DOMAIN.md R10-R12, R20): the same
 * entries and summaries as the instructions one by one, written a range of frames at a time.
 * Callers check each frame with {@link #canAssign4kLinear} before they put it in a run.
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class RmpRuns {
    private final RmpTable t;

    public RmpRuns(RmpTable table) {
        this.t = table;
    }

    /**
     * Whether a 4K RMPUPDATE assigning {@code pfn} to {@code asid} at guest frame {@code gfn} would
     * succeed without an overflow owner: no assigned 2M entry over it (else FAIL_OVERLAP), not
     * immutable (FAIL_PERMISSION), not assigned already, and its region either without assigned 4K
     * entries or owned by {@code asid} at linear GPAs that {@code gfn} continues.
     */
    public boolean canAssign4kLinear(long pfn, int asid, long gfn) {
        int r = Pfns.region(pfn);
        if (t.a2.get(r) || t.a4.get(pfn) || t.immutable4k(pfn)) {
            return false;
        }
        long base = gfn - (pfn & (Pfns.FRAMES_PER_2M - 1));
        return t.assignedCount.get(r) == 0
                || (t.ownerAsid.get(r) == asid && t.gfnBase.get(r) == base && t.overflowCount.get(r) == 0);
    }

    /**
     * Whether 4K RMPUPDATEs assigning frames of {@code pfn}'s region to {@code asid} at GPAs linear
     * with {@code gfn} at {@code pfn} find no assigned 2M entry over them and keep the region's owner
     * linear (the per-region half of {@link #canAssign4kLinear}).
     */
    public boolean regionAdmits(long pfn, int asid, long gfn) {
        int r = Pfns.region(pfn);
        if (t.a2.get(r)) {
            return false;
        }
        long base = gfn - (pfn & (Pfns.FRAMES_PER_2M - 1));
        return t.assignedCount.get(r) == 0
                || (t.ownerAsid.get(r) == asid && t.gfnBase.get(r) == base && t.overflowCount.get(r) == 0);
    }

    /**
     * The first frame of [pfn, pfn + n) that is assigned or immutable (the per-frame half of
     * {@link #canAssign4kLinear}), or -1.
     */
    public long firstTaken(long pfn, long n) {
        long a = t.a4.nextSet(pfn, pfn + n);
        if (t.immutable4k.get(0) == 0) {
            return a;
        }
        long i = t.i4.nextSet(pfn, a < 0 ? pfn + n : a);
        return i >= 0 ? i : a;
    }

    /**
     * Whether {@code pfn} may continue a run that {@link #canAssign4kLinear} admitted at the previous
     * frame of the same region: it is neither assigned nor immutable (the region's 2M entry and owner
     * were checked for the run's first frame and cannot change while the run is pending).
     */
    public boolean canExtend(long pfn) {
        return !t.a4.get(pfn) && !t.immutable4k(pfn);
    }

    /**
     * n 4K RMPUPDATEs assigning [pfn, pfn + n) (one 2M region) to {@code asid} at guest frames from
     * {@code gfn} on, each then PVALIDATEd: the state of n rmpupdate(.., K4, true, asid, gfn + i,
     * false) and pvalidate(.., K4, true) calls, when {@link #canAssign4kLinear} held for each frame in
     * turn (so every frame was shared, mutable, and the region's owner is linear).
     */
    public void assignValidated4k(long pfn, int n, int asid, long gfn) {
        int r = Pfns.region(pfn);
        if (t.assignedCount.get(r) == 0) {
            t.ownerAsid.set(r, (short) asid);
            t.gfnBase.set(r, gfn - (pfn & (Pfns.FRAMES_PER_2M - 1)));
        }
        t.a4.setRange(pfn, n, true);
        t.v4.setRange(pfn, n, true);
        t.assignedCount.add(r, n);
        t.gigAssigned.add(Pfns.gig(pfn), n);
        t.totals.add(0, n);
    }
}
