package org.splitscope.core.rmp;

import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;

/**
 * A read-only view of the RMP entry that is authoritative for a frame (R11), for the inspector
 * and for tests. Built on demand; the table itself holds no objects.
 *
 * @param pfn       the frame asked about
 * @param entryPfn  the frame whose entry this is (the 2M-aligned frame for a 2M entry)
 * @param pageSize  4K or 2M
 * @param gpa       guest physical address of {@code pfn} (for a 2M entry: its base plus the offset)
 */
public record RmpEntry(long pfn, long entryPfn, PageSize pageSize, boolean assigned, int asid, long gpa,
                       boolean validated, boolean immutable) {

    public RmpState state() {
        return RmpState.of(assigned, asid, validated, immutable);
    }

    /**
     * The raw 128-bit entry the way the kernel's dump_rmpentry() prints it ("RMP entry: [lo - hi]"),
     * with the PPR Family 19h field layout of struct rmpentry_raw: assigned bit 0, pagesize bit 1,
     * immutable bit 2, gpa (>> 12) bits 12-50, asid bits 51-60, validated bit 62.
     */
    public long rawLo() {
        long lo = 0;
        if (!assigned && !immutable && asid == 0) {
            return 0;
        }
        lo |= assigned ? 1L : 0;
        lo |= pageSize == PageSize.M2 ? 1L << 1 : 0;
        lo |= immutable ? 1L << 2 : 0;
        long entryGpa = pageSize == PageSize.M2 ? gpa - (pfn - entryPfn) * Pfns.FRAME_BYTES : gpa;
        lo |= ((entryGpa >>> 12) & ((1L << 39) - 1)) << 12;
        lo |= ((long) asid & 0x3FF) << 51;
        lo |= validated ? 1L << 62 : 0;
        return lo;
    }

    /** Like dump_rmpentry(): "PFN 0x40200, RMP entry: [0x... - 0x...]". */
    public String dump() {
        return String.format("PFN 0x%x, RMP entry: [0x%016x - 0x%016x]", pfn, rawLo(), 0L);
    }
}
