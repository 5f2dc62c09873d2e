package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.RmpRequest;

/**
 * {@code invalidate-flush}: seed 000, the v7 variant Michael Roth describes ("Boris pointed that
 * out in v6, and we implemented it in v7, but it completely cratered performance"): as
 * {@link InvalidateNoflush}, then flush the range as cpa_flush() does (R8): per page on every CPU
 * for 1 frame, flush_tlb_all() for 512. Trades: no stale TLB entries, at the price of a broadcast
 * TLB flush on every RMPUPDATE.
 *
 * <p>DOMAIN.md models v7 as v1's per-page invalidation plus a range flush. v7 itself called
 * set_memory_np() / set_memory_p() over the 1 or 512 pages, one change_page_attr call each way, whose
 * cpa_flush() flushed the range (and which would change a whole 2M leaf in place); the table row is
 * what this class follows.
 */
public final class InvalidateFlush extends InvalidateNoflush {
    @Override
    public String id() {
        return "invalidate-flush";
    }

    @Override
    public String summary() {
        return "invalidate per page, then flush the range (v7: \"cratered performance\")";
    }

    @Override
    public boolean beforeRmpUpdate(HostKernel kernel, RmpRequest request) {
        super.beforeRmpUpdate(kernel, request);
        kernel.flushRange(request.cpu(), request.pfn(), request.npages());
        return true;
    }

    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return request.assign() ? BulkHook.INVALIDATE_EACH_THEN_FLUSH : BulkHook.RESTORE_EACH_THEN_FLUSH;
    }
}
