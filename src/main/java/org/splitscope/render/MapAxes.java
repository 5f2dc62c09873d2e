package org.splitscope.render;

import org.splitscope.core.mem.Pfns;

/**
 * Frame-address labels on a picture's map: on the left, the first frame of a row of cells (every few
 * rows, so labels never touch); on top, the frame offset of a column from the row's start. A reader
 * of a screenshot can then name any cell's frames without the app.
 */
public final class MapAxes {
    private MapAxes() {
    }

    /** Width the left labels need for a layout of this viewport (the widest row address). */
    public static int leftWidth(Viewport vp, GlyphFont f) {
        String widest = Pfns.hex(Math.max(0, vp.end() - 1));
        String digits = "0x" + widest.substring(2).replaceAll("[0-9a-f]", "0");
        String letters = "0x" + widest.substring(2).replaceAll("[0-9a-f]", "d");
        return Math.max(f.width(digits), f.width(letters)) + 10;     // proportional digits and letters
    }

    /** Height the top labels need. */
    public static int topHeight(GlyphFont f) {
        return f.lineHeight() + 4;
    }

    /**
     * Draws the labels for a map rasterized with {@code l} whose pixel (0, 0) is at ({@code mx},
     * {@code my}) on the picture: row addresses right-aligned left of {@code mx}, column offsets above
     * {@code my}, each with a short tick.
     */
    public static void draw(int[] px, int w, int h, CellLayout l, int mx, int my, GlyphFont f, Palette pal) {
        int side = l.side();
        int rowsUsed = (int) Math.min(l.rows(), (l.cells() + l.cols() - 1) / l.cols());
        int rowStep = Math.max(1, (int) Math.ceil((f.lineHeight() * 1.6) / side));
        for (int row = 0; row < rowsUsed; row += rowStep) {
            long cell = (long) row * l.cols();
            String label = Pfns.hex(l.pfnOf(cell));
            int y = my + l.yOf(cell);
            int ty = Math.max(0, y + Math.min(side, f.lineHeight()) / 2 - f.lineHeight() / 2);
            f.draw(px, w, h, mx + l.originX() - 6 - f.width(label), ty, label, pal.dimText());
            HeatMapRasterizer.fill(px, w, h, mx + l.originX() - 4, y, 3, 1, pal.dimText());
        }
        int colsUsed = (int) Math.min(l.cols(), l.cells());
        String widest = "+" + Pfns.hex((long) (colsUsed - 1) * l.unit().frames());
        int colStep = 1;
        while (colStep < colsUsed && colStep * side < f.width(widest) + 12) {
            colStep *= 2;                                   // columns are a power of two: keep the steps aligned
        }
        for (int col = 0; col < colsUsed; col += colStep) {
            String label = "+" + Pfns.hex((long) col * l.unit().frames());
            int x = mx + l.xOf(col);
            f.draw(px, w, h, x, my + l.originY() - topHeight(f), label, pal.dimText());
            HeatMapRasterizer.fill(px, w, h, x, my + l.originY() - 3, 1, 3, pal.dimText());
        }
    }
}
