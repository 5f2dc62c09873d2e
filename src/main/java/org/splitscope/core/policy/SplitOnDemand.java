package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;
import org.splitscope.core.mem.PageSize;

/**
 * {@code split-on-demand}: seed 000 v2, today's mainline adjust_direct_map()
 * (arch/x86/virt/svm/sev.c): before every RMPUPDATE, nothing for a 2M RMPUPDATE ("even accesses
 * from 1GB mappings will be treated as 2MB accesses as far as RMP table checks are concerned"),
 * nothing when lookup_address() finds the leaf already 4K, else set_memory_4k(pfn, 1). Trades:
 * with 2M guest_memfd folios the direct map is split "only a handful of times for each guest"; with
 * 4K folios every first fault in a 2M region splits, and nothing ever restores the large pages.
 */
public class SplitOnDemand implements Policy {
    @Override
    public String id() {
        return "split-on-demand";
    }

    @Override
    public String summary() {
        return "split the leaf to 4K only when a 4K RMPUPDATE lands in a large leaf (mainline)";
    }

    @Override
    public boolean beforeRmpUpdate(HostKernel kernel, RmpRequest request) {
        if (request.level() == PageSize.M2) {
            return true;
        }
        PageSize leaf = kernel.directMap().leafSize(request.pfn());
        if (leaf == null || leaf == PageSize.K4) {
            return true;
        }
        kernel.setMemory4k(request.cpu(), request.pfn(), 1, keepsSplit());
        return true;
    }

    /** A 4K rmp_make_shared in a region whose leaf is already 4K does nothing (see beforeRmpUpdate). */
    @Override
    public boolean releaseNeedsNoHook(HostKernel kernel, int region) {
        return kernel.directMap().regionLeaf(region) == PageSize.K4;
    }

    /** Whether the splits are marked "keep 4K" (set_memory_4k) and so never collapse. */
    protected boolean keepsSplit() {
        return true;
    }

    /** Nothing for 2M requests and 4K leaves (as beforeRmpUpdate); a split is left to the hook itself. */
    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        if (request.level() == PageSize.M2) {
            return BulkHook.NONE;
        }
        PageSize leaf = kernel.directMap().leafSize(request.pfn());
        return leaf == null || leaf == PageSize.K4 ? BulkHook.NONE : BulkHook.OTHER;
    }
}
