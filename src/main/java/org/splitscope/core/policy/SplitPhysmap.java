package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;

/**
 * {@code split-physmap}: seed 003, "[PATCH Part2 RFC v2 08/37] x86/sev: Split the physmap when
 * adding the page in RMP table" (Brijesh Singh, 2021): before every RMPUPDATE that assigns, one
 * set_memory_4k() over its 1 or 512 frames, whether or not they are 4K already. Trades: always
 * safe, but a cpa_lock round trip and a TLB flush (a flush_tlb_all for 512 frames) on every
 * assignment, and the pages stay 4K forever.
 */
public final class SplitPhysmap implements Policy {
    @Override
    public String id() {
        return "split-physmap";
    }

    @Override
    public String summary() {
        return "set_memory_4k() before every private assignment (RFC v2, 2021)";
    }

    @Override
    public boolean beforeRmpUpdate(HostKernel kernel, RmpRequest request) {
        if (request.assign()) {
            kernel.setMemory4k(request.cpu(), request.pfn(), request.npages(), true);
        }
        return true;
    }

    /** No hook work on release: only assignments call set_memory_4k. */
    @Override
    public boolean releaseNeedsNoHook(HostKernel kernel, int region) {
        return true;
    }

    /** make_shared does nothing; make_private is one set_memory_4k() call, which bulk mode runs as it is. */
    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return request.assign() ? BulkHook.OTHER : BulkHook.NONE;
    }
}
