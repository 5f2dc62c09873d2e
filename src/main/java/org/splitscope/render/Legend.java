package org.splitscope.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The legend of an exported picture: a heading per layer and, for each thing the map can show, a
 * swatch drawn the way the map draws it (a fill with its letter, an inset, a corner, a border, a
 * cross), then its label. Labels are never cut: a label wider than the column wraps onto further
 * lines, and {@link #preferredWidth} tells a composer how wide the column must be for none to wrap.
 */
public final class Legend {
    /** How a swatch is drawn. */
    public enum Style { FILL, STRIPES, INSET_SOLID, INSET_DOTTED, INSET_SMALL, CORNER_LEFT, CORNER_RIGHT, BORDER,
        CROSS, SMALL_CROSS, LIGHTEN, DIFF_MARK }

    /** One row: a heading ({@code entry} null) or a swatch with its label. */
    public record Row(String heading, Palette.Entry entry, Style style) {
        static Row heading(String text) {
            return new Row(text, null, null);
        }

        static Row swatch(Palette.Entry e, Style s) {
            return new Row(null, e, s);
        }

        String text() {
            return heading != null ? heading : entry.label();
        }
    }

    private final List<Row> rows;

    public Legend(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows for the enabled layers and the guests in the picture. */
    public static Legend of(Set<Layer> layers, Set<Integer> guests) {
        List<Row> r = new ArrayList<>();
        if (layers.contains(Layer.DIRECT_MAP)) {
            r.add(Row.heading("Direct map"));
            for (Palette.Entry e : Palette.DIRECT_MAP) {
                r.add(Row.swatch(e, e == Palette.MIXED ? Style.STRIPES : Style.FILL));
            }
        }
        if (layers.contains(Layer.RMP)) {
            r.add(Row.heading("RMP (inset: shape = what, colour = whose)"));
            r.add(Row.swatch(Palette.PRIVATE_2M, Style.INSET_SOLID));
            r.add(Row.swatch(Palette.PRIVATE_4K, Style.INSET_DOTTED));
            r.add(Row.swatch(Palette.PRIVATE_SOME, Style.INSET_SMALL));
            for (int g : guests) {
                r.add(Row.swatch(new Palette.Entry("g" + g, Palette.asidColor(g), Character.forDigit(g % 10, 10),
                        "guest " + g + " (ASID " + g + ")"), Style.INSET_SOLID));
            }
        }
        if (layers.contains(Layer.TLB)) {
            r.add(Row.heading("TLB conflicts"));
            r.add(Row.swatch(Palette.TLB_STALE, Style.CORNER_LEFT));
            r.add(Row.swatch(Palette.TLB_MIXED, Style.CORNER_RIGHT));
            r.add(Row.swatch(Palette.TLB_HAZARD, Style.BORDER));
        }
        if (layers.contains(Layer.FAULTS)) {
            r.add(Row.heading("Faults"));
            r.add(Row.swatch(Palette.RMP_FAULT, Style.CROSS));
            r.add(Row.swatch(Palette.NP_FAULT, Style.SMALL_CROSS));
        }
        if (layers.contains(Layer.ACTIVITY)) {
            r.add(Row.heading("Activity"));
            r.add(Row.swatch(Palette.ACTIVITY, Style.LIGHTEN));
        }
        return new Legend(r);
    }

    /** This legend with more rows after it (e.g. the compare marks). */
    public Legend plus(List<Row> more) {
        List<Row> all = new ArrayList<>(rows);
        all.addAll(more);
        return new Legend(all);
    }

    static int swatchSide(GlyphFont f) {
        return f.lineHeight() + 2;
    }

    /** The column width at which no label wraps. */
    public int preferredWidth(GlyphFont f) {
        int s = swatchSide(f);
        int w = 0;
        for (Row r : rows) {
            w = Math.max(w, r.heading() != null ? f.width(r.heading()) : s + 8 + f.width(r.entry().label()));
        }
        return w + 4;
    }

    /** Draws the legend in a column of {@code lw} pixels from ({@code x}, {@code y}); returns the height used. */
    public int draw(int[] px, int w, int h, int x, int y, int lw, GlyphFont f, Palette pal) {
        int s = swatchSide(f);
        int y0 = y;
        for (Row r : rows) {
            if (r.heading() != null) {
                y += 4;
                for (String line : lines(f, r.heading(), lw)) {
                    f.draw(px, w, h, x, y, line, pal.text());
                    y += f.lineHeight();
                }
                continue;
            }
            swatch(px, w, h, x, y, s, r, pal);
            int ly = y + 1;
            for (String line : lines(f, r.entry().label(), lw - s - 8)) {
                f.draw(px, w, h, x + s + 8, ly, line, pal.text());
                ly += f.lineHeight();
            }
            y = Math.max(y + s + 3, ly + 2);
        }
        return y - y0;
    }

    /** All the lines of {@code text} at width {@code lw}: wrapped, never cut short. */
    static List<String> lines(GlyphFont f, String text, int lw) {
        return f.wrap(text, Math.max(lw, f.width("W")), Integer.MAX_VALUE);
    }

    private static void swatch(int[] px, int w, int h, int x, int y, int s, Row r, Palette pal) {
        Palette.Entry e = r.entry();
        int bg = Palette.LEAF_2M.argb();
        switch (r.style()) {
            case FILL -> HeatMapRasterizer.fill(px, w, h, x, y, s, s, e.argb());
            case STRIPES -> HeatMapRasterizer.stripes(px, w, h, x, y, s, Palette.LEAF_2M.argb(), Palette.LEAF_4K.argb());
            case INSET_SOLID, INSET_DOTTED, INSET_SMALL -> {
                HeatMapRasterizer.fill(px, w, h, x, y, s, s, bg);
                int in = r.style() == Style.INSET_SMALL ? Math.max(2, s / 3) : Math.max(2, s * 3 / 5);
                int ix = x + (s - in) / 2;
                int iy = y + (s - in) / 2;
                if (r.style() == Style.INSET_DOTTED) {
                    HeatMapRasterizer.dotted(px, w, h, ix, iy, in, e.argb());
                } else {
                    HeatMapRasterizer.fill(px, w, h, ix, iy, in, in, e.argb());
                }
            }
            case CORNER_LEFT, CORNER_RIGHT -> {
                HeatMapRasterizer.fill(px, w, h, x, y, s, s, bg);
                HeatMapRasterizer.corner(px, w, h, x, y, s, r.style() == Style.CORNER_RIGHT, e.argb());
            }
            case BORDER -> {
                HeatMapRasterizer.fill(px, w, h, x, y, s, s, bg);
                HeatMapRasterizer.border(px, w, h, x, y, s, 2, e.argb());
            }
            case CROSS, SMALL_CROSS -> {
                HeatMapRasterizer.fill(px, w, h, x, y, s, s, bg);
                HeatMapRasterizer.cross(px, w, h, x, y, s, r.style() == Style.CROSS);
            }
            case LIGHTEN -> HeatMapRasterizer.fill(px, w, h, x, y, s, s, Palette.lighten(bg, 150));
            case DIFF_MARK -> {
                HeatMapRasterizer.fill(px, w, h, x, y, s, s, bg);
                CellDiff.mark(px, w, h, x, y, s, pal);
            }
        }
        if (r.style() == Style.FILL) {
            GlyphFont lf = GlyphFont.regular(s - 4);
            String letter = String.valueOf(e.letter());
            lf.draw(px, w, h, x + (s - lf.width(letter)) / 2, y + (s - lf.lineHeight()) / 2, letter,
                    Palette.contrast(e.argb()));
        }
    }
}
