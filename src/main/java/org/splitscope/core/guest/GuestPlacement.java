package org.splitscope.core.guest;

import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;

/**
 * Where a guest's memory lives in host physical memory: which 2M regions, and which frames of each.
 * Guest frame numbers (gfns) map linearly within a region, so the RMP table can store owners per
 * region (see {@code RmpTable}).
 *
 * <p>A guest backed by 2M folios owns whole regions. A guest backed by 4K folios gets its pages from
 * the buddy allocator one at a time, so in a real host they sit next to host pages in the same 2M
 * regions; the simulator models that by leaving the last {@link #HOST_FRAMES_PER_4K_REGION} frames of
 * each of its regions to the host (page cache, slab). Those host frames are what host activity
 * writes to, and why a 2M leaf over a partly private region matters (R17, R22).
 */
public final class GuestPlacement {
    /** Frames of each region of a 4K-folio guest that stay host memory. */
    public static final int HOST_FRAMES_PER_4K_REGION = 32;

    private final GuestSpec spec;
    private final int[] regions;
    private final int framesPerRegion;

    GuestPlacement(GuestSpec spec, int[] regions) {
        this.spec = spec;
        this.regions = regions;
        this.framesPerRegion = framesPerRegion(spec.folio());
    }

    /** Guest frames a region of this folio size holds. */
    public static int framesPerRegion(PageSize folio) {
        return folio == PageSize.M2 ? Pfns.FRAMES_PER_2M : Pfns.FRAMES_PER_2M - HOST_FRAMES_PER_4K_REGION;
    }

    /** Regions a guest of this spec needs. */
    public static long regionsNeeded(GuestSpec spec) {
        int per = framesPerRegion(spec.folio());
        return (spec.frames() + per - 1) / per;
    }

    public GuestSpec spec() {
        return spec;
    }

    public int regionCount() {
        return regions.length;
    }

    /** The i-th host region of this guest. */
    public int region(int i) {
        return regions[i];
    }

    public int framesPerRegion() {
        return framesPerRegion;
    }

    /** Host frame of guest frame {@code gfn}. */
    public long pfnOf(long gfn) {
        int i = (int) (gfn / framesPerRegion);
        return Pfns.regionBase(regions[i]) + gfn % framesPerRegion;
    }

    /** Host frame of the first frame of folio {@code folio}. */
    public long folioPfn(long folio) {
        return pfnOf(folio * spec.folio().frames());
    }

    /**
     * Guest frame held by frame {@code pfn}, which lies in this guest's {@code index}-th region, or -1
     * for a host-kept frame of that region.
     */
    public long gfnAt(int index, long pfn) {
        long off = pfn & (Pfns.FRAMES_PER_2M - 1);
        long gfn = (long) index * framesPerRegion + off;
        return off < framesPerRegion && gfn < spec.frames() ? gfn : -1;
    }
}
