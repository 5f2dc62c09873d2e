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

    /**
     * Marks the differing cells on a picture rasterized with {@code l}: a dashed frame inside each
     * cell (text colour and background in turn) when cells are at least 6 pixels wide, else a dot in
     * the text colour at the cell's centre.
     */
    public static void draw(int[] px, CellLayout l, BitSet diff, Palette pal) {
        int w = l.width();
        int h = l.height();
        int side = l.side();
        for (int i = diff.nextSetBit(0); i >= 0; i = diff.nextSetBit(i + 1)) {
            int x = l.xOf(i);
            int y = l.yOf(i);
            if (side >= 6) {
                int t = side >= 14 ? 2 : 1;
                for (int k = 0; k < side; k++) {
                    int c = (k / 3) % 2 == 0 ? pal.text() : pal.background();
                    HeatMapRasterizer.fill(px, w, h, x + k, y, 1, t, c);
                    HeatMapRasterizer.fill(px, w, h, x + k, y + side - t, 1, t, c);
                    HeatMapRasterizer.fill(px, w, h, x, y + k, t, 1, c);
                    HeatMapRasterizer.fill(px, w, h, x + side - t, y + k, t, 1, c);
                }
            } else {
                int d = Math.max(1, side / 2);
                HeatMapRasterizer.fill(px, w, h, x + (side - d) / 2, y + (side - d) / 2, d, d, pal.text());
            }
        }
    }
}
