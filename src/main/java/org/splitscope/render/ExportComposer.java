package org.splitscope.render;

import java.util.ArrayList;
import java.util.List;
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
                         String stateHash, String figures) {
    }

    /** Result: pixels plus where the map went (for tests and for the app's click mapping). */
    public record Picture(int[] pixels, int width, int height, CellLayout map, int mapX, int mapY) {
    }

    public Picture compose(Simulation sim, Header head, Viewport vp, Set<Layer> layers, Overlay overlay, Palette pal,
                           int width, int height) {
        int[] px = canvas(width, height, 320, 240, pal);
        BitmapFont small = BitmapFont.SMALL;
        int pad = PAD;
        String title = head.title() + "  [" + head.scenarioId() + "]  under " + head.policy() + "  -  step "
                + head.step() + " of " + head.totalSteps();
        int y = header(px, width, height, pal, title, head.caption(), 3,
                head.figures() + "   state hash " + head.stateHash());

        int legendW = Math.min(300, width / 3);
        int mapW = width - legendW - 2 * pad;
        int mapH = height - y - small.lineHeight() - 2 * pad;
        CellLayout layout = CellLayout.of(vp, mapW, mapH);
        int[] map = new int[mapW * mapH];
        rasterizer.render(sim, layout, layers, overlay, pal, map);
        for (int row = 0; row < mapH; row++) {
            System.arraycopy(map, row * mapW, px, (y + row) * width + pad, mapW);
        }
        String foot = String.format(Locale.ROOT, "frames %s-%s (%s), one cell = %s %s",
                Pfns.hex(vp.start()), Pfns.hex(vp.end() - 1), Pfns.bytes(vp.span() * Pfns.FRAME_BYTES),
                layout.unit() == org.splitscope.core.mem.PageSize.K4 ? "4K frame" : layout.unit() + " region",
                layout.unit() == org.splitscope.core.mem.PageSize.K4 ? "(grid: 2M regions)"
                        : layout.unit() == org.splitscope.core.mem.PageSize.M2 ? "(grid: 1G regions)" : "");
        small.draw(px, width, height, pad, y + mapH + 4, small.fit(foot, mapW), pal.dimText());
        drawLegend(px, width, height, width - legendW, y, legendW - pad, layers, guestsIn(sim), pal);
        return new Picture(px, width, height, layout, pad, y);
    }

    static final int PAD = 8;

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
     * The header of an exported picture: the title in large type (small below 1200 pixels), the
     * caption over at most {@code captionLines} lines, an optional line of figures, and a rule under
     * them. Returns the first free row below.
     */
    static int header(int[] px, int width, int height, Palette pal, String title, String caption, int captionLines,
                      String figures) {
        BitmapFont big = width >= 1200 ? BitmapFont.LARGE : BitmapFont.SMALL;
        BitmapFont small = BitmapFont.SMALL;
        int y = PAD;
        big.draw(px, width, height, PAD, y, big.fit(title, width - 2 * PAD), pal.text());
        y += big.lineHeight() + 4;
        for (String line : wrap(caption == null ? "" : caption, (width - 2 * PAD) / small.cellWidth(), captionLines)) {
            small.draw(px, width, height, PAD, y, line, pal.text());
            y += small.lineHeight();
        }
        if (figures != null) {
            small.draw(px, width, height, PAD, y + 2, small.fit(figures, width - 2 * PAD), pal.dimText());
            y += small.lineHeight();
        }
        y += 8;
        HeatMapRasterizer.fill(px, width, height, 0, y - 4, width, 1, pal.grid());
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

    /** Draws the legend of the enabled layers: swatch, letter, label. Returns the height used. */
    public static int drawLegend(int[] px, int w, int h, int x, int y, int lw, Set<Layer> layers, Set<Integer> guests,
                                 Palette pal) {
        BitmapFont f = BitmapFont.SMALL;
        int line = f.lineHeight() + 5;
        int y0 = y;
        List<Object> rows = new ArrayList<>();
        if (layers.contains(Layer.DIRECT_MAP)) {
            rows.add("Direct map");
            rows.addAll(Palette.DIRECT_MAP);
        }
        if (layers.contains(Layer.RMP)) {
            rows.add("RMP (inset)");
            rows.addAll(Palette.RMP);
            for (int g : guests) {
                rows.add(new Palette.Entry("g" + g, Palette.asidColor(g), Character.forDigit(g % 10, 10),
                        "guest " + g + " (ASID " + g + ")"));
            }
        }
        if (layers.contains(Layer.TLB)) {
            rows.add("TLB conflicts");
            rows.addAll(Palette.TLB);
        }
        if (layers.contains(Layer.FAULTS)) {
            rows.add("Faults");
            rows.addAll(Palette.FAULTS);
        }
        if (layers.contains(Layer.ACTIVITY)) {
            rows.add("Activity");
            rows.add(Palette.ACTIVITY);
        }
        for (Object r : rows) {
            if (y + line > h) {
                break;
            }
            if (r instanceof String heading) {
                f.draw(px, w, h, x, y + 2, f.fit(heading, lw), pal.text());
            } else {
                Palette.Entry e = (Palette.Entry) r;
                int s = f.lineHeight();
                int sw = e == Palette.ACTIVITY ? Palette.lighten(Palette.LEAF_2M.argb(), 150) : e.argb();
                HeatMapRasterizer.fill(px, w, h, x + 4, y + 2, s, s, sw);
                if (e == Palette.MIXED) {
                    for (int i = 0; i < s; i += 4) {
                        HeatMapRasterizer.fill(px, w, h, x + 4 + i, y + 2, 2, s, Palette.LEAF_4K.argb());
                    }
                }
                f.draw(px, w, h, x + 4 + (s - f.cellWidth()) / 2, y + 2, String.valueOf(e.letter()), Palette.contrast(sw));
                f.draw(px, w, h, x + 8 + s, y + 2, f.fit(e.label(), lw - s - 10), pal.text());
            }
            y += line;
        }
        return y - y0;
    }

    static List<String> wrap(String text, int cols, int maxLines) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > cols) {
                out.add(line.toString());
                line.setLength(0);
                if (out.size() == maxLines) {
                    break;
                }
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word.length() > cols ? word.substring(0, cols) : word);
        }
        if (line.length() > 0 && out.size() < maxLines) {
            out.add(line.toString());
        }
        if (out.size() == maxLines && !out.isEmpty()) {
            String last = out.get(maxLines - 1);
            int used = String.join(" ", out).length();
            if (used < text.strip().length()) {
                out.set(maxLines - 1, last.length() > cols - 3 ? last.substring(0, cols - 3) + "..." : last + "...");
            }
        }
        return out;
    }
}
