package org.splitscope.core.tlb;

import org.splitscope.core.mem.PageSize;

/**
 * Bulk mode's side of the TLBs ({@code RunMode.BULK}, DOMAIN.md R15, R18): a page clear through a
 * present 4K PTE that no entry covers is a miss and a 4K fill, which bulk mode defers instead of
 * filling the slots there and then ({@link DeferredFills}). The deferred fills are applied the first
 * time anything reads that CPU's TLB, lapse if a flush_tlb_all() comes first, and are all applied
 * when bulk mode returns ({@link TlbSet#settleDeferred()}).
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class TlbBulk {
    private final TlbSet tlb;
    /** The deferred fills, once {@link #openDeferred} made sure they exist. */
    private DeferredFills known;

    TlbBulk(TlbSet tlb) {
        this.tlb = tlb;
    }

    /**
     * Bulk mode: records that {@code cpu} looked {@code pfn} up, missed, walked to a present 4K PTE
     * and filled a 4K entry, as {@link TlbSet#lookup} then {@link TlbSet#fill} would, without
     * touching the slots yet. Returns false, and records nothing, when the CPU may hold an entry of any size that covers
     * {@code pfn} (the lookup could hit: the caller takes the step path instead).
     *
     * <p>The caller guarantees that no fill deferred on this CPU is for {@code pfn} (bulk mode defers
     * fills only for the frames it makes private in the same step, and settles every deferred fill
     * before a step that could make a frame shared again), so deferred fills are misses of distinct
     * tags. That is what makes applying only the last {@code min(n, capacity)} of n of them exact:
     * each goes to the head of the LRU list, and {@code capacity} distinct new tags evict every older
     * 4K entry.
     */
    public boolean deferMissFill4k(int cpu, long pfn) {
        DeferredFills deferred = tlb.deferred();
        int pending = deferred.pending(cpu, tlb.flushGeneration());
        if (tlb.currentCpu(cpu)) {
            TlbClass c4 = tlb.sizeClass(PageSize.K4);
            TlbClass c2 = tlb.sizeClass(PageSize.M2);
            TlbClass c1 = tlb.sizeClass(PageSize.G1);
            if ((pending < c4.cap && c4.count.get(cpu) > 0 && c4.find(cpu, pfn) >= 0)
                    || (c2.count.get(cpu) > 0 && c2.find(cpu, PageSize.M2.base(pfn)) >= 0)
                    || (c1.count.get(cpu) > 0 && c1.find(cpu, PageSize.G1.base(pfn)) >= 0)) {
                return false;
            }
        }
        deferred.add(cpu, pfn);
        return true;
    }

    /**
     * Bulk mode: whether no entry in this CPU's slots is in effect (its TLB is empty but for deferred
     * fills), so that no lookup can hit but for a frame it has a deferred fill for.
     */
    public boolean noEntriesInEffect(int cpu) {
        if (!tlb.currentCpu(cpu)) {
            return true;
        }
        for (PageSize s : PageSize.values()) {
            if (tlb.sizeClass(s).count.get(cpu) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bulk mode: whether an entry in this CPU's slots covers {@code pfn} (its deferred fills aside;
     * one of them may since have evicted it, so true may be a miss after all). Changes nothing.
     */
    public boolean slotsCover(int cpu, long pfn) {
        if (!tlb.currentCpu(cpu)) {
            return false;
        }
        for (PageSize s : PageSize.values()) {
            TlbClass c = tlb.sizeClass(s);
            if (c.count.get(cpu) > 0 && c.find(cpu, s.base(pfn)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bulk mode: readies the CPU for {@link #deferKnownMissFills4k} until the next flush_tlb_all()
     * (fills deferred before the last one lapse here).
     */
    public void openDeferred(int cpu) {
        known = tlb.deferred();
        known.pending(cpu, tlb.flushGeneration());
    }

    /**
     * Bulk mode: {@link #deferMissFill4k} for {@code n} frames {@code first}, {@code first + stride},
     * ... in that order (a vCPU's page clears over a run of consecutive frames its guest's vCPUs take
     * turns at), for a caller that knows every lookup misses: no entry in the CPU's slots covers them
     * ({@link #noEntriesInEffect}, {@link #slotsCover}), and none of its deferred fills is for them.
     * {@link #openDeferred} must have been called for the CPU since the last flush_tlb_all().
     */
    public void deferKnownMissFills4k(int cpu, long first, long stride, long n) {
        known.addStrided(cpu, first, stride, n);
    }
}
