package org.splitscope.render;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** The compare view's diff overlay: exactly the cells that differ, on state and on pixels. */
class CellDiffTest {
    static Simulation at(String scenario, String policy, long step) throws Exception {
        Scenario s = BuiltinScenarios.load(scenario);
        Simulation sim = Simulation.booted(s.toSpec(policy, null));
        sim.runTo(step);
        return sim;
    }

    /** Conflict classes of every CPU's entries over one frame, found entry by entry (R19). */
    static int tlbClasses(Simulation s, long pfn) {
        TlbSet tlb = s.tlb();
        int m = 0;
        for (int cpu = 0; cpu < tlb.cpus(); cpu++) {
            for (PageSize size : PageSize.values()) {
                if (tlb.holds(cpu, size, pfn)) {
                    m |= tlb.classify(cpu, size, size.base(pfn));
                }
            }
        }
        return m;
    }

    /** The frames of a 4K layout that differ, found frame by frame from the core's own answers. */
    static BitSet expected4k(Simulation a, Simulation b, CellLayout l) {
        BitSet out = new BitSet();
        for (int i = 0; i < l.cells(); i++) {
            long p = l.pfnOf(i);
            boolean differs = a.directMap().frameState(p) != b.directMap().frameState(p)
                    || !a.rmp().entry(p).state().equals(b.rmp().entry(p).state())
                    || a.rmp().entry(p).pageSize() != b.rmp().entry(p).pageSize()
                    || a.rmp().asid(p) != b.rmp().asid(p)
                    || tlbClasses(a, p) != tlbClasses(b, p);
            if (differs) {
                out.set(i);
            }
        }
        return out;
    }

    /** Cells of {@code l} in which at least one pixel differs between two pictures. */
    static BitSet changedCells(CellLayout l, int[] x, int[] y) {
        BitSet out = new BitSet();
        for (int i = 0; i < l.cells(); i++) {
            int cx = l.xOf(i);
            int cy = l.yOf(i);
            for (int yy = cy; yy < cy + l.side() && !out.get(i); yy++) {
                for (int xx = cx; xx < cx + l.side(); xx++) {
                    if (x[yy * l.width() + xx] != y[yy * l.width() + xx]) {
                        out.set(i);
                        break;
                    }
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("whole RAM, overlap-crash at the fault: only the 2M region that split under split-on-demand differs")
    void oneRegion() throws Exception {
        Simulation none = at("overlap-crash", "none", 5);
        Simulation sod = at("overlap-crash", "split-on-demand", 5);
        CellLayout l = CellLayout.of(Viewport.whole(none.directMap().frames()), 800, 600);
        assertThat(l.unit()).isEqualTo(PageSize.M2);
        List<BitSet> d = CellDiff.againstFirst(List.of(none, sod), l, -1);
        BitSet expected = new BitSet();
        expected.set((int) l.cellOf(0x20000));
        assertThat(d.get(1)).isEqualTo(expected);
        assertThat(d.get(0)).as("the reference marks what differs in any other").isEqualTo(expected);
        assertThat(none.directMap().regionLeaf(Pfns.region(0x20000))).isEqualTo(PageSize.M2);
        assertThat(sod.directMap().regionLeaf(Pfns.region(0x20000))).isEqualTo(PageSize.K4);
    }

    @Test
    @DisplayName("4K cells: the marked frames are exactly those whose leaf, RMP state or TLB conflicts differ")
    void exactFrames() throws Exception {
        Simulation noflush = at("stale-tlb", "invalidate-noflush", 7);
        Simulation flush = at("stale-tlb", "invalidate-flush", 7);
        CellLayout l = CellLayout.of(Viewport.of(0x30000, 0x30200, noflush.directMap().frames()), 640, 640);
        assertThat(l.unit()).isEqualTo(PageSize.K4);
        BitSet d = CellDiff.againstFirst(List.of(noflush, flush), l, -1).get(1);
        assertThat(d).isEqualTo(expected4k(noflush, flush, l));
        assertThat(d.get((int) l.cellOf(0x30010))).as("the stale entry over 0x30010").isTrue();
        assertThat(d.cardinality()).isLessThan(512);

        Simulation none = at("overlap-crash", "none", 5);
        Simulation sod = at("overlap-crash", "split-on-demand", 5);
        CellLayout r = CellLayout.of(Viewport.of(0x20000, 0x20200, none.directMap().frames()), 640, 640);
        BitSet all = CellDiff.againstFirst(List.of(none, sod), r, -1).get(1);
        assertThat(all).isEqualTo(expected4k(none, sod, r));
        assertThat(all.cardinality()).as("every frame of the split region changed leaf").isEqualTo(512);
    }

    @Test
    @DisplayName("the same policy twice differs nowhere")
    void identical() throws Exception {
        Simulation a = at("multi-guest", "split-on-demand", 3000);
        Simulation b = at("multi-guest", "split-on-demand", 3000);
        CellLayout l = CellLayout.of(Viewport.whole(a.directMap().frames()), 900, 600);
        assertThat(CellDiff.againstFirst(List.of(a, b), l, -1).get(1).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("on the pixels: drawing the overlay changes exactly the differing cells, at 4K and at 2M cells")
    void pixels() throws Exception {
        Simulation noflush = at("stale-tlb", "invalidate-noflush", 7);
        Simulation flush = at("stale-tlb", "invalidate-flush", 7);
        for (CellLayout l : List.of(CellLayout.of(Viewport.of(0x30000, 0x30200, noflush.directMap().frames()), 640, 640),
                CellLayout.of(Viewport.whole(noflush.directMap().frames()), 900, 600))) {
            BitSet d = CellDiff.againstFirst(List.of(noflush, flush), l, -1).get(1);
            assertThat(d.isEmpty()).isFalse();
            int[] plain = new int[l.width() * l.height()];
            new HeatMapRasterizer().render(flush, l, Layer.DEFAULT, Overlay.NONE, Palette.LIGHT, plain);
            int[] marked = plain.clone();
            CellDiff.draw(marked, l, d, Palette.LIGHT);
            assertThat(changedCells(l, plain, marked)).isEqualTo(d);
        }
    }

    @Test
    @DisplayName("the compare picture marks each pane's cells that differ from the first policy, and those only")
    void composedPanes() throws Exception {
        Scenario s = BuiltinScenarios.load("overlap-crash");
        List<Timeline> runs = new ArrayList<>();
        for (String p : List.of("none", "split-on-demand", "split-physmap")) {
            Timeline t = Timeline.open(s.toSpec(p, null));
            t.seek(5);
            runs.add(t);
        }
        long frames = runs.get(0).simulation().directMap().frames();
        Pictures.Spec spec = new Pictures.Spec(s.title(), s.id(), s.description(), Viewport.of(0x20000, 0x20200, frames),
                Layer.DEFAULT, -1, Palette.LIGHT, 1500, 900);
        CompareComposer.Picture pic = Pictures.compare(runs, spec);
        assertThat(pic.maps()).hasSize(3);
        assertThat(pic.width()).isEqualTo(1500);
        assertThat(pic.pixels()).hasSize(1500 * 900);
        List<Simulation> sims = runs.stream().map(Timeline::simulation).toList();
        List<BitSet> expected = CellDiff.againstFirst(sims, pic.maps().get(0), -1);
        assertThat(pic.diff()).isEqualTo(expected);
        // every pane of the picture: the marked cells are the pane's own diff
        for (int k = 0; k < 3; k++) {
            CellLayout l = pic.maps().get(k);
            int[] pane = new int[l.width() * l.height()];
            for (int row = 0; row < l.height(); row++) {
                System.arraycopy(pic.pixels(), (pic.mapY()[k] + row) * pic.width() + pic.mapX()[k], pane, row * l.width(),
                        l.width());
            }
            int[] plain = new int[pane.length];
            new HeatMapRasterizer().render(sims.get(k), l, Layer.DEFAULT,
                    org.splitscope.render.OverlayBuilder.build(runs.get(k), Pictures.ACTIVITY_WINDOW), Palette.LIGHT, plain);
            assertThat(changedCells(l, plain, pane)).as("pane " + k).isEqualTo(expected.get(k));
        }
    }
}
