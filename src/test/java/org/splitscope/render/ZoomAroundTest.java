package org.splitscope.render;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.mem.PageSize;

import static org.assertj.core.api.Assertions.assertThat;

class ZoomAroundTest {
    static final long FRAMES = 1L << 20;      // 4 GiB
    static final long BIG = 512L << 18;       // 512 GiB: all of RAM in 1G cells

    /** The frame under pixel (x, y) of the view, or -1. */
    static long frameAt(Viewport v, int w, int h, double x, double y) {
        CellLayout l = CellLayout.of(v, w, h);
        long c = l.cellAt((int) x, (int) y);
        return c < 0 ? -1 : l.pfnOf(c);
    }

    @Test
    @DisplayName("the wheel keeps the frame under the pointer: its cell stays under it in 1G and 2M views")
    void keepsTheCell() {
        int w = 800;
        int h = 600;
        for (long frames : new long[] {FRAMES, BIG}) {
            Viewport v = Viewport.whole(frames);
            for (int i = 0; i < 6; i++) {
                CellLayout before = CellLayout.of(v, w, h);
                double x = before.originX() + before.cols() * before.side() * 0.37;
                double y = before.originY() + before.rows() * before.side() * 0.61;
                long focus = frameAt(v, w, h, x, y) + before.unit().frames() / 3;
                Viewport next = ZoomAround.of(v, frames, w, h, focus, x, y, true);
                CellLayout after = CellLayout.of(next, w, h);
                assertThat(next.span()).isEqualTo(v.span() / 2);
                if (after.unit() != PageSize.K4) {
                    long cell = after.cellAt((int) x, (int) y);
                    assertThat(cell).as("zoom %d of %d frames", i, frames).isNotNegative();
                    long from = after.pfnOf(cell);
                    assertThat(focus).isBetween(from, from + after.unit().frames() - 1);
                }
                v = next;
            }
        }
    }

    @Test
    @DisplayName("in a 4K view the pointer stays over the focus frame's 2M region, and the focus is always in view")
    void keepsTheRegion() {
        int w = 640;
        int h = 480;
        Viewport v = new Viewport(0x20000, 4 * 512);
        CellLayout l = CellLayout.of(v, w, h);
        assertThat(l.unit()).isEqualTo(PageSize.K4);
        for (double fx : new double[] {0.3, 0.5, 0.7}) {
            for (double fy : new double[] {0.05, 0.5, 0.95}) {
                double x = l.originX() + l.cols() * l.side() * fx;
                double y = l.originY() + l.rows() * l.side() * fy;
                long focus = frameAt(v, w, h, x, y);
                Viewport in = ZoomAround.of(v, FRAMES, w, h, focus, x, y, true);
                assertThat(in.contains(focus)).isTrue();
                long under = frameAt(in, w, h, x, y);
                assertThat(under / 512).as("region under (%s, %s)", fx, fy).isEqualTo(focus / 512);
                Viewport out = ZoomAround.of(v, FRAMES, w, h, focus, x, y, false);
                assertThat(out.contains(focus)).isTrue();
            }
        }
    }

    @Test
    @DisplayName("clamped at the ends of RAM; a cell's view is its region, a 4K cell's its 2M region")
    void edgesAndCells() {
        Viewport top = ZoomAround.of(Viewport.whole(FRAMES), FRAMES, 800, 600, FRAMES - 1, 799, 599, true);
        assertThat(top.end()).isEqualTo(FRAMES);
        assertThat(top.contains(FRAMES - 1)).isTrue();
        assertThat(ZoomAround.of(new Viewport(0, 512), FRAMES, 800, 600, 3, 0, 0, true)).isEqualTo(new Viewport(0, 512));
        CellLayout all = CellLayout.of(Viewport.whole(FRAMES), 800, 600);
        assertThat(all.unit()).isEqualTo(PageSize.M2);
        assertThat(ZoomAround.cell(all, 0x100, FRAMES)).isEqualTo(new Viewport(0x100 * 512, 512));
        CellLayout one = CellLayout.of(new Viewport(0x20000, 512), 800, 600);
        assertThat(ZoomAround.cell(one, 5, FRAMES)).isEqualTo(new Viewport(0x20000, 512));
    }

    @Test
    @DisplayName("a 4K view only when a cell is at least 3 px: else 2M cells")
    void minSide() {
        // 1024 2M regions = 524288 4K frames: 2 px cells at 1024x512 would fit, 3 px do not
        CellLayout l = CellLayout.of(new Viewport(0, 512 * 1024), 1024, 512);
        assertThat(l.unit()).isEqualTo(PageSize.M2);
        CellLayout fine = CellLayout.of(new Viewport(0, 512 * 4), 1024, 512);
        assertThat(fine.unit()).isEqualTo(PageSize.K4);
        assertThat(fine.side()).isGreaterThanOrEqualTo(CellLayout.MIN_SIDE);
    }
}
