package org.splitscope.core.guest;

import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;

/**
 * An SNP guest as a scenario declares it (R20).
 *
 * @param asid    its ASID, 1..1023
 * @param memory  guest memory in bytes, a multiple of 2 MiB when backed by 2M folios, else of 4 KiB
 * @param vcpus   vCPUs, 1..1024
 * @param folio   guest_memfd folio size: 4K (mainline today) or 2M (R14)
 */
public record GuestSpec(int asid, long memory, int vcpus, PageSize folio) {
    public GuestSpec {
        if (asid < 1 || asid > RmpTable.MAX_ASID) {
            throw new IllegalArgumentException("guest asid must be 1..1023, got " + asid);
        }
        if (vcpus < 1 || vcpus > 1024) {
            throw new IllegalArgumentException("guest " + asid + ": vcpus must be 1..1024, got " + vcpus);
        }
        if (folio != PageSize.K4 && folio != PageSize.M2) {
            throw new IllegalArgumentException("guest " + asid + ": folio must be 4K or 2M");
        }
        if (memory <= 0 || memory % folio.bytes() != 0) {
            throw new IllegalArgumentException("guest " + asid + ": memory must be a positive multiple of "
                    + Pfns.bytes(folio.bytes()) + ", got " + memory + " bytes");
        }
    }

    /** Guest frames (4 KiB pages of guest physical memory). */
    public long frames() {
        return memory / Pfns.FRAME_BYTES;
    }

    /** Folios of guest memory, i.e. chunks faulted in by lazy acceptance. */
    public long folios() {
        return memory / folio.bytes();
    }
}
