package org.splitscope.core.policy;

import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;
import org.splitscope.core.mem.PageSize;

/**
 * {@code gmem-no-direct-map}: the guest_memfd direct-map removal series (2025), where guest_memfd
 * itself takes its folios out of the direct map with one set_direct_map_valid_noflush(page, nr,
 * false) call per folio followed by one flush of the folio's range.
 *
 * <ul>
 *   <li>make_private of a folio still wholly mapped (its first private fault: the series zaps a
 *       folio once, kvm_gmem_folio_zap_direct_map() guarded by kvm_gmem_folio_no_direct_map()): one
 *       change_page_attr call makes the whole folio not present (R8, R28): a 2M folio under a 2M leaf
 *       makes that leaf not present in place, without a split; under a 1G leaf, one 1G split first; a
 *       4K folio under a large leaf splits down to its PTE. Then one range flush of the folio (R8: per
 *       page for a 4K folio, flush_tlb_all() for 512 pages). A folio already zapped once and partly
 *       converted back to shared in place (R21; DOMAIN.md is silent on it) has only the frames of this
 *       RMPUPDATE unmapped again: its other shared frames are the host's bounce buffers now.</li>
 *   <li>make_shared: set_direct_map_valid_noflush(.., true) over the frames made shared, no flush.
 *       The series restores a folio when guest_memfd frees it; SplitScope converts in place (R21),
 *       so it restores exactly the frames the RMPUPDATE makes shared: the whole folio when the
 *       release covers it, one frame of a PSMASHed 2M folio otherwise (restoring the whole folio
 *       then would map its still-private frames again).</li>
 * </ul>
 * The folio's flush follows DOMAIN.md (R8, R18: per page with one IPI per other CPU up to 33 pages,
 * else flush_tlb_all()) under both profiles. The series calls flush_tlb_kernel_range() (tlb.c), which
 * since 6.15 uses invlpgb_kernel_range_flush() on CPUs with INVLPGB and sends no IPI; the README says
 * so beside the policy table.
 *
 * <p>Trades: one cpa_lock round trip per folio instead of one per page and no split for 2M folios,
 * but a flush per folio and no direct-map access to private memory at all.
 */
public final class GmemNoDirectMap implements Policy {
    @Override
    public String id() {
        return "gmem-no-direct-map";
    }

    @Override
    public String summary() {
        return "guest_memfd unmaps whole folios: one cpa call and one range flush per folio, no split for 2M (2025)";
    }

    @Override
    public boolean beforeRmpUpdate(HostKernel kernel, RmpRequest request) {
        DirectMap dm = kernel.directMap();
        if (request.assign()) {
            long base = Math.min(request.folioBase(), request.pfn());
            long n = Math.max(request.folio().frames(), request.npages());
            if (any(dm, base, n, false)) {                  // zapped before: only what turns private now
                base = request.pfn();
                n = request.npages();
            }
            if (any(dm, base, n, true)) {
                kernel.setDirectMapValidNoflush(request.cpu(), base, n, false);
                kernel.flushRange(request.cpu(), base, n);
            }
        } else if (any(dm, request.pfn(), request.npages(), false)) {
            kernel.setDirectMapValidNoflush(request.cpu(), request.pfn(), request.npages(), true);
        }
        return true;
    }

    /**
     * Teardown frees the guest's folios: guest_memfd restores a folio's direct map once when it frees
     * it (kvm_gmem_free_folio() calls kvm_gmem_folio_restore_direct_map(), one
     * set_direct_map_valid_noflush(folio, nr, true) per folio), not once per RMPUPDATE of the
     * teardown. A 2M folio that was PSMASHed and partly converted has its 511 private frames released
     * at 4K one by one (sev_gmem_invalidate()); they find the folio mapped again and call nothing.
     * 4K folios are one frame each, so the releases' own hook above is already once per folio.
     */
    @Override
    public void beforeTeardown(HostKernel kernel, int cpu, int region, int asid, PageSize folio) {
        long base = org.splitscope.core.mem.Pfns.regionBase(region);
        long n = org.splitscope.core.mem.Pfns.FRAMES_PER_2M;
        if (folio == PageSize.M2 && any(kernel.directMap(), base, n, false)) {
            kernel.setDirectMapValidNoflush(cpu, base, n, true);
        }
    }

    /** Whether any RAM frame of the range is mapped by a present leaf ({@code present}) or by a not-present one. */
    private static boolean any(DirectMap dm, long pfn, long n, boolean present) {
        for (long p = pfn; p < pfn + n; p++) {
            int s = dm.frameState(p);
            if (present ? DirectMap.isPresentState(s) : DirectMap.isNotPresentState(s)) {
                return true;
            }
        }
        return false;
    }
}
