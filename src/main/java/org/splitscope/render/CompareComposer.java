package org.splitscope.render;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.Simulation;

/**
 * The side-by-side picture of one scenario under several policies at one step (the command line's
 * {@code export --compare} and the app's export in compare mode): a header with the scenario, step
 * and caption; one table of figures, a row per policy (the figures that differ between the policies
 * starred); one pane per policy with its name and its heat map, on which the cells whose state
 * differs from the first policy's are marked without hiding their state (on the first, those that
 * differ in any other; {@link CellDiff}); a diff-only pane; and one legend.
 */
public final class CompareComposer {
    private final HeatMapRasterizer rasterizer = new HeatMapRasterizer();

    /** One policy's run at the step. */
    public record Run(String policy, Simulation sim, Overlay overlay) {
    }

    /** What the picture is of. */
    public record Header(String title, String scenarioId, String kernel, long step, long totalSteps, String caption) {
    }

    /** The pixels, each pane's map layout and origin, and each pane's cells marked as differing. */
    public record Picture(int[] pixels, int width, int height, List<CellLayout> maps, int[] mapX, int[] mapY,
                          List<BitSet> diff) {
    }

    /** Figures in the picture's table (the rest are in the app's table and {@code compare}). */
    static final List<String> PANE_FIGURES = List.of("DirectMap4k (kB)", "DirectMap2M (kB)", "DirectMap1G (kB)",
            "2M splits", "1G splits", "collapses", "cpa calls", "flush_tlb_all", "per-page flushes", "IPIs", "RMP #PF",
            "not-present #PF", "rejected", "stale TLB entries", "RMP-hazard TLB entries", "simulated time", "fault-in GB/s");

    public Picture compose(List<Run> runs, Header head, Viewport vp, Set<Layer> layers, int tlbCpu, Palette pal,
                           int width, int height) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two policies");
        }
        int[] px = ExportComposer.canvas(width, height, 480, 320, pal);
        Typography type = Typography.forWidth(width);
        GlyphFont name = type.body().size() >= 16 ? GlyphFont.bold(type.body().size()) : type.body();
        GlyphFont small = type.small();
        int pad = ExportComposer.PAD;
        List<String> policies = new ArrayList<>();
        for (Run r : runs) {
            policies.add(r.policy());
        }
        String title = head.title() + (head.title().contains(head.scenarioId()) ? "" : "  [" + head.scenarioId() + "]")
                + "  \u2013  " + head.kernel() + "  \u2013  step " + head.step() + " of "
                + head.totalSteps() + "  \u2013  " + (policies.size() <= 4 ? String.join(" vs ", policies)
                : policies.size() + " policies side by side");
        int y = ExportComposer.header(px, width, height, pal, type, title, head.caption(), 2, null, null);

        List<Simulation> sims = new ArrayList<>();
        for (Run r : runs) {
            sims.add(r.sim());
        }
        Legend legend = Legend.of(layers, ExportComposer.guestsIn(sims.get(0))).plus(List.of(
                Legend.Row.heading("Compare"),
                Legend.Row.swatch(new Palette.Entry("diff", pal.text(), ' ', "differs from " + runs.get(0).policy()
                        + " (thin outline; smaller cells: see the diff pane)"), Legend.Style.DIFF_MARK),
                Legend.Row.heading("* a figure that differs between the policies")));
        int legendW = Math.min(legend.preferredWidth(small), width / 4);
        int n = runs.size();
        int panes = n + 1;                                       // the runs, then the diff-only pane
        int cols = panes <= 3 ? panes : (panes + 1) / 2;
        int rows = (panes + cols - 1) / cols;
        List<RunSummary> sums = new ArrayList<>();
        for (Run r : runs) {
            sums.add(RunSummary.withoutHash(r.sim()));           // figures only; the hash reads the whole state
        }
        List<CompareMetrics.Metric> figures = new ArrayList<>();
        for (CompareMetrics.Metric m : CompareMetrics.ALL) {
            if (PANE_FIGURES.contains(m.label())) {
                figures.add(m);
            }
        }
        y = FigureTable.draw(px, width, height, pad, y, width - 2 * pad, policies, figures, sums, small, pal) + 6;
        int paneW = (width - legendW - 2 * pad) / cols;
        int paneH = (height - y - pad) / rows;
        int axisW = MapAxes.leftWidth(vp, small);
        int axisH = MapAxes.topHeight(small);
        int mapTop = name.lineHeight() + small.lineHeight() + 4 + axisH;
        int mapW = paneW - 2 * pad - axisW;
        int mapH = paneH - mapTop - pad;
        if (mapW < 40 || mapH < 40) {
            throw new IllegalArgumentException("compare size " + width + "x" + height + " is too small for "
                    + n + " panes");
        }
        CellLayout layout = CellLayout.of(vp, mapW, mapH);
        List<BitSet> diffs = CellDiff.againstFirst(sims, layout, tlbCpu);
        List<CellLayout> maps = new ArrayList<>();
        int[] mapX = new int[n];
        int[] mapY = new int[n];
        int[] map = new int[mapW * mapH];
        for (int i = 0; i < panes; i++) {
            int px0 = (i % cols) * paneW + pad;
            int py0 = y + (i / cols) * paneH;
            boolean diffPane = i == n;
            BitSet diff = diffs.get(diffPane ? 0 : i);
            String cells = diff.cardinality() + (diff.cardinality() == 1 ? " cell differs" : " cells differ");
            String heading = diffPane ? "where they differ" : runs.get(i).policy();
            String note = diffPane ? cells + " from " + runs.get(0).policy() + " in any policy"
                    : i == 0 ? "reference; " + cells + " in another" : cells + " from " + runs.get(0).policy();
            name.draw(px, width, height, px0, py0, name.fit(heading, paneW - 2 * pad), pal.text());
            small.draw(px, width, height, px0, py0 + name.lineHeight(), small.fit(note, paneW - 2 * pad), pal.dimText());
            int mx = px0 + axisW;
            int my = py0 + mapTop;
            if (diffPane) {
                CellDiff.drawDiffOnly(sims.get(0), map, layout, diff, pal);
            } else {
                Run r = runs.get(i);
                rasterizer.render(r.sim(), layout, layers, r.overlay().withTlbCpu(tlbCpu), pal, map);
                CellDiff.draw(map, layout, diff, pal);
                maps.add(layout);
                mapX[i] = mx;
                mapY[i] = my;
            }
            for (int row = 0; row < mapH; row++) {
                System.arraycopy(map, row * mapW, px, (my + row) * width + mx, mapW);
            }
            MapAxes.draw(px, width, height, layout, mx, my, small, pal);
        }
        legend.draw(px, width, height, width - legendW - pad, y, legendW, small, pal);
        return new Picture(px, width, height, maps, mapX, mapY, diffs);
    }
}
