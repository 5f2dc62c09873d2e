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
 * and caption; one pane per policy with its name, its figures (those that differ between the
 * policies marked with {@code *} and drawn in the highlight colour) and its heat map, on which the
 * cells whose state differs from the first policy's are marked (on the first, those that differ in
 * any other; {@link CellDiff}); and one legend.
 */
public final class CompareComposer {
    private final HeatMapRasterizer rasterizer = new HeatMapRasterizer();

    /** One policy's run at the step. */
    public record Run(String policy, Simulation sim, Overlay overlay) {
    }

    /** What the picture is of. */
    public record Header(String title, String scenarioId, long step, long totalSteps, String caption) {
    }

    /** The pixels, each pane's map layout and origin, and each pane's cells marked as differing. */
    public record Picture(int[] pixels, int width, int height, List<CellLayout> maps, int[] mapX, int[] mapY,
                          List<BitSet> diff) {
    }

    /** Figures shown under each pane's title (the rest are in the app's table and {@code compare}). */
    static final List<String> PANE_FIGURES = List.of("DirectMap4k (kB)", "DirectMap2M (kB)", "2M splits", "1G splits",
            "collapses", "cpa calls", "flush_tlb_all", "IPIs", "RMP #PF", "not-present #PF", "rejected",
            "stale TLB entries", "fault-in GB/s");

    public Picture compose(List<Run> runs, Header head, Viewport vp, Set<Layer> layers, int tlbCpu, Palette pal,
                           int width, int height) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two policies");
        }
        int[] px = ExportComposer.canvas(width, height, 480, 320, pal);
        BitmapFont big = width >= 1200 ? BitmapFont.LARGE : BitmapFont.SMALL;
        BitmapFont small = BitmapFont.SMALL;
        int pad = ExportComposer.PAD;
        List<String> policies = new ArrayList<>();
        for (Run r : runs) {
            policies.add(r.policy());
        }
        String title = head.title() + "  [" + head.scenarioId() + "]  -  step " + head.step() + " of " + head.totalSteps()
                + "  -  " + String.join(" vs ", policies);
        int y = ExportComposer.header(px, width, height, pal, title, head.caption(), 2, null);

        int legendW = Math.min(260, width / 5);
        int n = runs.size();
        int cols = n <= 3 ? n : (n + 1) / 2;
        int rows = (n + cols - 1) / cols;
        int paneW = (width - legendW - pad) / cols;
        int paneH = (height - y - pad) / rows;
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
        int slot = 0;
        for (CompareMetrics.Metric m : figures) {
            for (RunSummary r : sums) {
                slot = Math.max(slot, small.width(token(m, r, true) + "   "));
            }
        }
        int perLine = Math.max(1, (paneW - 2 * pad) / slot);
        int figureLines = (figures.size() + perLine - 1) / perLine;
        int mapTop = big.lineHeight() + 4 + figureLines * small.lineHeight() + 4;
        int mapW = paneW - 2 * pad;
        int mapH = paneH - mapTop - pad;
        if (mapW < 40 || mapH < 40) {
            throw new IllegalArgumentException("compare size " + width + "x" + height + " is too small for "
                    + n + " panes");
        }
        CellLayout layout = CellLayout.of(vp, mapW, mapH);
        List<Simulation> sims = new ArrayList<>();
        for (Run r : runs) {
            sims.add(r.sim());
        }
        List<BitSet> diffs = CellDiff.againstFirst(sims, layout, tlbCpu);
        List<CellLayout> maps = new ArrayList<>();
        int[] mapX = new int[n];
        int[] mapY = new int[n];
        int[] map = new int[mapW * mapH];
        for (int i = 0; i < n; i++) {
            int px0 = (i % cols) * paneW + pad;
            int py0 = y + (i / cols) * paneH;
            Run r = runs.get(i);
            BitSet diff = diffs.get(i);
            String cells = diff.cardinality() + (diff.cardinality() == 1 ? " cell differs" : " cells differ");
            String note = i == 0 ? "(reference; " + cells + " in another)"
                    : "(" + cells + " from " + runs.get(0).policy() + ")";
            big.draw(px, width, height, px0, py0, big.fit(r.policy(), paneW - 2 * pad), pal.text());
            int nameW = big.width(r.policy());
            small.draw(px, width, height, px0 + nameW + 6, py0 + big.lineHeight() - small.lineHeight(),
                    small.fit(note, Math.max(0, paneW - 2 * pad - nameW - 6)), pal.dimText());
            drawFigures(px, width, height, px0, py0 + big.lineHeight() + 4, slot, perLine, figures, sums, i, small, pal);
            rasterizer.render(r.sim(), layout, layers, r.overlay().withTlbCpu(tlbCpu), pal, map);
            CellDiff.draw(map, layout, diff, pal);
            int mx = px0;
            int my = py0 + mapTop;
            for (int row = 0; row < mapH; row++) {
                System.arraycopy(map, row * mapW, px, (my + row) * width + mx, mapW);
            }
            maps.add(layout);
            mapX[i] = mx;
            mapY[i] = my;
        }
        int lx = width - legendW;
        int used = ExportComposer.drawLegend(px, width, height, lx, y, legendW - pad, layers,
                ExportComposer.guestsIn(sims.get(0)), pal);
        drawDiffLegend(px, width, height, lx, y + used + 4, legendW - pad, runs.get(0).policy(), pal);
        return new Picture(px, width, height, maps, mapX, mapY, diffs);
    }

    private static String token(CompareMetrics.Metric m, RunSummary s, boolean differs) {
        return (differs ? "*" : "") + m.label().replace(" (kB)", "") + " " + m.text().apply(s)
                + (m.label().endsWith("(kB)") ? " kB" : "");
    }

    /** The pane's figures in a grid of {@code perLine} columns; the ones that differ between the runs highlighted. */
    private static void drawFigures(int[] px, int w, int h, int x0, int y0, int slot, int perLine,
                                    List<CompareMetrics.Metric> figures, List<RunSummary> sums, int run, BitmapFont f,
                                    Palette pal) {
        for (int k = 0; k < figures.size(); k++) {
            CompareMetrics.Metric m = figures.get(k);
            boolean differs = m.differs(sums);
            int x = x0 + (k % perLine) * slot;
            int y = y0 + (k / perLine) * f.lineHeight();
            f.draw(px, w, h, x, y, f.fit(token(m, sums.get(run), differs), slot), differs ? Palette.VERMILLION : pal.dimText());
        }
    }

    private static void drawDiffLegend(int[] px, int w, int h, int x, int y, int lw, String reference, Palette pal) {
        BitmapFont f = BitmapFont.SMALL;
        f.draw(px, w, h, x, y + 2, f.fit("Compare", lw), pal.text());
        y += f.lineHeight() + 5;
        int s = f.lineHeight();
        CellLayout swatch = CellLayout.of(Viewport.whole(org.splitscope.core.mem.Pfns.FRAMES_PER_2M), s, s);
        int[] cell = new int[s * s];
        java.util.Arrays.fill(cell, pal.panel());
        BitSet one = new BitSet();
        one.set(0);
        CellDiff.draw(cell, new CellLayout(swatch.viewport(), s, s, swatch.unit(), 1, 1, 1, s, 0, 0), one, pal);
        for (int r = 0; r < s && y + 2 + r < h; r++) {
            System.arraycopy(cell, r * s, px, (y + 2 + r) * w + x + 4, Math.min(s, w - x - 4));
        }
        f.draw(px, w, h, x + 8 + s, y + 2, f.fit("differs from " + reference + " (dashed)", lw - s - 10), pal.text());
        y += f.lineHeight() + 5;
        f.draw(px, w, h, x, y + 2, f.fit("* figure differs", lw), Palette.VERMILLION);
    }
}
