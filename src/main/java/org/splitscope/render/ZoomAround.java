package org.splitscope.render;

/**
 * Zooming around a point of the map, as a wheel or a pointer does: the new view is placed so that the
 * frame under the pointer stays under it. Views start on 2M boundaries ({@link Viewport}) and cells
 * are laid out row by row in a power-of-two number of columns ({@link CellLayout}), so this is exact
 * whenever the new view's cells are 2M or 1G regions; in a view of 4K cells a frame's column is fixed
 * by its address, and the frame's 2M region (a band of whole rows) is what stays under the pointer.
 * At the edges of RAM the view is clamped, as every map viewer does.
 */
public final class ZoomAround {
    private ZoomAround() {
    }

    /**
     * The view after zooming {@code in} (half the span) or out (twice) around frame {@code focus}, which
     * is under pixel ({@code x}, {@code y}) of a {@code width x height} map.
     */
    public static Viewport of(Viewport now, long frames, int width, int height, long focus, double x, double y, boolean in) {
        long total = Viewport.whole(frames).span();
        long span = in ? now.span() / 2 : now.span() * 2;
        span = Math.max(Viewport.MIN_SPAN, Math.min(total, (span + Viewport.MIN_SPAN - 1) / Viewport.MIN_SPAN * Viewport.MIN_SPAN));
        return placed(span, total, width, height, focus, x, y);
    }

    /** A view of {@code span} frames placed so that {@code focus} lands under pixel (x, y) as nearly as the grid allows. */
    static Viewport placed(long span, long total, int width, int height, long focus, double x, double y) {
        CellLayout l = CellLayout.of(new Viewport(0, span), Math.max(1, width), Math.max(1, height));
        long col = clamp((long) Math.floor((x - l.originX()) / l.side()), 0, l.cols() - 1);
        long row = clamp((long) Math.floor((y - l.originY()) / l.side()), 0, l.rows() - 1);
        long unit = l.unit().frames();
        long want = focus - (row * l.cols() + col) * unit;       // a start that puts focus in the pointer's cell
        long start = Math.floorDiv(want, Viewport.MIN_SPAN) * Viewport.MIN_SPAN;
        if (unit < Viewport.MIN_SPAN) {
            // 4K cells: the 2M alignment moves the focus by whole rows; of the two starts around the wanted
            // one, take the one that keeps the focus in view with its row nearest the pointer's.
            long alt = start + Viewport.MIN_SPAN;
            boolean inA = focus - start < span;
            boolean inB = focus >= alt;
            if (!inA || (inB && Math.abs((focus - alt) / l.cols() - row) < Math.abs((focus - start) / l.cols() - row))) {
                start = alt;
            }
        }
        start = clamp(start, 0, total - span);
        return new Viewport(start / Viewport.MIN_SPAN * Viewport.MIN_SPAN, span);
    }

    /** The view of one cell: a 1G or 2M cell's region, or the 2M region of a 4K cell. */
    public static Viewport cell(CellLayout l, long cell, long frames) {
        long from = l.pfnOf(cell);
        return Viewport.of(from, from + l.unit().frames(), frames);
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
