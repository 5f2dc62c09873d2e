package org.splitscope.render;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.event.AccessPurpose;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.PfnRange;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.Simulation;

import static org.assertj.core.api.Assertions.assertThat;

class HeatMapRasterizerTest {
    static final long GIB = Pfns.GIB;

    static Simulation sim(String policy) {
        return Simulation.booted(Sims.spec(MachineSpec.of(4 * GIB, 4), policy,
                List.of(Sims.guest(1, GIB, 2, PageSize.K4), Sims.guest(2, 512 * Pfns.MIB, 2, PageSize.M2)), List.of()));
    }

    static int[] render(Simulation s, CellLayout l, Set<Layer> layers, Overlay o) {
        int[] px = new int[l.width() * l.height()];
        new HeatMapRasterizer().render(s, l, layers, o, Palette.LIGHT, px);
        return px;
    }

    static int centre(CellLayout l, int[] px, long pfn) {
        long c = l.cellOf(pfn);
        return px[(l.yOf(c) + l.side() / 2) * l.width() + l.xOf(c) + l.side() / 2];
    }

    static int at(CellLayout l, int[] px, long pfn, int dx, int dy) {
        long c = l.cellOf(pfn);
        return px[(l.yOf(c) + dy) * l.width() + l.xOf(c) + dx];
    }

    @Test
    @DisplayName("the whole of RAM: 2M cells coloured by their leaf, 1G leaves in their colour")
    void leaves() {
        Simulation s = sim("none");
        CellLayout l = CellLayout.of(Viewport.whole(s.directMap().frames()), 1200, 700);
        assertThat(l.unit()).isEqualTo(PageSize.M2);
        int[] px = render(s, l, EnumSet.of(Layer.DIRECT_MAP), Overlay.NONE);
        assertThat(at(l, px, 0, 1, l.side() - 2)).isEqualTo(Palette.LEAF_4K.argb());
        assertThat(at(l, px, 512, 1, l.side() - 2)).isEqualTo(Palette.LEAF_2M.argb());
        assertThat(at(l, px, GIB / 4096, 1, l.side() - 2)).isEqualTo(Palette.LEAF_1G.argb());
    }

    @Test
    @DisplayName("a 1.5 TiB host fits: 1G cells when 2M ones would be too small; every pixel maps back to its cell")
    void bigHost() {
        Simulation s = Simulation.create(Sims.spec(MachineSpec.of(1536 * GIB, 8), "none", List.of(), List.of()));
        CellLayout l = CellLayout.of(Viewport.whole(s.directMap().frames()), 1920, 1080);
        assertThat(l.unit()).isIn(PageSize.M2, PageSize.G1);
        assertThat(l.cells() * l.unit().frames()).isGreaterThanOrEqualTo(s.directMap().frames());
        for (long c = 0; c < l.cells(); c += 97) {
            assertThat(l.cellAt(l.xOf(c) + l.side() / 2, l.yOf(c) + l.side() / 2)).isEqualTo(c);
        }
        int[] px = render(s, l, Layer.DEFAULT, Overlay.NONE);
        assertThat(centre(l, px, 3 * GIB / 4096)).isEqualTo(Palette.LEAF_1G.argb());
    }

    @Test
    @DisplayName("RMP layer: a 2M private entry is a solid inset in its guest's colour; 4K entries are dotted")
    void rmpInsets() {
        Simulation s = sim("split-on-demand");
        long r2 = 512 * 300;
        s.kernel().rmpMakePrivate(0, r2, PageSize.M2, 2, 0, PageSize.M2);
        long f = 512 * 301;
        for (int i = 0; i < 512; i++) {
            s.kernel().rmpMakePrivate(0, f + i, PageSize.K4, 1, i, PageSize.K4);
        }
        CellLayout l = CellLayout.of(Viewport.of(512 * 300, 512 * 302, s.directMap().frames()), 600, 300);
        assertThat(l.unit()).isEqualTo(PageSize.K4);
        CellLayout wide = CellLayout.of(Viewport.whole(s.directMap().frames()), 1600, 1000);
        int[] px = render(s, wide, EnumSet.of(Layer.DIRECT_MAP, Layer.RMP), Overlay.NONE);
        assertThat(centre(wide, px, r2)).isEqualTo(Palette.asidColor(2));
        int side = wide.side();
        int inset = Math.max(2, side * 3 / 5);
        boolean dotted = false;
        for (int d = 0; d < inset; d++) {
            int v = at(wide, px, f, (side - inset) / 2 + d, (side - inset) / 2 + 1);
            dotted |= v == Palette.lighten(Palette.asidColor(1), 150);
        }
        assertThat(dotted).as("4K entries are drawn dotted").isTrue();
        assertThat(at(wide, px, f, 1, side - 2)).isEqualTo(Palette.LEAF_4K.argb());   // split by the hook
    }

    @Test
    @DisplayName("a cell whose frames differ is striped in both colours (mixed), never one of them")
    void mixed() {
        Simulation s = sim("invalidate-noflush");
        long r = 512 * 40;
        s.kernel().rmpMakePrivate(0, r + 3, PageSize.K4, 1, 3, PageSize.K4);    // one PTE not present
        CellLayout l = CellLayout.of(Viewport.whole(s.directMap().frames()), 1600, 1000);
        int[] px = render(s, l, EnumSet.of(Layer.DIRECT_MAP), Overlay.NONE);
        Set<Integer> colours = new java.util.HashSet<>();
        long c = l.cellOf(r);
        for (int y = 2; y < l.side() - 2; y++) {
            for (int x = 2; x < l.side() - 2; x++) {
                colours.add(px[(l.yOf(c) + y) * l.width() + l.xOf(c) + x]);
            }
        }
        assertThat(colours).contains(Palette.LEAF_4K.argb(), Palette.NOT_PRESENT.argb());
        // zoomed in to 4K cells, the frame itself is plain "not present"
        CellLayout z = CellLayout.of(Viewport.of(r, r + 512, s.directMap().frames()), 640, 640);
        int[] zp = render(s, z, EnumSet.of(Layer.DIRECT_MAP), Overlay.NONE);
        assertThat(at(z, zp, r + 3, 2, z.side() - 3)).isEqualTo(Palette.NOT_PRESENT.argb());
        assertThat(at(z, zp, r + 4, 2, z.side() - 3)).isEqualTo(Palette.LEAF_4K.argb());
    }

    @Test
    @DisplayName("holes are drawn as holes")
    void holes() {
        Simulation s = Simulation.create(Sims.spec(MachineSpec.of(4 * GIB, 2).withHoles(
                List.of(PfnRange.ofBytes(3 * GIB, 512 * Pfns.MIB))), "none", List.of(), List.of()));
        CellLayout l = CellLayout.of(Viewport.whole(s.directMap().frames()), 1200, 800);
        int[] px = render(s, l, EnumSet.of(Layer.DIRECT_MAP), Overlay.NONE);
        assertThat(at(l, px, 3 * GIB / 4096, 1, l.side() - 2)).isEqualTo(Palette.HOLE.argb());
    }

    @Test
    @DisplayName("R17/R19: a 1G TLB entry marks as an RMP hazard only the cells of its 2M regions that hold an assigned frame")
    void oneGigHazardPerCell() {
        Simulation s = sim("none");
        long gig = GIB / 4096;                                          // the 1G leaf at 1 GiB
        s.rmp().rmpupdate(gig + 3, PageSize.K4, true, 1, 3, false);
        s.kernel().hostAccess(0, gig + 512 * 7, false, AccessPurpose.SCENARIO);   // CPU 0 caches the 1G entry
        CellLayout l = CellLayout.of(Viewport.of(gig, gig + 512 * 512, s.directMap().frames()), 128, 128);
        assertThat(l.unit()).isEqualTo(PageSize.M2);
        byte[] masks = new byte[(int) l.cells()];
        HeatMapRasterizer.tlbMasks(s, l, -1, masks);
        assertThat(masks[(int) l.cellOf(gig + 3)] & org.splitscope.core.tlb.TlbSet.RMP_HAZARD).isNotZero();
        assertThat(masks[(int) l.cellOf(gig + 512 * 7)] & org.splitscope.core.tlb.TlbSet.RMP_HAZARD).isZero();
        CellLayout whole = CellLayout.of(Viewport.whole(s.directMap().frames()), 8, 8);    // 1G cells
        assertThat(whole.unit()).isEqualTo(PageSize.G1);
        byte[] g = new byte[(int) whole.cells()];
        HeatMapRasterizer.tlbMasks(s, whole, -1, g);
        assertThat(g[(int) whole.cellOf(gig)] & org.splitscope.core.tlb.TlbSet.RMP_HAZARD).isNotZero();
    }

    @Test
    @DisplayName("a selection is outlined as one shape: cells inside it keep their own edges and marks")
    void selectionOutlinesTheShape() {
        Simulation s = sim("none");
        long r = 512 * 50;
        CellLayout l = CellLayout.of(Viewport.of(r, r + 512, s.directMap().frames()), 640, 640);
        assertThat(l.unit()).isEqualTo(PageSize.K4);
        Set<Layer> layers = EnumSet.of(Layer.DIRECT_MAP);
        int[] plain = render(s, l, layers, Overlay.NONE);
        int[] sel = render(s, l, layers, Overlay.NONE.withSelection(r, r + 512));
        long inner = l.cellOf(r + 5 * l.cols() + 5);                      // a cell with selected cells all around
        int x = l.xOf(inner);
        int y = l.yOf(inner);
        for (int k = -1; k <= l.side(); k++) {
            assertThat(sel[y * l.width() + x + k]).as("inner cell's top edge, x+%d", k).isEqualTo(plain[y * l.width() + x + k]);
            assertThat(sel[(y + k) * l.width() + x]).as("inner cell's left edge, y+%d", k).isEqualTo(plain[(y + k) * l.width() + x]);
        }
        long corner = l.cellOf(r);
        assertThat(sel[(l.yOf(corner) + l.side() / 2) * l.width() + l.xOf(corner) - 1]).as("the shape's outer edge")
                .isEqualTo(Palette.LIGHT.text());
    }

    @Test
    @DisplayName("TLB layer marks a stale entry's cell with a corner; fault layer crosses faulting frames")
    void tlbAndFaults() {
        Simulation s = sim("invalidate-noflush");
        long f = 512 * 50 + 7;
        s.kernel().setMemory4k(0, f, 1, true);
        s.kernel().hostAccess(2, f, false, AccessPurpose.SCENARIO);
        s.kernel().setDirectMapInvalidNoflush(0, f);                         // CPU 2's entry is now stale
        CellLayout l = CellLayout.of(Viewport.of(512 * 50, 512 * 51, s.directMap().frames()), 640, 640);
        int[] px = render(s, l, EnumSet.of(Layer.DIRECT_MAP, Layer.TLB, Layer.FAULTS),
                Overlay.NONE.withTlbCpu(-1));
        assertThat(at(l, px, f, 1, 1)).isEqualTo(Palette.TLB_STALE.argb());
        int[] onlyCpu0 = render(s, l, EnumSet.of(Layer.DIRECT_MAP, Layer.TLB), Overlay.NONE.withTlbCpu(0));
        assertThat(at(l, onlyCpu0, f, 1, 1)).isNotEqualTo(Palette.TLB_STALE.argb());
        Overlay faults = new Overlay(new long[] {f + 1}, new long[0], new long[0], new int[0], new int[0], 1, -1, -1, -1, -1, -1);
        int[] fx = render(s, l, EnumSet.of(Layer.DIRECT_MAP, Layer.FAULTS), faults);
        long c = l.cellOf(f + 1);
        int mid = l.side() / 2;
        assertThat(fx[(l.yOf(c) + mid) * l.width() + l.xOf(c) + mid]).isIn(Palette.BLACK, Palette.WHITE);
    }

    @Test
    @DisplayName("zoomed-in cells print their letter; tiny cells show the most important layer alone")
    void lettersAndPriority() {
        Simulation s = sim("none");
        CellLayout big = CellLayout.of(Viewport.of(512, 1024, s.directMap().frames()), 1200, 1200);
        assertThat(big.side()).isGreaterThanOrEqualTo(16);
        int[] px = render(s, big, EnumSet.of(Layer.DIRECT_MAP), Overlay.NONE);
        long c = big.cellOf(600);
        int letterPixels = 0;
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 8; x++) {
                if (px[(big.yOf(c) + 1 + y) * big.width() + big.xOf(c) + 2 + x] == Palette.contrast(Palette.LEAF_2M.argb())) {
                    letterPixels++;
                }
            }
        }
        assertThat(letterPixels).as("an 'M' is drawn").isGreaterThan(8);
        s.kernel().rmpMakePrivate(0, 2048, PageSize.K4, 1, 0, PageSize.K4);
        CellLayout tiny = CellLayout.of(Viewport.whole(s.directMap().frames()), 200, 150);
        assertThat(tiny.side()).isLessThan(4);
        int[] tp = render(s, tiny, EnumSet.of(Layer.DIRECT_MAP, Layer.RMP), Overlay.NONE);
        assertThat(centre(tiny, tp, 2048)).isEqualTo(Palette.asidColor(1));
    }

    @Test
    @DisplayName("selection outline, and the export composition's header and legend")
    void composition() {
        Simulation s = sim("none");
        ExportComposer.Picture p = new ExportComposer().compose(s, new ExportComposer.Header("Title", "id", "none", 3, 9,
                "A caption", "0123456789abcdef", "figures", "host CPU 0 writes 0x20005  ->  no fault"), Viewport.whole(s.directMap().frames()), Layer.DEFAULT,
                Overlay.NONE.withSelection(512, 1024), Palette.LIGHT, 1000, 700);
        assertThat(p.pixels()).hasSize(1000 * 700);
        int textPixels = 0;
        for (int x = 0; x < 400; x++) {
            for (int y = 8; y < 21; y++) {
                textPixels += p.pixels()[y * 1000 + x] == Palette.LIGHT.text() ? 1 : 0;
            }
        }
        assertThat(textPixels).as("the title is drawn").isGreaterThan(50);
        CellLayout l = p.map();
        long c = l.cellOf(512);
        int ox = p.mapX() + l.xOf(c) - 1;
        int oy = p.mapY() + l.yOf(c) - 1;
        assertThat(p.pixels()[oy * 1000 + ox + l.side() / 2]).isEqualTo(Palette.LIGHT.text());
    }

    @Test
    @DisplayName("a rectangle wholly outside the picture draws nothing (an outline at the right edge)")
    void fillOutside() {
        int[] px = new int[10 * 4];
        HeatMapRasterizer.fill(px, 10, 4, 12, 0, 1, 2, 0xFF000000);
        HeatMapRasterizer.fill(px, 10, 4, -5, 0, 3, 2, 0xFF000000);
        HeatMapRasterizer.fill(px, 10, 4, 9, 0, 3, 1, 0xFF000000);
        assertThat(java.util.Arrays.stream(px).filter(p -> p != 0).count()).isEqualTo(1);
        assertThat(px[9]).isEqualTo(0xFF000000);
    }
}
