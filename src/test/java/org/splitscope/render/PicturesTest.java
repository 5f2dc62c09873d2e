package org.splitscope.render;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.history.Timeline;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Pictures for reviews (issue 13, item 5): type that reads, a legend that fits, axes, no stray marks. */
class PicturesTest {
    static Timeline at(String scenario, String policy, long step) throws Exception {
        Scenario s = BuiltinScenarios.load(scenario);
        Timeline t = Timeline.open(s.toSpec(policy, null));
        t.seek(step);
        return t;
    }

    static Pictures.Spec spec(Timeline t, Viewport vp, int w, int h) {
        return new Pictures.Spec("title", "id", "description", vp, Layer.DEFAULT, -1, Palette.LIGHT, w, h);
    }

    @Test
    @DisplayName("a picture says what the step came to under its policy, as the app's step line does")
    void saysWhatTheStepCameTo() throws Exception {
        Timeline none = at("overlap-crash", "none", 5);
        Timeline split = at("overlap-crash", "split-on-demand", 5);
        assertThat(Pictures.outcome(none)).isEqualTo(none.simulation().step(4).describe() + "  ->  " + StepOutcome.RMP_FAULT);
        assertThat(Pictures.outcome(split)).endsWith("  ->  no fault");
        assertThat(Pictures.outcome(at("overlap-crash", "none", 0))).isEmpty();
        Timeline inside = at("overlap-crash", "none", 4);
        inside.microForward();
        assertThat(Pictures.outcome(inside)).isEqualTo(inside.currentMicroEvent().describe());
        // the line is drawn: the same picture without it starts its map higher
        Viewport all = Viewport.whole(none.simulation().directMap().frames());
        ExportComposer.Picture with = Pictures.single(none, spec(none, all, 1600, 1000));
        ExportComposer.Picture without = Pictures.single(at("overlap-crash", "none", 0), spec(none, all, 1600, 1000));
        assertThat(with.mapY()).isGreaterThan(without.mapY());
    }

    @Test
    @DisplayName("text is a real font at a size that reads: body >= 14 px at 1600 px wide")
    void typeSizes() {
        Typography t = Typography.forWidth(1600);
        assertThat(t.body().size()).isGreaterThanOrEqualTo(14);
        assertThat(t.small().size()).isGreaterThanOrEqualTo(14);
        assertThat(t.title().size()).isGreaterThan(t.body().size());
        assertThat(t.body().width("iiii")).as("proportional").isLessThan(t.body().width("WWWW"));
        int[] px = new int[200 * 40];
        java.util.Arrays.fill(px, 0xFFFFFFFF);
        int end = t.body().draw(px, 200, 40, 2, 2, "So", 0xFF000000);
        assertThat(end).isEqualTo(2 + t.body().width("So"));
        Set<Integer> shades = new HashSet<>();
        for (int p : px) {
            shades.add(p);
        }
        assertThat(shades.size()).as("anti-aliased: more than black and white").isGreaterThan(2);
    }

    @Test
    @DisplayName("a picture names its kernel profile (R27): the same run at boot under 6.8 and 6.18 differs only in the header")
    void namesTheKernel() throws Exception {
        Scenario sc = BuiltinScenarios.load("overlap-crash");
        List<int[]> pics = new ArrayList<>();
        ExportComposer.Picture first = null;
        for (org.splitscope.core.mem.KernelProfile k : org.splitscope.core.mem.KernelProfile.values()) {
            Timeline t = Timeline.open(sc.toSpec("split-on-demand", null).withKernel(k));
            ExportComposer.Picture p = Pictures.single(t, spec(t, Viewport.whole(t.simulation().directMap().frames()), 1200, 800));
            pics.add(p.pixels());
            first = first == null ? p : first;
        }
        int firstDiffRow = -1;
        for (int i = 0; i < pics.get(0).length && firstDiffRow < 0; i++) {
            if (pics.get(0)[i] != pics.get(1)[i]) {
                firstDiffRow = i / 1200;
            }
        }
        assertThat(firstDiffRow).as("the pictures differ").isNotNegative();
        for (int i = first.mapY() * 1200; i < pics.get(0).length; i++) {
            assertThat(pics.get(0)[i]).as("below the header, pixel %d", i).isEqualTo(pics.get(1)[i]);
        }
        assertThat(Pictures.kernel(org.splitscope.core.mem.MachineSpec.of(1L << 32, 2)
                .withKernel(org.splitscope.core.mem.KernelProfile.V6_8))).isEqualTo("kernel 6.8");
    }

    @Test
    @DisplayName("the legend is never cut: every label fits its column or wraps, and the column fits the picture")
    void legendFullyInside() {
        Legend legend = Legend.of(Layer.DEFAULT, Set.of(1, 2, 3));
        for (int width : new int[] {800, 1200, 1600, 2400}) {
            Typography t = Typography.forWidth(width);
            int lw = Math.min(legend.preferredWidth(t.small()), width * 2 / 5);
            for (Legend.Row r : legend.rows()) {
                int room = r.heading() != null ? lw : lw - Legend.swatchSide(t.small()) - 8;
                for (String line : Legend.lines(t.small(), r.text(), room)) {
                    assertThat(line).doesNotContain("\u2026");
                    assertThat(t.small().width(line)).isLessThanOrEqualTo(Math.max(room, t.small().width("W")));
                }
            }
            // drawn: nothing of the legend touches the picture's right edge, and it ends above the bottom
            int h = 1000;
            int[] px = new int[width * h];
            java.util.Arrays.fill(px, Palette.LIGHT.background());
            int used = legend.draw(px, width, h, width - lw - 12, 0, lw, t.small(), Palette.LIGHT);
            assertThat(used).isLessThan(h);
            for (int y = 0; y < h; y++) {
                assertThat(px[y * width + width - 1]).isEqualTo(Palette.LIGHT.background());
            }
        }
    }

    @Test
    @DisplayName("the map has frame-address labels on its axes")
    void axisLabels() throws Exception {
        Timeline t = at("overlap-crash", "none", 5);
        long frames = t.simulation().directMap().frames();
        ExportComposer.Picture pic = Pictures.single(t, spec(t, Viewport.whole(frames), 1600, 1000));
        CellLayout l = pic.map();
        int rowY = pic.mapY() + l.yOf(0);
        // left of the first row: the address label's ink
        assertThat(ink(pic, 0, pic.mapX() + l.originX() - 4, rowY, rowY + 14)).isGreaterThan(5);
        // above the first column: the offset label's ink
        int colX = pic.mapX() + l.xOf(0);
        int top = pic.mapY() + l.originY();
        assertThat(ink(pic, colX, colX + 40, top - 20, top - 2)).isGreaterThan(5);
    }

    /** Pixels of a rectangle of the picture that are not the background. */
    static int ink(ExportComposer.Picture p, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(p.height(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(p.width(), x1); x++) {
                if (p.pixels()[y * p.width() + x] != Palette.LIGHT.background()) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    @DisplayName("the selection is not drawn unless asked")
    void noSelectionUnlessAsked() throws Exception {
        Timeline t = at("overlap-crash", "none", 5);
        long frames = t.simulation().directMap().frames();
        Viewport vp = Viewport.of(0x20000, 0x20200, frames);
        Pictures.Spec plain = spec(t, vp, 1200, 800);
        Pictures.Spec asked = new Pictures.Spec("title", "id", "description", vp, Layer.DEFAULT, -1, Palette.LIGHT,
                1200, 800, 0x20003, 0x20004);
        int[] a = Pictures.single(t, plain).pixels();
        int[] b = Pictures.single(t, asked).pixels();
        assertThat(a).isNotEqualTo(b);
        assertThat(Pictures.single(t, plain).pixels()).isEqualTo(a);
    }

    @Test
    @DisplayName("compare: a fresh boot of equal runs shows no 'differs' marks; marks never hide a cell's state")
    void compareMarks() throws Exception {
        List<Timeline> equal = new ArrayList<>();
        for (String p : List.of("none", "split-on-demand", "invalidate-flush")) {
            equal.add(at("overlap-crash", p, 0));
        }
        long frames = equal.get(0).simulation().directMap().frames();
        for (Viewport vp : List.of(Viewport.whole(frames), Viewport.of(0x20000, 0x20200, frames))) {
            CompareComposer.Picture pic = Pictures.compare(equal, spec(equal.get(0), vp, 1600, 1000));
            for (BitSet d : pic.diff()) {
                assertThat(d.isEmpty()).isTrue();
            }
        }
        // at the fault, the differing 4K cells are marked by a thin outline: the cell's centre keeps its state
        List<Timeline> runs = List.of(at("overlap-crash", "none", 5), at("overlap-crash", "split-on-demand", 5));
        Viewport vp = Viewport.of(0x20000, 0x20200, frames);
        CompareComposer.Picture pic = Pictures.compare(runs, spec(runs.get(0), vp, 1600, 1000));
        CellLayout l = pic.maps().get(1);
        assertThat(pic.diff().get(1).cardinality()).isEqualTo(512);
        int[] plain = new int[l.width() * l.height()];
        new HeatMapRasterizer().render(runs.get(1).simulation(), l, Layer.DEFAULT,
                OverlayBuilder.build(runs.get(1), Pictures.ACTIVITY_WINDOW), Palette.LIGHT, plain);
        for (int cell : new int[] {7, 300}) {
            int cx = l.xOf(cell) + l.side() / 2;
            int cy = l.yOf(cell) + l.side() / 2;
            int onPicture = pic.pixels()[(pic.mapY()[1] + cy) * pic.width() + pic.mapX()[1] + cx];
            assertThat(onPicture).isEqualTo(plain[cy * l.width() + cx]);
        }
    }

    @Test
    @DisplayName("drawing primitives clip shapes that lie wholly outside the picture")
    void clipping() {
        int[] px = new int[10 * 10];
        HeatMapRasterizer.fill(px, 10, 10, -5, 2, 3, 3, 0xFF000000);     // wholly left
        HeatMapRasterizer.fill(px, 10, 10, 12, 2, 3, 3, 0xFF000000);     // wholly right
        HeatMapRasterizer.fill(px, 10, 10, 2, -9, 3, 3, 0xFF000000);     // wholly above
        assertThat(px).containsOnly(0);
    }

    @Test
    @DisplayName("one colour never means two things: owner colours differ from every conflict, fault and leaf colour")
    void distinctColours() {
        Set<Integer> seen = new HashSet<>();
        for (Palette.Entry e : Palette.meaningful(6)) {
            assertThat(seen.add(e.argb())).as(e.label()).isTrue();
        }
    }
}
