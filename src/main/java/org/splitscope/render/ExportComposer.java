package org.splitscope.render;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.Simulation;

/**
 * A whole exported picture in ARGB pixels: a header with the scenario, policy, step, caption and
 * state hash, the heat map, and a legend of every colour with its letter. Used by the command-line
 * {@code export} and the app's "export heat map", so both write the same pixels.
 */
public final class ExportComposer {
    private final HeatMapRasterizer rasterizer = new HeatMapRasterizer();

    /** The words of the header. */
    public record Header(String title, String scenarioId, String policy, long step, long totalSteps, String caption,
                         String stateHash, String figures, String outcome) {
    }

    /** Result: pixels plus where the map went (for tests and for the app's click mapping). */
    public record Picture(int[] pixels, int width, int height, CellLayout map, int mapX, int mapY) {
    }

    public Picture compose(Simulation sim, Header head, Viewport vp, Set<Layer> layers, Overlay overlay, Palette pal,
                           int width, int height) {
        int[] px = canvas(width, height, 320, 240, pal);
        Typography type = Typography.forWidth(width);
        int pad = PAD;
        String title = head.title() + (head.title().contains(head.scenarioId()) ? "" : "  [" + head.scenarioId() + "]")
                + "  under " + head.policy() + "  –  step "
                + head.step() + " of " + head.totalSteps();
        int y = header(px, width, height, pal, type, title, head.caption(), 3, head.outcome(),
                head.figures() + "   state hash " + head.stateHash());

        Legend legend = Legend.of(layers, guestsIn(sim));
        int legendW = Math.min(legend.preferredWidth(type.small()), width * 2 / 5);
        int axisW = MapAxes.leftWidth(vp, type.small());
        int axisH = MapAxes.topHeight(type.small());
        int mapX = pad + axisW;
        int mapY = y + axisH;
        int mapW = width - legendW - 3 * pad - axisW;
        int mapH = height - mapY - type.small().lineHeight() - 2 * pad;
        if (mapW < 40 || mapH < 40) {
            throw new IllegalArgumentException("export size " + width + "x" + height + " leaves no room for the map");
        }
        CellLayout layout = CellLayout.of(vp, mapW, mapH);
        int[] map = new int[mapW * mapH];
        rasterizer.render(sim, layout, layers, overlay, pal, map);
        for (int row = 0; row < mapH; row++) {
            System.arraycopy(map, row * mapW, px, (mapY + row) * width + mapX, mapW);
        }
        MapAxes.draw(px, width, height, layout, mapX, mapY, type.small(), pal);
        String foot = String.format(Locale.ROOT, "frames %s-%s (%s), one cell = %s %s",
                Pfns.hex(vp.start()), Pfns.hex(vp.end() - 1), Pfns.bytes(vp.span() * Pfns.FRAME_BYTES),
                layout.unit() == org.splitscope.core.mem.PageSize.K4 ? "4K frame" : layout.unit() + " region",
                layout.unit() == org.splitscope.core.mem.PageSize.K4 ? "(grid: 2M regions)"
                        : layout.unit() == org.splitscope.core.mem.PageSize.M2 ? "(grid: 1G regions)" : "");
        type.small().draw(px, width, height, pad, mapY + mapH + 4, type.small().fit(foot, width - legendW - 2 * pad),
                pal.dimText());
        legend.draw(px, width, height, width - legendW - pad, y, legendW, type.small(), pal);
        return new Picture(px, width, height, layout, mapX, mapY);
    }

    static final int PAD = 12;

    /** A picture of the background colour, after checking its size is sensible. */
    static int[] canvas(int width, int height, int minW, int minH, Palette pal) {
        if (width < minW || height < minH || (long) width * height > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("export size must be at least " + minW + "x" + minH
                    + " and at most 64 megapixels, got " + width + "x" + height);
        }
        int[] px = new int[width * height];
        java.util.Arrays.fill(px, pal.background());
        return px;
    }

    /**
     * The header of an exported picture: the title in bold, the caption over at most
     * {@code captionLines} lines, an optional line saying what the step came to (in bold, as the app's
     * step line says it), an optional line of figures, and a rule under them. Returns the first free
     * row below.
     */
    static int header(int[] px, int width, int height, Palette pal, Typography type, String title, String caption,
                      int captionLines, String outcome, String figures) {
        int y = PAD;
        int tw = width - 2 * PAD;
        for (String line : type.title().wrap(title, tw, 2)) {
            type.title().draw(px, width, height, PAD, y, line, pal.text());
            y += type.title().lineHeight();
        }
        y += 4;
        for (String line : type.body().wrap(caption == null ? "" : caption, tw, captionLines)) {
            type.body().draw(px, width, height, PAD, y, line, pal.text());
            y += type.body().lineHeight();
        }
        if (outcome != null && !outcome.isEmpty()) {
            type.title().draw(px, width, height, PAD, y + 2, type.title().fit(outcome, tw), pal.text());
            y += type.title().lineHeight() + 2;
        }
        if (figures != null) {
            for (String line : type.small().wrap(figures, tw, 2)) {
                type.small().draw(px, width, height, PAD, y + 2, line, pal.dimText());
                y += type.small().lineHeight();
            }
        }
        y += 10;
        HeatMapRasterizer.fill(px, width, height, 0, y - 5, width, 1, pal.grid());
        return y;
    }

    /** The guests that own memory now (for the legend). */
    static Set<Integer> guestsIn(Simulation sim) {
        Set<Integer> out = new TreeSet<>();
        for (var p : sim.spec().guests()) {
            out.add(p.asid());
        }
        return out;
    }
}
