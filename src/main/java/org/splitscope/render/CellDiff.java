package org.splitscope.render;

import java.util.BitSet;
import java.util.List;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpEntry;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.sim.Simulation;

/**
 * Which cells of a layout differ between runs of the same scenario under different policies (the
 * compare view's diff overlay): each run against the first (the reference the others are read
 * against), and the first against all of them. Each cell gets a signature of what the three layers say about it:
 * <ul>
 * <li>direct map: at 4K the frame's state (1G, 2M, present or not-present PTE); for a 2M region its
 * leaf and how many PTEs are not present; for a 1G region its kind and how many 2M leaves and 4K
 * tables it holds;</li>
 * <li>RMP: at 4K the frame's named state (dump_rmpentry), owner, and whether a 2M entry covers it;
 * for a region the assigned, 4K-assigned and validated frame counts, the 2M entry and the owner;</li>
 * <li>TLB: the conflict classes (R19) of the entries over the cell, for one CPU or all.</li>
 * </ul>
 * Two cells differ when their signatures differ. Cells are compared at the layout's unit: a 2M
 * cell whose frames differ inside but whose counts agree does not differ at that zoom.
 */
public final class CellDiff {
    private CellDiff() {
    }

    /**
     * The cells (indexes into {@code l}) each run differs in from the first run: element {@code k > 0}
     * for run {@code k}; element 0, for the first run itself, is the union of the others (the cells
     * where any run differs from it).
     */
    public static List<BitSet> againstFirst(List<Simulation> sims, CellLayout l, int tlbCpu) {
        List<BitSet> out = new java.util.ArrayList<>();
        BitSet union = new BitSet((int) l.cells());
        out.add(union);
        if (sims.isEmpty()) {
            return out;
        }
        long[] first = signatures(sims.get(0), l, tlbCpu);
        for (int k = 1; k < sims.size(); k++) {
            long[] other = signatures(sims.get(k), l, tlbCpu);
            BitSet d = new BitSet(first.length);
            for (int i = 0; i < first.length; i++) {
                if (other[i] != first[i]) {
                    d.set(i);
                }
            }
            union.or(d);
            out.add(d);
        }
        return out;
    }

    /** One signature per cell of {@code l}. */
    public static long[] signatures(Simulation sim, CellLayout l, int tlbCpu) {
        int cells = (int) l.cells();
        long[] sig = new long[cells];
        DirectMap dm = sim.directMap();
        RmpTable rmp = sim.rmp();
        for (int i = 0; i < cells; i++) {
            long pfn = l.pfnOf(i);
            if (pfn >= dm.frames()) {
                continue;
            }
            sig[i] = switch (l.unit()) {
                case K4 -> frame(dm, rmp, pfn);
                case M2 -> region(dm, rmp, Pfns.region(pfn));
                case G1 -> gig(dm, rmp, Pfns.gig(pfn));
            };
        }
        byte[] tlb = new byte[cells];
        HeatMapRasterizer.tlbMasks(sim, l, tlbCpu, tlb);
        for (int i = 0; i < cells; i++) {
            sig[i] = mix(sig[i], tlb[i]);
        }
        return sig;
    }

    private static long frame(DirectMap dm, RmpTable rmp, long pfn) {
        RmpEntry e = rmp.entry(pfn);
        long s = mix(1, dm.frameState(pfn));
        s = mix(s, e.state().ordinal());
        s = mix(s, e.assigned() ? e.asid() : 0);
        return mix(s, e.pageSize() == PageSize.M2 ? 1 : 0);
    }

    private static long region(DirectMap dm, RmpTable rmp, int r) {
        PageSize leaf = dm.regionLeaf(r);
        long s = mix(2, leaf == null ? -1 : leaf.ordinal());
        s = mix(s, leaf == PageSize.K4 ? dm.notPresentCount(r) : 0);
        s = mix(s, dm.regionLeafPresent(r) ? 0 : 1);
        s = mix(s, rmp.assignedFramesIn(r));
        s = mix(s, rmp.assigned4kIn(r));
        s = mix(s, rmp.validatedFramesIn(r));
        s = mix(s, rmp.has2m(r) ? 1 : 0);
        return mix(s, rmp.regionAsid(r));
    }

    private static long gig(DirectMap dm, RmpTable rmp, int g) {
        long s = mix(3, dm.gigKind(g));
        s = mix(s, dm.leaves2mIn(g));
        s = mix(s, dm.tables4kIn(g));
        s = mix(s, dm.gigLeafPresent(g) ? 0 : 1);
        s = mix(s, dm.notPresent2mLeavesIn(g));
        s = mix(s, dm.notPresentInGig(g));
        return mix(s, rmp.assignedInGig(g));
    }

    /** A 64-bit mix (splitmix64 finaliser) so that different field values rarely collide. */
    private static long mix(long h, long v) {
        long z = h * 0x9E3779B97F4A7C15L + v + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Cells narrower than this get no mark on the state panes (it would hide the state): see the diff pane. */
    public static final int MIN_MARKED_SIDE = 6;

    /**
     * Marks the differing cells on a picture rasterized with {@code l} without hiding their state: a
     * thin inset outline in the text colour (a pattern nothing else on the map uses) on cells at
     * least {@link #MIN_MARKED_SIDE} pixels wide. Smaller cells are left as they are; the compare
     * picture's diff-only pane shows them.
     */
    public static void draw(int[] px, CellLayout l, BitSet diff, Palette pal) {
        if (l.side() < MIN_MARKED_SIDE) {
            return;
        }
        for (int i = diff.nextSetBit(0); i >= 0; i = diff.nextSetBit(i + 1)) {
            mark(px, l.width(), l.height(), l.xOf(i), l.yOf(i), l.side(), pal);
        }
    }

    /** The mark of one differing cell of side {@code s} at ({@code x}, {@code y}). */
    static void mark(int[] px, int w, int h, int x, int y, int s, Palette pal) {
        HeatMapRasterizer.border(px, w, h, x + 1, y + 1, s - 2, 1, pal.text());
    }

    /**
     * The diff-only view of {@code l}: each cell in the panel colour, differing cells (in {@code diff})
     * filled in the text colour, holes in the hole colour; the grid as on the maps.
     */
    public static void drawDiffOnly(Simulation reference, int[] px, CellLayout l, BitSet diff, Palette pal) {
        java.util.Arrays.fill(px, 0, l.width() * l.height(), pal.background());
        DirectMap dm = reference.directMap();
        int gap = l.side() >= 4 ? 1 : 0;
        for (int i = 0; i < l.cells(); i++) {
            long pfn = l.pfnOf(i);
            boolean hole = pfn >= dm.frames() || switch (l.unit()) {
                case K4 -> !dm.isRam(pfn);
                case M2 -> dm.ramCount(Pfns.region(pfn)) == 0;
                case G1 -> dm.ramCountInGig(Pfns.gig(pfn)) == 0;
            };
            int c = diff.get(i) ? pal.text() : hole ? Palette.HOLE.argb() : pal.panel();
            HeatMapRasterizer.fill(px, l.width(), l.height(), l.xOf(i), l.yOf(i), l.side() - gap, l.side() - gap, c);
        }
    }

}
