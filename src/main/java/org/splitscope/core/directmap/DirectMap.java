package org.splitscope.core.directmap;

import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.state.JBits;
import org.splitscope.core.state.JBytes;
import org.splitscope.core.state.JInts;
import org.splitscope.core.state.JLongs;
import org.splitscope.core.state.JShorts;
import org.splitscope.core.state.Journal;

/**
 * The host kernel's direct map (physmap) of all RAM: which leaf maps each frame (DOMAIN.md R4-R9,
 * arch/x86/mm/pat/set_memory.c).
 *
 * <p>Representation (R3, no object per frame): one byte per 1G region saying whether it is a 1G
 * leaf or a table of 2M-level entries; one byte per 2M region saying whether it is a 2M leaf, a
 * table of 4K PTEs, or no entry at all (a region that is entirely a hole); and two bits per frame
 * for the only per-PTE state the kernel keeps that matters here: present, and "keep 4K" (split by
 * set_memory_4k, never collapsed). The present bit of a frame under a 2M or 1G leaf is always 1,
 * so that splitting and collapsing touch no per-frame state; a large leaf has its own present bit
 * (one bit per 2M region, one per 1G region) and the step at which it was made not present (R28).
 * Per-region and per-1G counters answer "how many PTEs are not present / kept at 4K", "how many 2M
 * leaves / 4K tables" in O(1).
 *
 * <p>This class only changes state; it emits no events and takes no locks. {@code HostKernel}
 * wraps it in change_page_attr calls, flushes and events.
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class DirectMap {
    public static final byte NONE = 0;
    public static final byte TABLE = 1;
    public static final byte LEAF_2M = 2;
    public static final byte LEAF_1G = 3;

    /** Leaf state of one frame, as {@link #frameState(long)} reports it. */
    public static final int HOLE = 0;
    public static final int PTE_PRESENT = 1;
    public static final int PTE_NOT_PRESENT = 2;
    public static final int IN_2M = 3;
    public static final int IN_1G = 4;
    /** Under a 2M leaf that is not present (R28): a walk finds nothing. */
    public static final int IN_2M_NOT_PRESENT = 5;
    /** Under a 1G leaf that is not present (R28). */
    public static final int IN_1G_NOT_PRESENT = 6;

    private final long frames;
    private final int regions;
    private final int gigs;

    /* Immutable after boot: which frames are RAM (R1). Not journaled. */
    final long[] ramWords;
    final short[] ramCount;
    private int[] gigRam;
    private final long ramFrames;

    final JBits present;
    private final JBits keep4k;
    /** Per 2M region: its 2M leaf is not present (meaningless unless the region is a 2M leaf). */
    private final JBits leafNp2m;
    /** Per 1G region: its 1G leaf is not present. */
    private final JBits leafNp1g;
    /** Step at which a not-present 2M / 1G leaf was made not present (R28, for the inspector). */
    private final JLongs npSince2m;
    private final JLongs npSince1g;
    private final boolean gbpages;
    final JBytes r2;
    final JBytes g1;
    final JShorts notPresent;
    /** Per 1G region: RAM frames whose 4K PTE is not present (the per-region counts summed). */
    final JInts notPresentInGig;
    private final JShorts keep4kCount;
    private final JShorts tables4k;
    private final JShorts leaves2m;
    /** direct_pages_count[PG_LEVEL_4K], [PG_LEVEL_2M], [PG_LEVEL_1G]: number of leaves. */
    private final JLongs pagesCount;

    public DirectMap(Journal journal, MachineSpec spec) {
        this(journal, spec, false);
    }

    /**
     * A direct map whose boot layout is built at 4K from the start (R5: the {@code presplit-4k}
     * policy, like debug_pagealloc's probe_page_size_mask() without 2M/1G pages), over the same RAM
     * as {@code spec} describes. Nothing is split, so nothing is counted (R29).
     */
    public DirectMap(Journal journal, MachineSpec spec, boolean all4k) {
        this.frames = spec.frames();
        this.regions = spec.regions();
        this.gigs = spec.gigs();
        this.ramWords = new long[(int) ((frames + 63) >>> 6)];
        this.ramCount = new short[regions];
        this.present = new JBits(journal, "dm.present", frames);
        this.keep4k = new JBits(journal, "dm.keep4k", frames);
        this.leafNp2m = new JBits(journal, "dm.leafNp2m", regions);
        this.leafNp1g = new JBits(journal, "dm.leafNp1g", gigs);
        this.npSince2m = new JLongs(journal, "dm.npSince2m", regions);
        this.npSince1g = new JLongs(journal, "dm.npSince1g", gigs);
        this.gbpages = spec.gbpages();
        this.r2 = new JBytes(journal, "dm.r2", regions);
        this.g1 = new JBytes(journal, "dm.g1", gigs);
        this.notPresent = new JShorts(journal, "dm.notPresent", regions);
        this.notPresentInGig = new JInts(journal, "dm.notPresentInGig", gigs);
        this.keep4kCount = new JShorts(journal, "dm.keep4kCount", regions);
        this.tables4k = new JShorts(journal, "dm.tables4k", gigs);
        this.leaves2m = new JShorts(journal, "dm.leaves2m", gigs);
        this.pagesCount = new JLongs(journal, "dm.pagesCount", 3);
        this.ramFrames = BootBuilder.build(this, spec, all4k);
    }

    // ---- boot-time construction (BootBuilder only; not journaled) ----------------------------

    void markRam(long from, long to, boolean value) {
        JBits.setRange(ramWords, from, to - from, value);
    }

    void finishRam() {
        for (int r = 0; r < regions; r++) {
            long base = Pfns.regionBase(r);
            int c = 0;
            for (int w = (int) (base >>> 6); w < (int) ((base + 512) >>> 6); w++) {
                c += Long.bitCount(ramWords[w]);
            }
            ramCount[r] = (short) c;
        }
        present.initFrom(ramWords);
    }

    void initRegion(int r, byte kind) {
        r2.initAt(r, kind);
    }

    void initGig(int g, byte kind) {
        g1.initAt(g, kind);
    }

    void finishLayout() {
        long c4 = 0;
        long c2 = 0;
        long c1 = 0;
        for (int g = 0; g < gigs; g++) {
            int t = 0;
            int l = 0;
            int first = g * Pfns.REGIONS_PER_1G;
            int last = Math.min(regions, first + Pfns.REGIONS_PER_1G);
            for (int r = first; r < last; r++) {
                if (r2.get(r) == TABLE) {
                    t++;
                    if (g1.get(g) != LEAF_1G) {
                        c4 += ramCount[r];
                    }
                } else if (r2.get(r) == LEAF_2M) {
                    l++;
                    if (g1.get(g) != LEAF_1G) {
                        c2++;
                    }
                }
            }
            tables4k.initAt(g, (short) t);
            leaves2m.initAt(g, (short) l);
            if (g1.get(g) == LEAF_1G) {
                c1++;
            }
        }
        pagesCount.initAt(0, c4);
        pagesCount.initAt(1, c2);
        pagesCount.initAt(2, c1);
    }

    // ---- queries ---------------------------------------------------------------------------

    public long frames() {
        return frames;
    }

    public int regions() {
        return regions;
    }

    public int gigs() {
        return gigs;
    }

    public long ramFrames() {
        return ramFrames;
    }

    public boolean isRam(long pfn) {
        return pfn >= 0 && pfn < frames && (ramWords[(int) (pfn >>> 6)] & (1L << pfn)) != 0;
    }

    /** RAM frames in a 2M region (0..512). */
    public int ramCount(int region) {
        return ramCount[region];
    }

    /** Raw 1G entry kind: {@link #LEAF_1G}, {@link #TABLE} or {@link #NONE}. */
    public byte gigKind(int gig) {
        return g1.get(gig);
    }

    /** Raw 2M entry kind: {@link #LEAF_2M}, {@link #TABLE} or {@link #NONE} (meaningless under a 1G leaf). */
    public byte regionKind(int region) {
        return r2.get(region);
    }

    /** Size of the leaf that maps the frames of a region: 1G, 2M, 4K, or null for a region that is all hole. */
    public PageSize regionLeaf(int region) {
        if (g1.get(Pfns.gigOfRegion(region)) == LEAF_1G) {
            return PageSize.G1;
        }
        return switch (r2.get(region)) {
            case LEAF_2M -> PageSize.M2;
            case TABLE -> PageSize.K4;
            default -> null;
        };
    }

    /** Size of the leaf that maps {@code pfn}, or null for a hole. A not-present PTE is still a 4K leaf. */
    public PageSize leafSize(long pfn) {
        if (g1.get(Pfns.gig(pfn)) == LEAF_1G) {
            return PageSize.G1;
        }
        byte k = r2.get(Pfns.region(pfn));
        if (k == LEAF_2M) {
            return PageSize.M2;
        }
        if (k == TABLE && isRam(pfn)) {
            return PageSize.K4;
        }
        return null;
    }

    /**
     * {@link #HOLE}, {@link #PTE_PRESENT}, {@link #PTE_NOT_PRESENT}, {@link #IN_2M}, {@link #IN_1G},
     * {@link #IN_2M_NOT_PRESENT} or {@link #IN_1G_NOT_PRESENT}.
     */
    public int frameState(long pfn) {
        int gig = Pfns.gig(pfn);
        if (g1.get(gig) == LEAF_1G) {
            return leafNp1g.get(gig) ? IN_1G_NOT_PRESENT : IN_1G;
        }
        int region = Pfns.region(pfn);
        byte k = r2.get(region);
        if (k == LEAF_2M) {
            return leafNp2m.get(region) ? IN_2M_NOT_PRESENT : IN_2M;
        }
        if (k == TABLE && isRam(pfn)) {
            return present.get(pfn) ? PTE_PRESENT : PTE_NOT_PRESENT;
        }
        return HOLE;
    }

    /** Whether a walk for {@code pfn} ends in a present leaf. */
    public boolean mapped(long pfn) {
        return isPresentState(frameState(pfn));
    }

    /** Whether a {@link #frameState} is a present leaf (4K, 2M or 1G). */
    public static boolean isPresentState(int state) {
        return state == PTE_PRESENT || state == IN_2M || state == IN_1G;
    }

    /** Whether a {@link #frameState} is a leaf of any size that is not present (R28). */
    public static boolean isNotPresentState(int state) {
        return state == PTE_NOT_PRESENT || state == IN_2M_NOT_PRESENT || state == IN_1G_NOT_PRESENT;
    }

    /**
     * Whether the leaf that maps a region's frames is present: for a 2M or 1G leaf its own bit (R28);
     * for a table of 4K PTEs, true (each PTE has its own bit, {@link #notPresentCount}).
     */
    public boolean regionLeafPresent(int region) {
        int gig = Pfns.gigOfRegion(region);
        if (g1.get(gig) == LEAF_1G) {
            return !leafNp1g.get(gig);
        }
        return r2.get(region) != LEAF_2M || !leafNp2m.get(region);
    }

    /** Whether a 1G region that is a 1G leaf is present (true for any other 1G region). */
    public boolean gigLeafPresent(int gig) {
        return g1.get(gig) != LEAF_1G || !leafNp1g.get(gig);
    }

    /**
     * The step at which the not-present large leaf over this region (its 2M leaf, or the 1G leaf
     * above it) was made not present, or -1 when that leaf is present or the region is 4K.
     */
    public long leafNotPresentSince(int region) {
        int gig = Pfns.gigOfRegion(region);
        if (g1.get(gig) == LEAF_1G) {
            return leafNp1g.get(gig) ? npSince1g.get(gig) : -1;
        }
        return r2.get(region) == LEAF_2M && leafNp2m.get(region) ? npSince2m.get(region) : -1;
    }

    public boolean keep4k(long pfn) {
        return keep4k.get(pfn);
    }

    /** RAM frames of a region whose 4K PTE is not present. */
    public int notPresentCount(int region) {
        return notPresent.get(region);
    }

    /** RAM frames of a 1G region whose 4K PTE is not present. */
    public int notPresentInGig(int gig) {
        return notPresentInGig.get(gig);
    }

    /** 2M leaves of a 1G region that are not present (R28). */
    public int notPresent2mLeavesIn(int gig) {
        return leafNp2m.count((long) gig * Pfns.REGIONS_PER_1G,
                Math.min(Pfns.REGIONS_PER_1G, regions - gig * Pfns.REGIONS_PER_1G));
    }

    /** Frames of a region marked "keep 4K". */
    public int keep4kCount(int region) {
        return keep4kCount.get(region);
    }

    /** Regions of a 1G region that are tables of 4K PTEs. */
    public int tables4kIn(int gig) {
        return tables4k.get(gig);
    }

    /** Regions of a 1G region that are 2M leaves (all 512 when it is a 1G leaf). */
    public int leaves2mIn(int gig) {
        return leaves2m.get(gig);
    }

    /** Number of RAM frames in a 1G region. */
    public int ramCountInGig(int gig) {
        if (gigRam == null) {
            int[] gr = new int[gigs];
            for (int r = 0; r < regions; r++) {
                gr[Pfns.gigOfRegion(r)] += ramCount[r];
            }
            gigRam = gr;
        }
        return gigRam[gig];
    }

    /** Regions of a 1G region with any RAM. */
    public int regionsWithRamInGig(int gig) {
        int first = gig * Pfns.REGIONS_PER_1G;
        int last = Math.min(regions, first + Pfns.REGIONS_PER_1G);
        int c = 0;
        for (int r = first; r < last; r++) {
            if (ramCount[r] > 0) {
                c++;
            }
        }
        return c;
    }

    /** DirectMap4k in kB, as /proc/meminfo prints it (direct_pages_count[PG_LEVEL_4K] << 2). */
    public long directMap4kKb() {
        return pagesCount.get(0) * 4;
    }

    /** DirectMap2M in kB (direct_pages_count[PG_LEVEL_2M] << 11). */
    public long directMap2mKb() {
        return pagesCount.get(1) * 2048;
    }

    /** DirectMap1G in kB (direct_pages_count[PG_LEVEL_1G] << 20). */
    public long directMap1gKb() {
        return pagesCount.get(2) * 1024 * 1024;
    }

    public long leafCount(PageSize size) {
        return pagesCount.get(size.ordinal());
    }

    // ---- changes (HostKernel only) ---------------------------------------------------------

    /**
     * Splits a 1G leaf into 512 2M leaves (R6). The new entries take the old leaf's protections
     * (__split_large_page() copies ref_prot into each), so a not-present 1G leaf becomes 512
     * not-present 2M leaves.
     */
    public void split1G(int gig) {
        require(g1.get(gig) == LEAF_1G, "split1G of a 1G region that is not a 1G leaf");
        g1.set(gig, TABLE);
        if (leafNp1g.get(gig)) {
            long since = npSince1g.get(gig);
            int first = gig * Pfns.REGIONS_PER_1G;
            leafNp2m.setRange(first, Pfns.REGIONS_PER_1G, true);
            npSince2m.fill(first, Pfns.REGIONS_PER_1G, since);
            leafNp1g.clear(gig);
        }
        pagesCount.add(2, -1);
        pagesCount.add(1, Pfns.REGIONS_PER_1G);
    }

    /**
     * Splits a 2M leaf into 512 4K PTEs (R6): present ones, or not-present ones when the 2M leaf was
     * not present (the PTEs take its protections, as __split_large_page() does). The 1G above must
     * already be a table.
     */
    public void split2M(int region) {
        int gig = Pfns.gigOfRegion(region);
        require(g1.get(gig) == TABLE && r2.get(region) == LEAF_2M, "split2M of a region that is not a 2M leaf");
        r2.set(region, TABLE);
        if (leafNp2m.get(region)) {
            leafNp2m.clear(region);
            present.setRange(Pfns.regionBase(region), Pfns.FRAMES_PER_2M, false);
            notPresent.set(region, (short) Pfns.FRAMES_PER_2M);
            notPresentInGig.add(gig, Pfns.FRAMES_PER_2M);
        }
        pagesCount.add(1, -1);
        pagesCount.add(0, Pfns.FRAMES_PER_2M);
        leaves2m.add(gig, -1);
        tables4k.add(gig, 1);
    }

    /** Whether R9 allows collapsing this region back to a 2M leaf. */
    public boolean canCollapse2M(int region) {
        return g1.get(Pfns.gigOfRegion(region)) == TABLE && r2.get(region) == TABLE
                && ramCount[region] == Pfns.FRAMES_PER_2M && notPresent.get(region) == 0
                && keep4kCount.get(region) == 0;
    }

    /** Collapses 512 present, contiguous, not-kept PTEs into one 2M leaf (R9). */
    public void collapse2M(int region) {
        require(canCollapse2M(region), "collapse2M of a region that R9 does not allow");
        int gig = Pfns.gigOfRegion(region);
        r2.set(region, LEAF_2M);
        pagesCount.add(0, -Pfns.FRAMES_PER_2M);
        pagesCount.add(1, 1);
        leaves2m.add(gig, 1);
        tables4k.add(gig, -1);
    }

    /**
     * Whether a 1G region may collapse to a 1G leaf (R9): gbpages is on (collapse_pud_page() returns
     * early without direct_gbpages) and all 512 entries are present 2M leaves.
     */
    public boolean canCollapse1G(int gig) {
        return gbpages && g1.get(gig) == TABLE && leaves2m.get(gig) == Pfns.REGIONS_PER_1G
                && notPresent2mLeavesIn(gig) == 0;
    }

    /**
     * Makes a whole 2M leaf not present or present again, in place (R6, R28: "All checks passed.
     * Update the large page mapping"); DirectMap counts do not change (R4). {@code step} is
     * recorded as when it became not present.
     */
    public void setLeafPresent2m(int region, boolean value, long step) {
        require(g1.get(Pfns.gigOfRegion(region)) == TABLE && r2.get(region) == LEAF_2M,
                "setLeafPresent2m on a region that is not a 2M leaf");
        if (leafNp2m.get(region) == value) {
            leafNp2m.set(region, !value);
            if (!value) {
                npSince2m.set(region, step);
            }
        }
    }

    /** As {@link #setLeafPresent2m}, for a 1G leaf. */
    public void setLeafPresent1g(int gig, boolean value, long step) {
        require(g1.get(gig) == LEAF_1G, "setLeafPresent1g on a 1G region that is not a 1G leaf");
        if (leafNp1g.get(gig) == value) {
            leafNp1g.set(gig, !value);
            if (!value) {
                npSince1g.set(gig, step);
            }
        }
    }

    /** Whether gbpages is on (1G leaves at boot, and 1G collapses, R5, R9). */
    public boolean gbpages() {
        return gbpages;
    }

    public void collapse1G(int gig) {
        require(canCollapse1G(gig), "collapse1G of a 1G region that R9 does not allow");
        g1.set(gig, LEAF_1G);
        pagesCount.add(1, -Pfns.REGIONS_PER_1G);
        pagesCount.add(2, 1);
    }

    /** Marks the 4K PTE of a frame present or not present (R8). The frame must be under a 4K leaf. */
    public void setPresent(long pfn, boolean value) {
        int region = Pfns.region(pfn);
        require(r2.get(region) == TABLE && g1.get(Pfns.gig(pfn)) == TABLE && isRam(pfn),
                "setPresent on a frame that is not mapped by a 4K PTE");
        if (present.get(pfn) != value) {
            present.set(pfn, value);
            notPresent.add(region, value ? -1 : 1);
            notPresentInGig.add(Pfns.gig(pfn), value ? -1 : 1);
        }
    }

    /** Marks a frame "keep 4K" (split by set_memory_4k; never collapsed, R8); returns whether it changed. */
    public boolean markKeep4k(long pfn) {
        if (!keep4k.get(pfn)) {
            keep4k.set(pfn);
            keep4kCount.add(Pfns.region(pfn), 1);
            return true;
        }
        return false;
    }

    /**
     * Marks every RAM frame of [pfn, pfn + n) "keep 4K", a region at a time; returns how many were not
     * marked before (the PTEs set_memory_4k changed, which decides its flush, R8).
     */
    public long markKeep4kRange(long pfn, long n) {
        long end = pfn + n;
        long p = pfn;
        long changed = 0;
        while (p < end) {
            int region = Pfns.region(p);
            long regionEnd = Math.min(end, Pfns.regionBase(region) + Pfns.FRAMES_PER_2M);
            if (p == Pfns.regionBase(region) && regionEnd - p == Pfns.FRAMES_PER_2M
                    && ramCount[region] == Pfns.FRAMES_PER_2M) {
                int before = keep4kCount.get(region);
                if (before != Pfns.FRAMES_PER_2M) {
                    keep4k.setRange(p, Pfns.FRAMES_PER_2M, true);
                    keep4kCount.set(region, (short) Pfns.FRAMES_PER_2M);
                    changed += Pfns.FRAMES_PER_2M - before;
                }
            } else {
                for (long f = p; f < regionEnd; f++) {
                    if (isRam(f) && markKeep4k(f)) {
                        changed++;
                    }
                }
            }
            p = regionEnd;
        }
        return changed;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
