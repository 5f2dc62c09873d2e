package org.splitscope.core.kernel;

import org.splitscope.core.mem.PageSize;

/**
 * One rmp_make_private / rmp_make_shared call as the policy hook sees it.
 *
 * @param cpu    the host CPU doing it
 * @param pfn    first frame (2M-aligned when {@code level} is 2M)
 * @param level  RMP page size
 * @param assign true for rmp_make_private
 * @param asid   the guest (0 for rmp_make_shared when unknown)
 * @param folio  the guest_memfd folio size backing the frame (4K when not a guest frame)
 */
public record RmpRequest(int cpu, long pfn, PageSize level, boolean assign, int asid, PageSize folio) {
    public long npages() {
        return level.frames();
    }

    /** First frame of the folio that contains {@link #pfn()}. */
    public long folioBase() {
        return folio.base(pfn);
    }
}
