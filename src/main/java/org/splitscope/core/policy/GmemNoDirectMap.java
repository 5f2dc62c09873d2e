package org.splitscope.core.policy;

import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;

/**
 * {@code gmem-no-direct-map}: the guest_memfd direct-map removal series (2025), where guest_memfd
 * itself takes its folios out of the direct map with one set_direct_map_valid_noflush(page, nr,
 * false) call per folio followed by one flush_tlb_kernel_range(). make_private: if any frame of
 * the folio is still mapped, invalidate the whole folio in one change_page_attr call (splitting as
 * needed) and flush the range once (R8: per page for a 4K folio, flush_tlb_all for a 2M one);
 * make_shared: restore the frames made shared in one call. Trades: one cpa_lock round trip per
 * folio instead of one per page, but every 2M folio still costs a split and two flush_tlb_all.
 *
 * <p>DOMAIN.md R4 gives only 4K entries a present bit, so a 2M folio under a 2M leaf is split and
 * its 512 PTEs cleared; the kernel's try_preserve_large_page() could instead clear the present bit
 * of the 2M leaf itself.
 */
public final class GmemNoDirectMap implements Policy {
    @Override
    public String id() {
        return "gmem-no-direct-map";
    }

    @Override
    public String summary() {
        return "guest_memfd unmaps whole folios: one cpa call and one range flush per folio (2025)";
    }

    @Override
    public boolean beforeRmpUpdate(HostKernel kernel, RmpRequest request) {
        DirectMap dm = kernel.directMap();
        if (request.assign()) {
            long base = Math.min(request.folioBase(), request.pfn());
            long n = Math.max(request.folio().frames(), request.npages());
            if (anyMapped(dm, base, n)) {
                kernel.setDirectMapRange(request.cpu(), base, n, false);
                kernel.flushRange(request.cpu(), base, n);
            }
        } else if (anyUnmapped(dm, request.pfn(), request.npages())) {
            kernel.setDirectMapRange(request.cpu(), request.pfn(), request.npages(), true);
        }
        return true;
    }

    private static boolean anyMapped(DirectMap dm, long pfn, long n) {
        for (long p = pfn; p < pfn + n; p++) {
            int s = dm.frameState(p);
            if (s != DirectMap.PTE_NOT_PRESENT && s != DirectMap.HOLE) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyUnmapped(DirectMap dm, long pfn, long n) {
        for (long p = pfn; p < pfn + n; p++) {
            if (dm.frameState(p) == DirectMap.PTE_NOT_PRESENT) {
                return true;
            }
        }
        return false;
    }
}
