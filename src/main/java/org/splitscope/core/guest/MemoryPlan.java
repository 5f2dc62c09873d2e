package org.splitscope.core.guest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.mem.Pfns;

/**
 * The placement of every declared guest's memory in host RAM, decided once before the run
 * (deterministically, so that every policy sees the same frames). Guests take whole 2M regions of
 * RAM from the top of memory down, in the order they are declared; the lowest
 * {@link #RESERVED_BYTES} stay with the host kernel. An index per region answers "which guest's
 * memory is this frame" in O(1).
 */
public final class MemoryPlan {
    /** Low memory never given to guests (kernel image, early allocations). */
    public static final long RESERVED_BYTES = 16 * Pfns.MIB;

    private final List<GuestPlacement> placements;
    private final short[] guestOfRegion;
    private final int[] indexInGuest;

    private MemoryPlan(List<GuestPlacement> placements, short[] guestOfRegion, int[] indexInGuest) {
        this.placements = placements;
        this.guestOfRegion = guestOfRegion;
        this.indexInGuest = indexInGuest;
    }

    /**
     * Places the guests; throws IllegalArgumentException naming the first guest that does not fit,
     * with what it needs and what is left.
     */
    public static MemoryPlan place(DirectMap dm, List<GuestSpec> guests) {
        return place(dm, guests, false);
    }

    /**
     * Places the guests; with {@code explicitFrames} (a replayed recording, whose every step names its
     * frame) a guest that does not fit keeps the regions that were left, possibly none, instead of
     * failing: placement then only serves views, and a recording's guests are sized by their highest
     * GPA, which may exceed what is free (TRACE.md).
     */
    public static MemoryPlan place(DirectMap dm, List<GuestSpec> guests, boolean explicitFrames) {
        int regions = dm.regions();
        short[] guestOf = new short[regions];
        int[] index = new int[regions];
        Arrays.fill(guestOf, (short) -1);
        int reserved = (int) (RESERVED_BYTES / (2 * Pfns.MIB));
        int next = regions - 1;
        List<GuestPlacement> out = new ArrayList<>();
        for (int g = 0; g < guests.size(); g++) {
            GuestSpec spec = guests.get(g);
            long need = GuestPlacement.regionsNeeded(spec);
            int[] mine = new int[(int) Math.min(need, regions)];
            int got = 0;
            while (got < need && next >= reserved) {
                if (dm.ramCount(next) == Pfns.FRAMES_PER_2M) {
                    mine[got] = next;
                    guestOf[next] = (short) g;
                    index[next] = got;
                    got++;
                }
                next--;
            }
            if (got < need && explicitFrames) {
                mine = Arrays.copyOf(mine, got);
            } else if (got < need) {
                long free = 0;
                for (int r = next; r >= reserved; r--) {
                    if (dm.ramCount(r) == Pfns.FRAMES_PER_2M) {
                        free++;
                    }
                }
                throw new IllegalArgumentException("guest " + spec.asid() + " needs "
                        + Pfns.bytes(need * 2 * Pfns.MIB) + " of host RAM in whole 2 MiB regions"
                        + (spec.folio().frames() == 1 ? " (4K-folio guests share each region with host pages)" : "")
                        + " but only " + Pfns.bytes((got + free) * 2 * Pfns.MIB) + " is left");
            }
            out.add(new GuestPlacement(spec, mine));
        }
        return new MemoryPlan(List.copyOf(out), guestOf, index);
    }

    public List<GuestPlacement> placements() {
        return placements;
    }

    /** Placement of the guest with this ASID, or null. */
    public GuestPlacement byAsid(int asid) {
        for (GuestPlacement p : placements) {
            if (p.spec().asid() == asid) {
                return p;
            }
        }
        return null;
    }

    /** The guest whose memory region this is, or null. */
    public GuestPlacement guestOfRegion(int region) {
        int g = guestOfRegion[region];
        return g < 0 ? null : placements.get(g);
    }

    /** Guest frame number of {@code pfn} in the guest that owns its region, or -1. */
    public long gfnOf(long pfn) {
        int region = Pfns.region(pfn);
        int g = guestOfRegion[region];
        return g < 0 ? -1 : placements.get(g).gfnAt(indexInGuest[region], pfn);
    }

    /** Whether {@code pfn} is guest memory of some guest (host-kept frames of a region are not). */
    public boolean isGuestFrame(long pfn) {
        return gfnOf(pfn) >= 0;
    }
}
