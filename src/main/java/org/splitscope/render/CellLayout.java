package org.splitscope.render;

import org.splitscope.core.mem.PageSize;

/**
 * How a {@link Viewport} is cut into cells and laid out in a {@code width x height} pixel area: the
 * cell unit (4K, 2M or 1G: the smallest whose cells are at least {@link #MIN_SIDE} pixels wide; a 2M cell
 * whose frames differ is drawn striped, "mixed", so a view too fine for 4K cells still tells), a
 * power-of-two number of columns (so 2M and 1G boundaries fall on straight grid lines) and the
 * largest square cell side that fits. Cell i covers frames [start + i * unit, + unit) and sits at
 * row i / cols, column i % cols.
 */
public record CellLayout(Viewport viewport, int width, int height, PageSize unit, long cells, int cols, int rows,
                         int side, int originX, int originY) {
    /**
     * The smallest cell side, in pixels, a unit is drawn at: at 2 px a cell is all grid line and no fill
     * (issue 13), so below 3 px the next larger unit is taken.
     */
    public static final int MIN_SIDE = 3;

    public static CellLayout of(Viewport vp, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("empty area " + width + "x" + height);
        }
        for (PageSize unit : PageSize.values()) {
            long cells = (vp.span() + unit.frames() - 1) / unit.frames();
            CellLayout best = fit(vp, width, height, unit, cells);
            if (best != null && best.side >= MIN_SIDE) {
                return best;
            }
        }
        CellLayout l = fit(vp, width, height, PageSize.G1, (vp.span() + PageSize.G1.frames() - 1) / PageSize.G1.frames());
        return l != null ? l : new CellLayout(vp, width, height, PageSize.G1, 1, 1, 1, 1, 0, 0);
    }

    private static CellLayout fit(Viewport vp, int w, int h, PageSize unit, long cells) {
        CellLayout best = null;
        for (int k = 0; k <= 30; k++) {
            long cols = 1L << k;
            if (cols > Math.max(1, cells) * 2 && k > 0) {
                break;
            }
            long c = Math.min(cols, cells);
            long rows = (cells + cols - 1) / cols;
            int side = (int) Math.min(w / Math.max(1, c), h / Math.max(1, rows));
            if (side < 1) {
                continue;
            }
            if (best == null || side > best.side) {
                int ox = (int) ((w - c * side) / 2);
                int oy = (int) ((h - rows * side) / 2);
                best = new CellLayout(vp, w, h, unit, cells, (int) cols, (int) rows, side, ox, oy);
            }
        }
        return best;
    }

    /** Cell under pixel (x, y), or -1. */
    public long cellAt(int x, int y) {
        int cx = (x - originX);
        int cy = (y - originY);
        if (cx < 0 || cy < 0) {
            return -1;
        }
        long col = cx / side;
        long row = cy / side;
        if (col >= cols || row >= rows) {
            return -1;
        }
        long i = row * cols + col;
        return i < cells ? i : -1;
    }

    /** First frame of cell i. */
    public long pfnOf(long cell) {
        return viewport.start() + cell * unit.frames();
    }

    /** Cell holding frame pfn, or -1 when it is off screen. */
    public long cellOf(long pfn) {
        if (!viewport.contains(pfn)) {
            return -1;
        }
        return (pfn - viewport.start()) / unit.frames();
    }

    public int xOf(long cell) {
        return originX + (int) (cell % cols) * side;
    }

    public int yOf(long cell) {
        return originY + (int) (cell / cols) * side;
    }

    /** Frames one row of cells covers. */
    public long framesPerRow() {
        return (long) cols * unit.frames();
    }
}
