package org.splitscope.core.policy;

import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.RmpRequest;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;

/**
 * {@code split-and-restore}: seed 000 reference [3], Kirill Shutemov's "x86/mm/pat: Restore large
 * pages after fragmentation" (mainline CPA_COLLAPSE / collapse_large_pages()). Splits on demand
 * like {@link SplitOnDemand}, but its splits are not marked "keep 4K", and as soon as a region is
 * wholly shared again it collapses back to a 2M leaf, and its 1G region to a 1G leaf when all 512
 * entries are 2M (R9). Trades: large pages come back, for a flush_tlb_all per collapse and repeated
 * splits when guests churn.
 */
public final class SplitAndRestore extends SplitOnDemand {
    @Override
    public String id() {
        return "split-and-restore";
    }

    @Override
    public String summary() {
        return "split on demand, collapse regions back once wholly shared (Kirill Shutemov)";
    }

    @Override
    protected boolean keepsSplit() {
        return false;
    }

    @Override
    public void afterRmpUpdate(HostKernel kernel, RmpRequest request, int status) {
        if (request.assign() || status != RmpTable.SUCCESS) {
            return;
        }
        int region = Pfns.region(request.pfn());
        if (!kernel.rmp().anyAssigned(region)) {
            kernel.collapse(request.cpu(), request.pfn());
        }
    }
}
