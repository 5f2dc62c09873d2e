package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;

/**
 * {@code invalidate-noflush}: seed 000, "[v1,11/26] x86/sev: Invalidate pages from the direct map
 * when adding them to the RMP table": invalidate_direct_map() calls
 * set_direct_map_invalid_noflush() on each of the 1 or 512 frames before making them private, and
 * restore_direct_map() calls set_direct_map_default_noflush() on each when they go back to shared.
 * Trades: the split (with its flush_tlb_all) happens once per region, but every page is a separate
 * change_page_attr call under the global cpa_lock, and the invalidated PTEs are never flushed, so
 * stale 4K TLB entries stay behind (the thread's "where _is_ the TLB flushing here?").
 *
 * <p>v1 restores after the RMPUPDATE, and only when it succeeded; DOMAIN.md R12 runs every hook
 * before it. When the RMPUPDATE succeeds nothing runs in between, so the end state is the same and
 * only the micro-event order differs; when it fails (a 2M release over PSMASHed entries:
 * FAIL_OVERLAP) the PTEs are already present again here, where v1 would have left them out.
 */
public class InvalidateNoflush implements Policy {
    @Override
    public String id() {
        return "invalidate-noflush";
    }

    @Override
    public String summary() {
        return "set_direct_map_invalid_noflush() per page, no TLB flush (v1 11/26)";
    }

    @Override
    public boolean beforeRmpUpdate(HostKernel kernel, RmpRequest request) {
        long end = request.pfn() + request.npages();
        for (long p = request.pfn(); p < end; p++) {
            if (request.assign()) {
                kernel.setDirectMapInvalidNoflush(request.cpu(), p);
            } else {
                kernel.setDirectMapDefaultNoflush(request.cpu(), p);
            }
        }
        return true;
    }

    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return request.assign() ? BulkHook.INVALIDATE_EACH : BulkHook.RESTORE_EACH;
    }
}
