package org.splitscope.render;

import java.util.Arrays;
import java.util.Set;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.tlb.TlbSet;

/**
 * Draws the heat map of a simulation into an ARGB int array (STYLE.md principle 5): one cell per 4K
 * frame, 2M region or 1G region (per {@link CellLayout}), coloured by the enabled {@link Layer}s.
 * The direct-map leaf fills the cell; RMP ownership is an inset (solid for a 2M entry, dotted for
 * 4K entries, small when only some frames are private); TLB conflicts are corner marks and a
 * border; faults are crosses; recent activity lightens the cell. A cell whose frames differ is
 * striped in both colours. Cells too small for that show the most important layer alone. Zoomed-in
 * cells also print letters, so no information is carried by colour alone.
 *
 * <p>Every question per cell is answered from per-region and per-1G summaries, so a zoomed-out map of
 * a 1.5 TiB host never walks frames. Not thread-safe: one rasterizer per thread; it reads the
 * simulation, so call it on the simulation's thread.
 */
public final class HeatMapRasterizer {
    // summary of the current cell (no object per cell)
    private int dmColor;
    private int dmColor2;
    private char dmLetter;
    private int rmpKind;                 // 0 none, 1 some, 2 all via 4K entries, 3 2M entry
    private int rmpAsid;                 // -1 several
    private byte[] tlbMask = new byte[0];
    private byte[] marks = new byte[0];  // 1 rmp fault, 2 np fault
    private int[] activity = new int[0];

    public void render(Simulation sim, CellLayout l, Set<Layer> layers, Overlay o, Palette pal, int[] out) {
        int w = l.width();
        int h = l.height();
        if (out.length < w * h) {
            throw new IllegalArgumentException("pixel array too small");
        }
        Arrays.fill(out, 0, w * h, pal.background());
        int cells = (int) l.cells();
        prepareOverlays(sim, l, layers, o, cells);
        boolean dm = layers.contains(Layer.DIRECT_MAP);
        boolean rmp = layers.contains(Layer.RMP);
        boolean tlb = layers.contains(Layer.TLB);
        boolean faults = layers.contains(Layer.FAULTS);
        boolean act = layers.contains(Layer.ACTIVITY);
        int side = l.side();
        for (int i = 0; i < cells; i++) {
            summarize(sim, l, i);
            int x = l.xOf(i);
            int y = l.yOf(i);
            int base = dm ? dmColor : (dmColor == Palette.HOLE.argb() ? Palette.HOLE.argb() : pal.panel());
            if (side < 4) {
                int c = base;
                if (rmp && rmpKind > 0) {
                    c = Palette.asidColor(rmpAsid);
                }
                if (tlb && tlbMask[i] != 0) {
                    c = (tlbMask[i] & TlbSet.RMP_HAZARD) != 0 ? Palette.TLB_HAZARD.argb()
                            : (tlbMask[i] & TlbSet.STALE) != 0 ? Palette.TLB_STALE.argb() : Palette.TLB_MIXED.argb();
                }
                if (faults && marks[i] != 0) {
                    c = Palette.BLACK;
                }
                if (act && activity[i] > 0) {
                    c = Palette.lighten(c, activity[i]);
                }
                fill(out, w, h, x, y, side, side, c);
                continue;
            }
            if (dm && dmColor2 != 0) {
                stripes(out, w, h, x, y, side, dmColor, dmColor2);
            } else {
                fill(out, w, h, x, y, side, side, base);
            }
            if (rmp && rmpKind > 0) {
                int c = Palette.asidColor(rmpAsid);
                if (rmpKind == 1) {
                    int s = Math.max(2, side / 3);
                    fill(out, w, h, x + (side - s) / 2, y + (side - s) / 2, s, s, c);
                } else {
                    int s = Math.max(2, side * 3 / 5);
                    int ix = x + (side - s) / 2;
                    int iy = y + (side - s) / 2;
                    if (rmpKind == 3) {
                        fill(out, w, h, ix, iy, s, s, c);
                    } else {
                        dotted(out, w, h, ix, iy, s, c);
                    }
                }
            }
            if (tlb && tlbMask[i] != 0) {
                int m = tlbMask[i];
                if ((m & TlbSet.RMP_HAZARD) != 0) {
                    border(out, w, h, x, y, side, side >= 10 ? 2 : 1, Palette.TLB_HAZARD.argb());
                }
                if ((m & TlbSet.STALE) != 0) {
                    corner(out, w, h, x, y, side, false, Palette.TLB_STALE.argb());
                }
                if ((m & TlbSet.MIXED_SIZE) != 0) {
                    corner(out, w, h, x, y, side, true, Palette.TLB_MIXED.argb());
                }
            }
            if (act && activity[i] > 0) {
                lightenRect(out, w, h, x, y, side, activity[i] / 2);
            }
            if (faults && marks[i] != 0) {
                cross(out, w, h, x, y, side, (marks[i] & 1) != 0);
            }
            if (side >= 16) {
                GlyphFont f = GlyphFont.regular(Math.min(16, side * 2 / 3));
                if (dm) {
                    f.draw(out, w, h, x + 2, y, String.valueOf(dmLetter), Palette.contrast(dmColor));
                }
                if (rmp && rmpKind > 0 && side >= 24) {
                    String a = rmpAsid > 0 ? Integer.toString(rmpAsid) : "*";
                    int bg = Palette.asidColor(rmpAsid);
                    f.draw(out, w, h, x + side - 2 - f.width(a), y + side - f.lineHeight() - 1, a, Palette.contrast(bg));
                }
            }
        }
        grid(l, pal, out);
        outline(l, o.selectFrom(), o.selectTo(), pal.text(), pal.text(), out);
        // the highlighted event's frames: dashed, so it never reads as a TLB-conflict colour
        outline(l, o.highlightFrom(), o.highlightTo(), pal.text(), pal.background(), out);
    }

    // ---- per-cell summaries --------------------------------------------------------------------

    private void summarize(Simulation sim, CellLayout l, int cell) {
        DirectMap dm = sim.directMap();
        RmpTable rmp = sim.rmp();
        long pfn = l.pfnOf(cell);
        dmColor2 = 0;
        rmpKind = 0;
        rmpAsid = 0;
        if (pfn >= dm.frames()) {
            set(Palette.HOLE);
            return;
        }
        switch (l.unit()) {
            case K4 -> {
                switch (dm.frameState(pfn)) {
                    case DirectMap.IN_1G -> set(Palette.LEAF_1G);
                    case DirectMap.IN_2M -> set(Palette.LEAF_2M);
                    case DirectMap.PTE_PRESENT -> set(Palette.LEAF_4K);
                    case DirectMap.PTE_NOT_PRESENT, DirectMap.IN_2M_NOT_PRESENT, DirectMap.IN_1G_NOT_PRESENT ->
                            set(Palette.NOT_PRESENT);
                    default -> set(Palette.HOLE);
                }
                if (rmp.assigned(pfn)) {
                    rmpKind = rmp.has2m(Pfns.region(pfn)) ? 3 : 2;
                    rmpAsid = rmp.asid(pfn);
                }
            }
            case M2 -> {
                int r = Pfns.region(pfn);
                region(dm, r);
                regionRmp(rmp, r);
            }
            case G1 -> {
                int g = Pfns.gig(pfn);
                gig(dm, g);
                gigRmp(dm, rmp, g);
            }
        }
    }

    private void set(Palette.Entry e) {
        dmColor = e.argb();
        dmLetter = e.letter();
    }

    private void mixed(Palette.Entry a, Palette.Entry b) {
        dmColor = a.argb();
        dmColor2 = b.argb();
        dmLetter = Palette.MIXED.letter();
    }

    private void region(DirectMap dm, int r) {
        int ram = dm.ramCount(r);
        PageSize leaf = dm.regionLeaf(r);
        if (leaf == null || ram == 0) {
            set(Palette.HOLE);
        } else if (!dm.regionLeafPresent(r)) {
            set(Palette.NOT_PRESENT);                   // a whole 2M or 1G leaf made not present (R28)
        } else if (leaf == PageSize.G1) {
            set(Palette.LEAF_1G);
        } else if (leaf == PageSize.M2) {
            set(Palette.LEAF_2M);
        } else {
            int np = dm.notPresentCount(r);
            if (np == 0) {
                set(Palette.LEAF_4K);
            } else if (np == ram) {
                set(Palette.NOT_PRESENT);
            } else {
                mixed(Palette.LEAF_4K, Palette.NOT_PRESENT);
            }
            if (ram < Pfns.FRAMES_PER_2M && dmColor2 == 0) {
                mixed(np == ram ? Palette.NOT_PRESENT : Palette.LEAF_4K, Palette.HOLE);
            }
        }
    }

    private void regionRmp(RmpTable rmp, int r) {
        if (!rmp.anyAssigned(r)) {
            return;
        }
        rmpAsid = rmp.regionAsid(r);
        if (rmp.has2m(r)) {
            rmpKind = 3;
        } else {
            rmpKind = rmp.assigned4kIn(r) == Pfns.FRAMES_PER_2M ? 2 : 1;
        }
    }

    /**
     * A 1G cell: one state when all its RAM is in one (1G, 2M, 4K or not present, R28), else mixed
     * with the first two states found; holes make it mixed too.
     */
    private void gig(DirectMap dm, int g) {
        byte k = dm.gigKind(g);
        if (k == DirectMap.LEAF_1G) {
            set(dm.gigLeafPresent(g) ? Palette.LEAF_1G : Palette.NOT_PRESENT);
            return;
        }
        int ram = dm.ramCountInGig(g);
        if (k == DirectMap.NONE || ram == 0) {
            set(Palette.HOLE);
            return;
        }
        int leaves = dm.leaves2mIn(g);
        int np2m = dm.notPresent2mLeavesIn(g);
        long framesIn4k = ram - (long) leaves * Pfns.FRAMES_PER_2M;
        int npPtes = dm.notPresentInGig(g);
        Palette.Entry first = null;
        Palette.Entry second = null;
        for (Palette.Entry e : new Palette.Entry[] {
                leaves > np2m ? Palette.LEAF_2M : null,
                framesIn4k > npPtes ? Palette.LEAF_4K : null,
                np2m > 0 || npPtes > 0 ? Palette.NOT_PRESENT : null}) {
            if (e != null && first == null) {
                first = e;
            } else if (e != null && second == null) {
                second = e;
            }
        }
        if (second != null) {
            mixed(first, second);
        } else {
            set(first);
            if (ram < Pfns.FRAMES_PER_1G) {
                mixed(first, Palette.HOLE);
            }
        }
    }

    private void gigRmp(DirectMap dm, RmpTable rmp, int g) {
        int assigned = rmp.assignedInGig(g);
        if (assigned == 0) {
            return;
        }
        rmpKind = assigned >= dm.ramCountInGig(g) ? 2 : 1;
        int first = g * Pfns.REGIONS_PER_1G;
        int last = Math.min(dm.regions(), first + Pfns.REGIONS_PER_1G);
        int asid = 0;
        boolean all2m = true;
        for (int r = first; r < last; r++) {
            int a = rmp.regionAsid(r);
            if (a == 0) {
                continue;
            }
            all2m &= rmp.has2m(r);
            if (a < 0 || (asid != 0 && a != asid)) {
                asid = -1;
                break;
            }
            asid = a;
        }
        rmpAsid = asid;
        if (rmpKind == 2 && all2m) {
            rmpKind = 3;
        }
    }

    // ---- overlays ------------------------------------------------------------------------------

    private void prepareOverlays(Simulation sim, CellLayout l, Set<Layer> layers, Overlay o, int cells) {
        if (tlbMask.length < cells) {
            tlbMask = new byte[cells];
            marks = new byte[cells];
            activity = new int[cells];
        } else {
            Arrays.fill(tlbMask, 0, cells, (byte) 0);
            Arrays.fill(marks, 0, cells, (byte) 0);
            Arrays.fill(activity, 0, cells, 0);
        }
        if (layers.contains(Layer.TLB)) {
            tlbMasks(sim, l, o.tlbCpu(), tlbMask);
        }
        for (long pfn : o.rmpFaults()) {
            long c = l.cellOf(pfn);
            if (c >= 0) {
                marks[(int) c] |= 1;
            }
        }
        for (long pfn : o.npFaults()) {
            long c = l.cellOf(pfn);
            if (c >= 0) {
                marks[(int) c] |= 2;
            }
        }
        Viewport vp = l.viewport();
        for (int i = 0; i < o.activity().length; i++) {
            long from = Math.max(o.activity()[i], vp.start());
            long to = Math.min(o.activity()[i] + o.activityCount()[i], vp.end());
            long c0 = from < to ? l.cellOf(from) : -1;
            long c1 = from < to ? l.cellOf(to - 1) : -1;
            if (c0 < 0 || c1 < 0) {
                continue;
            }
            int v = 200 * (o.activityWindow() - o.activityAge()[i]) / Math.max(1, o.activityWindow());
            for (long c = c0; c <= c1; c++) {
                activity[(int) c] = Math.max(activity[(int) c], v);
            }
        }
    }

    /** ORs into {@code out[cell]} the conflict classes (R19) of the TLB entries over each cell. */
    static void tlbMasks(Simulation sim, CellLayout l, int cpu, byte[] out) {
        TlbSet tlb = sim.tlb();
        tlb.forEach(cpu, (c, size, base) -> {
            int m = tlb.classify(c, size, base);
            if (m == 0) {
                return;
            }
            long from = Math.max(base, l.viewport().start());
            long to = Math.min(base + size.frames(), l.viewport().end());
            // a 1G entry is a hazard only for writes into its 2M regions that hold an assigned frame
            // (R17), so each cell asks for its own frames (TlbSet.classifyFor)
            boolean perCell = size == PageSize.G1 && (m & TlbSet.RMP_HAZARD) != 0;
            for (long p = from; p < to; ) {
                long cell = l.cellOf(p);
                long next = l.pfnOf(cell + 1);
                int cm = perCell && !tlb.hazardFor(size, base, l.pfnOf(cell), next) ? m & ~TlbSet.RMP_HAZARD : m;
                out[(int) cell] |= (byte) cm;
                p = next;
            }
        });
    }

    // ---- drawing primitives --------------------------------------------------------------------

    static void fill(int[] px, int w, int h, int x, int y, int rw, int rh, int c) {
        int x0 = Math.max(0, x);
        int x1 = Math.min(w, x + rw);
        int y1 = Math.min(h, y + rh);
        if (x1 <= x0) {
            return;                                         // entirely left or right of the picture
        }
        for (int yy = Math.max(0, y); yy < y1; yy++) {
            Arrays.fill(px, yy * w + x0, yy * w + x1, c);
        }
    }

    static void stripes(int[] px, int w, int h, int x, int y, int s, int a, int b) {
        int period = Math.max(2, s / 4);
        for (int yy = 0; yy < s; yy++) {
            int py = y + yy;
            if (py < 0 || py >= h) {
                continue;
            }
            for (int xx = 0; xx < s; xx++) {
                int pxX = x + xx;
                if (pxX >= 0 && pxX < w) {
                    px[py * w + pxX] = ((xx + yy) / period & 1) == 0 ? a : b;
                }
            }
        }
    }

    static void dotted(int[] px, int w, int h, int x, int y, int s, int c) {
        int light = Palette.lighten(c, 150);
        for (int yy = 0; yy < s; yy++) {
            int py = y + yy;
            if (py < 0 || py >= h) {
                continue;
            }
            for (int xx = 0; xx < s; xx++) {
                int pxX = x + xx;
                if (pxX >= 0 && pxX < w) {
                    boolean dot = s < 6 ? ((xx + yy) & 1) == 0 : (xx % 3 == 1 && yy % 3 == 1);
                    px[py * w + pxX] = dot ? light : c;
                }
            }
        }
    }

    static void border(int[] px, int w, int h, int x, int y, int s, int t, int c) {
        fill(px, w, h, x, y, s, t, c);
        fill(px, w, h, x, y + s - t, s, t, c);
        fill(px, w, h, x, y, t, s, c);
        fill(px, w, h, x + s - t, y, t, s, c);
    }

    static void corner(int[] px, int w, int h, int x, int y, int s, boolean right, int c) {
        int n = Math.max(2, s / 2);
        for (int yy = 0; yy < n; yy++) {
            int len = n - yy;
            int start = right ? x + s - len : x;
            fill(px, w, h, start, y + yy, len, 1, c);
        }
    }

    static void lightenRect(int[] px, int w, int h, int x, int y, int s, int amount) {
        for (int yy = Math.max(0, y); yy < Math.min(h, y + s); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(w, x + s); xx++) {
                px[yy * w + xx] = Palette.lighten(px[yy * w + xx], amount);
            }
        }
    }

    static void cross(int[] px, int w, int h, int x, int y, int s, boolean big) {
        int n = big ? s : Math.max(3, s / 2);
        int ox = x + (s - n) / 2;
        int oy = y + (s - n) / 2;
        int t = Math.max(1, n / 8);
        for (int i = 0; i < n; i++) {
            for (int d = -t; d <= t; d++) {
                int c = Math.abs(d) == t ? Palette.WHITE : Palette.BLACK;
                plot(px, w, h, ox + i + d, oy + i, c);
                plot(px, w, h, ox + n - 1 - i + d, oy + i, c);
            }
        }
    }

    private static void plot(int[] px, int w, int h, int x, int y, int c) {
        if (x >= 0 && y >= 0 && x < w && y < h) {
            px[y * w + x] = c;
        }
    }

    /** Lines between 2M regions (4K cells) or 1G regions (2M cells); thin cell borders when cells are big. */
    private static void grid(CellLayout l, Palette pal, int[] px) {
        int w = l.width();
        int h = l.height();
        int side = l.side();
        long majorEvery = l.unit() == PageSize.K4 ? Pfns.FRAMES_PER_2M : l.unit() == PageSize.M2 ? Pfns.REGIONS_PER_1G : 0;
        int gridX1 = l.originX() + (int) Math.min(l.cols(), l.cells()) * side;
        int gridY1 = l.originY() + l.rows() * side;
        if (side >= 6) {
            for (int c = 0; c <= Math.min(l.cols(), l.cells()); c++) {
                fill(px, w, h, l.originX() + c * side, l.originY(), 1, gridY1 - l.originY(), pal.grid());
            }
            for (int r = 0; r <= l.rows(); r++) {
                fill(px, w, h, l.originX(), l.originY() + r * side, gridX1 - l.originX(), 1, pal.grid());
            }
        }
        if (majorEvery > 0) {
            if (l.cols() <= majorEvery) {
                long rowsPer = majorEvery / l.cols();
                for (long r = rowsPer; r < l.rows(); r += rowsPer) {
                    fill(px, w, h, l.originX(), l.originY() + (int) r * side, gridX1 - l.originX(), side >= 4 ? 2 : 1,
                            pal.gridMajor());
                }
            } else {
                for (long c = majorEvery; c < l.cols(); c += majorEvery) {
                    fill(px, w, h, l.originX() + (int) c * side, l.originY(), side >= 4 ? 2 : 1, gridY1 - l.originY(),
                            pal.gridMajor());
                }
            }
        }
    }

    /**
     * Outlines the cells of [from, to) as one shape: only the edges between a cell of the range and one
     * outside it are drawn, so a range of many small cells keeps every cell's own marks visible inside
     * (a frame around each 4K cell of a selected 2M region would hide their fills and TLB borders).
     * Solid when {@code c1 == c2}, else dashed in the two colours.
     */
    private static void outline(CellLayout l, long from, long to, int c1, int c2, int[] px) {
        if (from < 0 || to <= from) {
            return;
        }
        long a = Math.max(from, l.viewport().start());
        long b = Math.min(to, l.viewport().end());
        if (a >= b) {
            return;
        }
        long first = l.cellOf(a);
        long last = l.cellOf(b - 1);
        int t = l.side() >= 8 ? 2 : 1;
        int cols = l.cols();
        int s = l.side() + 2 * t;
        for (long i = first; i <= last; i++) {
            int x = l.xOf(i) - t;
            int y = l.yOf(i) - t;
            long col = i % cols;
            boolean left = col == 0 || i - 1 < first;
            boolean right = col == cols - 1 || i + 1 > last;
            boolean top = i - cols < first;
            boolean bottom = i + cols > last;
            if (!(left || right || top || bottom)) {
                continue;
            }
            for (int k = 0; k < s; k++) {
                int c = c1 == c2 || (k / 3) % 2 == 0 ? c1 : c2;
                if (top) {
                    fill(px, l.width(), l.height(), x + k, y, 1, t, c);
                }
                if (bottom) {
                    fill(px, l.width(), l.height(), x + k, y + s - t, 1, t, c);
                }
                if (left) {
                    fill(px, l.width(), l.height(), x, y + k, t, 1, c);
                }
                if (right) {
                    fill(px, l.width(), l.height(), x + s - t, y + k, t, 1, c);
                }
            }
        }
    }
}
