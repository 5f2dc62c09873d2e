package org.splitscope.ui;

import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.mem.PageSize;
import org.splitscope.render.CellLayout;
import org.splitscope.render.Layer;
import org.splitscope.render.Viewport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zoom that works (issue 13 item 3), with the mouse and keys: the wheel zooms around the pointer, "+"
 * typed as Shift+= zooms in, 4K cells only at 3 px or more, Z and a double-click zoom to a cell, and
 * all of RAM to one 2M region takes at most 3 actions.
 */
class ZoomFlowTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage, 1280, 780);
    }

    CellLayout layout() {
        return skin(view.heatMap).layout();
    }

    Point2D screenOfLocal(double x, double y) {
        return view.heatMap.localToScreen(x, y);
    }

    /** The centre of the cell holding {@code pfn}, in the map's own coordinates. */
    Point2D localOf(long pfn) {
        CellLayout l = layout();
        long c = l.cellOf(pfn);
        return new Point2D(l.xOf(c) + l.side() / 2.0, l.yOf(c) + l.side() / 2.0);
    }

    static long region(long pfn) {
        return pfn / PageSize.M2.frames();
    }

    @Test
    @DisplayName("the wheel zooms around the pointer: the frames under it stay under it, off-centre, in and out")
    void wheelKeepsThePointer(FxRobot robot) {
        CellLayout l0 = layout();
        // a point well off the centre: three quarters across, a quarter down the cells
        double x = l0.originX() + l0.cols() * l0.side() * 0.77;
        double y = l0.originY() + l0.rows() * l0.side() * 0.23;
        robot.moveTo(screenOfLocal(x, y));
        long span = l0.viewport().span();
        // which way of the wheel is "in" depends on the platform's robot: at all of RAM only "in" can change the view
        VerticalDirection in = VerticalDirection.UP;
        robot.scroll(1, in);
        if (layout().viewport().span() == span) {
            in = VerticalDirection.DOWN;
        } else {
            robot.scroll(1, in == VerticalDirection.UP ? VerticalDirection.DOWN : VerticalDirection.UP);
        }
        assertThat(layout().viewport().span()).isEqualTo(span);
        for (int i = 0; i < 5; i++) {
            CellLayout before = layout();
            long cell = before.cellAt((int) x, (int) y);
            assertThat(cell).as("a cell under the pointer").isGreaterThanOrEqualTo(0);
            long from = before.pfnOf(cell);
            long to = from + before.unit().frames();
            robot.scroll(1, in);
            CellLayout after = layout();
            assertThat(after.viewport().span()).as("zoom %d went in", i).isLessThan(span);
            span = after.viewport().span();
            long now = after.cellAt((int) x, (int) y);
            assertThat(now).as("a cell under the pointer after zoom %d", i).isGreaterThanOrEqualTo(0);
            long nFrom = after.pfnOf(now);
            long nTo = nFrom + after.unit().frames();
            // the frames under the pointer before are still (some of them) under it; with 4K cells, their 2M region
            boolean overlaps = nFrom < to && from < nTo;
            boolean sameRegion = after.unit() == PageSize.K4 && region(nFrom) >= region(from) && region(nFrom) <= region(to - 1);
            assertThat(overlaps || sameRegion).as("zoom %d: [%x,%x) under the pointer, then [%x,%x) (%s cells)", i, from, to,
                    nFrom, nTo, after.unit()).isTrue();
        }
        // and out again, around the same point
        CellLayout last = layout();
        long cell = last.cellAt((int) x, (int) y);
        long focusRegion = region(last.pfnOf(cell));
        robot.scroll(1, in == VerticalDirection.UP ? VerticalDirection.DOWN : VerticalDirection.UP);
        CellLayout out = layout();
        assertThat(out.viewport().span()).isGreaterThan(last.viewport().span());
        long now = out.cellAt((int) x, (int) y);
        long nFrom = out.pfnOf(now);
        assertThat(focusRegion).isBetween(region(nFrom), region(nFrom + out.unit().frames() - 1));
    }

    @Test
    @DisplayName("\"+\" typed as Shift+= zooms in, \"-\" zooms out; 4K cells only at 3 px or more, else 2M cells")
    void plusKeyAndCellSize(FxRobot robot) {
        long whole = layout().viewport().span();
        robot.push(KeyCode.SHIFT, KeyCode.EQUALS);
        assertThat(layout().viewport().span()).as("Shift+= is +").isEqualTo(whole / 2);
        robot.type(KeyCode.MINUS);
        assertThat(layout().viewport().span()).isEqualTo(whole);
        boolean saw4k = false;
        for (int i = 0; i < 12; i++) {
            robot.push(KeyCode.SHIFT, KeyCode.EQUALS);
            CellLayout l = layout();
            if (l.unit() == PageSize.K4) {
                saw4k = true;
                assertThat(l.side()).as("a 4K cell at %s", l.viewport()).isGreaterThanOrEqualTo(3);
            } else {
                // a 4K view of this span would not give 3 px cells
                long cells = l.viewport().span();
                assertThat(fits4k(cells, l.width(), l.height())).as("2M cells at %s", l.viewport()).isFalse();
            }
        }
        assertThat(saw4k).as("zooming in far enough shows 4K cells").isTrue();
    }

    /** Whether {@code cells} square cells of at least 3 px fit a {@code w x h} area in power-of-two columns. */
    static boolean fits4k(long cells, int w, int h) {
        for (long cols = 1; cols <= Math.max(1, cells) * 2; cols *= 2) {
            long c = Math.min(cols, cells);
            long rows = (cells + cols - 1) / cols;
            if (Math.min(w / c, h / rows) >= 3) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("all of RAM to one 2M region in at most 3 actions (double-clicks); Z zooms to the selection")
    void toOneRegion(FxRobot robot) {
        long target = 0x20005;
        int actions = 0;
        while (layout().viewport().span() > PageSize.M2.frames() && actions < 3) {
            robot.doubleClickOn(screenOfLocal(localOf(target).getX(), localOf(target).getY()), MouseButton.PRIMARY);
            actions++;
        }
        Viewport vp = layout().viewport();
        assertThat(vp.span()).as("one 2M region after %d double-clicks", actions).isEqualTo(PageSize.M2.frames());
        assertThat(actions).isLessThanOrEqualTo(3);
        assertThat(vp.start()).isEqualTo(target / PageSize.M2.frames() * PageSize.M2.frames());

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(layout().viewport().span()).isGreaterThan(PageSize.M2.frames());
        // select a cell with a click, then Z
        Point2D p = localOf(0x40000);
        robot.clickOn(screenOfLocal(p.getX(), p.getY()));
        assertThat(model.map().inspectorProperty().get()).as("the click selected a cell").isNotNull();
        long selFrom = layout().pfnOf(layout().cellAt((int) p.getX(), (int) p.getY()));
        long selTo = selFrom + layout().unit().frames();
        robot.interact(() -> view.heatMap.requestFocus());
        robot.type(KeyCode.Z);
        Viewport z = layout().viewport();
        assertThat(z).isEqualTo(Viewport.of(selFrom, selTo, snap().run().frames()));
        assertThat(z.span()).isLessThan(snap().run().frames());
    }

    @Test
    @DisplayName("after hovering the map, a layer toggle still repaints it (a pooled pixel array is a new picture)")
    void hoverThenToggleRepaints(FxRobot robot) {
        Point2D p = localOf(0x20000);
        int before = skin(view.heatMap).pixel((int) p.getX(), (int) p.getY());
        robot.moveTo(screenOfLocal(p.getX(), p.getY()));
        robot.moveTo(view.legend.toggles.get(Layer.DIRECT_MAP));
        robot.interact(() -> model.map().toggleLayer(Layer.DIRECT_MAP));
        assertThat(skin(view.heatMap).pixel((int) p.getX(), (int) p.getY())).isNotEqualTo(before);
        robot.interact(() -> model.map().toggleLayer(Layer.DIRECT_MAP));
        assertThat(skin(view.heatMap).pixel((int) p.getX(), (int) p.getY())).isEqualTo(before);
    }
}
