package org.splitscope.core.kernel;

import org.splitscope.core.cost.CostKind;
import org.splitscope.core.cost.CostModel;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.directmap.PteRuns;
import org.splitscope.core.event.CpaKind;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;

/**
 * The per-page hooks of the v1/v7 designs settled in one pass for bulk mode (DOMAIN.md R7, R8):
 * n set_direct_map_invalid_noflush() or set_direct_map_default_noflush() calls made back to back by
 * one CPU, with the state, counters, time and events of {@link HostKernel}'s methods called n times.
 *
 * <p>Exactness: each call is its own change_page_attr call under cpa_lock, and nothing else runs on
 * the CPU between them, so only the first can wait for the lock ({@link CostModel#lockRun}); over 4K
 * PTEs a call changes one PTE and splits nothing. When the first frame is still under a large leaf,
 * its call runs as it is (it splits, with its flushes, R6) and leaves the rest under 4K PTEs. Event
 * records, when a sink wants them, are built call by call in the step path's order.
 */
public final class CpaRuns {
    private final HostKernel k;
    private final PteRuns ptes;

    public CpaRuns(HostKernel kernel) {
        this.k = kernel;
        this.ptes = new PteRuns(kernel.directMap());
    }

    /**
     * rmp_make_private / rmp_make_shared (R12) for a policy whose hook for this request is {@code hook}
     * (anything but {@link BulkHook#OTHER}): the hook's calls settled here, then the RMPUPDATE with its
     * counters, time and event, exactly as {@link HostKernel}'s rmpChange does them. Returns the
     * RMPUPDATE's status.
     */
    public int rmpChange(BulkHook hook, RmpRequest r, long gfn) {
        if (hook != BulkHook.NONE) {
            run(hook, r);
        }
        int status = k.rmp().rmpupdate(r.pfn(), r.level(), r.assign(), r.asid(), gfn, false);
        k.counters().inc(Counter.RMPUPDATES);
        if (status != RmpTable.SUCCESS) {
            k.counters().inc(Counter.RMPUPDATE_FAILURES);
        }
        k.cost().work(r.cpu(), CostKind.RMP_INSTR, k.cost().constants().rmpupdate());
        if (k.on(EventKind.RMPUPDATE)) {
            k.emit(new SimEvent.RmpUpdate(r.cpu(), r.pfn(), r.level(), r.assign(), r.asid(),
                    gfn * Pfns.FRAME_BYTES, status, k.rmp().failureReason(r.pfn(), r.level(), status)));
        } else {
            k.countOnly();
        }
        return status;
    }

    /** The hook's calls for a request ({@link BulkHook#INVALIDATE_EACH} or {@link BulkHook#RESTORE_EACH}, and the flushing variants). */
    public void run(BulkHook hook, RmpRequest r) {
        switch (hook) {
            case INVALIDATE_EACH -> invalidateEach(r.cpu(), r.pfn(), (int) r.npages());
            case INVALIDATE_EACH_THEN_FLUSH -> {
                invalidateEach(r.cpu(), r.pfn(), (int) r.npages());
                k.flushRange(r.cpu(), r.pfn(), r.npages());
            }
            case RESTORE_EACH -> restoreEach(r.cpu(), r.pfn(), (int) r.npages());
            case RESTORE_EACH_THEN_FLUSH -> {
                restoreEach(r.cpu(), r.pfn(), (int) r.npages());
                k.flushRange(r.cpu(), r.pfn(), r.npages());
            }
            default -> throw new IllegalArgumentException("not a per-page hook: " + hook);
        }
    }

    /** set_direct_map_invalid_noflush() on each frame of [pfn, pfn + n), one 2M region at most. */
    public void invalidateEach(int cpu, long pfn, int n) {
        int first = 0;
        if (!ptes.all4k(pfn, n)) {
            k.setDirectMapInvalidNoflush(cpu, pfn);      // splits down to 4K (R6)
            first = 1;
            if (n == 1) {
                return;
            }
            if (!ptes.all4k(pfn + first, n - first)) {
                for (long p = pfn + first; p < pfn + n; p++) {
                    k.setDirectMapInvalidNoflush(cpu, p);
                }
                return;
            }
        }
        int calls = n - first;
        if (calls == 0) {
            return;
        }
        long wait = k.cost().lockRun(cpu, calls, k.cost().constants().cpaCall());
        k.counters().add(Counter.CPA_CALLS, calls);
        long from = pfn + first;
        if (k.on(EventKind.CPA) || k.on(EventKind.PTE)) {
            for (long p = from; p < pfn + n; p++) {
                cpaEvent(cpu, CpaKind.INVALID_NOFLUSH, p, p == from ? wait : 0);
                pteEvent(cpu, p, false);
            }
        } else {
            k.countOnly(2L * calls);
        }
        ptes.setPresent(from, calls, false);
    }

    /** set_direct_map_default_noflush() on each frame of [pfn, pfn + n), one 2M region at most. */
    public void restoreEach(int cpu, long pfn, int n) {
        if (!ptes.all4k(pfn, n)) {
            for (long p = pfn; p < pfn + n; p++) {
                k.setDirectMapDefaultNoflush(cpu, p);
            }
            return;
        }
        long wait = k.cost().lockRun(cpu, n, k.cost().constants().cpaCall());
        k.counters().add(Counter.CPA_CALLS, n);
        if (k.on(EventKind.CPA) || k.on(EventKind.PTE)) {
            DirectMap dm = k.directMap();
            for (long p = pfn; p < pfn + n; p++) {
                cpaEvent(cpu, CpaKind.DEFAULT_NOFLUSH, p, p == pfn ? wait : 0);
                if (dm.frameState(p) == DirectMap.PTE_NOT_PRESENT) {
                    dm.setPresent(p, true);
                    pteEvent(cpu, p, true);
                }
            }
            return;
        }
        int restored = ptes.setPresent(pfn, n, true);
        k.countOnly(n + (long) restored);
    }

    private void cpaEvent(int cpu, CpaKind kind, long pfn, long wait) {
        if (k.on(EventKind.CPA)) {
            k.emit(new SimEvent.CpaCall(cpu, kind, pfn, 1, wait));
        } else {
            k.countOnly();
        }
    }

    private void pteEvent(int cpu, long pfn, boolean present) {
        if (k.on(EventKind.PTE)) {
            k.emit(new SimEvent.PteChange(cpu, pfn, PageSize.K4, present));
        } else {
            k.countOnly();
        }
    }
}
