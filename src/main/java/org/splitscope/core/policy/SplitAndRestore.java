package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.RmpRequest;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;

/**
 * {@code split-and-restore}: <b>hypothetical</b>. Seed 000 reference [3], Kirill Shutemov's
 * "x86/mm/pat: Restore large pages after fragmentation" idea; mainline has collapse_large_pages()
 * since 6.14 but uses it only for set_memory_rox(), and never restores after SNP. Splits on demand
 * like {@link SplitOnDemand}, but its splits are not marked "keep 4K" (so they flush no range, R8),
 * and as soon as a region is wholly shared again one change_page_attr call collapses it back to a
 * 2M leaf, and its 1G region to a 1G leaf when gbpages is on and all 512 entries are present 2M
 * leaves (R9), with one flush_tlb_all() after all the collapses of that call. The call is made only
 * when collapse_pmd_page()'s checks pass. Trades: large pages come back, for a flush_tlb_all per
 * restore and repeated splits when guests churn.
 */
public final class SplitAndRestore extends SplitOnDemand {
    @Override
    public String id() {
        return "split-and-restore";
    }

    @Override
    public String summary() {
        return "hypothetical: split on demand, collapse regions back once wholly shared (Shutemov's idea)";
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
        if (!kernel.rmp().anyAssigned(region) && kernel.directMap().canCollapse2M(region)) {
            kernel.collapse(request.cpu(), request.pfn());
        }
    }

    /** As split-on-demand for make_private; make_shared may collapse afterwards, so it runs as it is. */
    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return request.assign() ? super.bulkHook(kernel, request) : BulkHook.OTHER;
    }
}
