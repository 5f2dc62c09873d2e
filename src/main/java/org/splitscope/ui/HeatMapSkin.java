package org.splitscope.ui;

import java.nio.IntBuffer;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SkinBase;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.splitscope.render.CellLayout;

/**
 * Shows {@link HeatMap.Frame}s: one {@link PixelBuffer} over an int array, recreated only when the
 * size changes; a new frame is copied in and the part with cells marked dirty and shown (one update
 * per pulse, since the app applies at most one snapshot per pulse). Smoothing is off so cells
 * stay sharp. The copy into the buffer happens only inside {@code updateBuffer}, as PixelBuffer asks.
 *
 * <p>Threading: FX thread only.
 */
final class HeatMapSkin extends SkinBase<HeatMap> {
    private final ImageView view = new ImageView();
    private PixelBuffer<IntBuffer> buffer;
    private int[] backing;
    private CellLayout layout;
    private int reportedW = -1;
    private int reportedH = -1;
    private double dragY;
    private double dragAccum;
    private boolean dragged;

    HeatMapSkin(HeatMap control) {
        super(control);
        view.setSmooth(false);
        view.setPreserveRatio(false);
        getChildren().add(view);
        control.frameProperty().addListener((obs, o, f) -> show(f));
        control.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (layout != null && control.listener() != null && e.getDeltaY() != 0) {
                control.listener().zoom(layout, e.getX(), e.getY(), e.getDeltaY() > 0);
                e.consume();
            }
        });
        control.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragY = e.getY();
            dragAccum = 0;
            dragged = false;
            control.requestFocus();
        });
        control.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (layout == null || control.listener() == null) {
                return;
            }
            dragAccum += e.getY() - dragY;
            dragY = e.getY();
            if (Math.abs(dragAccum) >= layout.side()) {
                dragged = true;
                control.listener().pan(layout, dragAccum);
                dragAccum = dragAccum % layout.side();
            }
        });
        control.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!dragged && e.getButton() == MouseButton.PRIMARY && layout != null && control.listener() != null) {
                if (e.getClickCount() == 2) {
                    control.listener().zoomToCell(layout, e.getX(), e.getY());   // the first click selected it
                } else {
                    control.listener().select(layout, e.getX(), e.getY());
                }
            }
        });
        control.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (control.listener() != null) {
                control.listener().exited();
            }
        });
        control.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            if (layout != null && control.listener() != null) {
                control.listener().hover(layout, e.getX(), e.getY());
            }
        });
    }

    private void show(HeatMap.Frame f) {
        if (f == null) {
            return;
        }
        int w = f.layout().width();
        int h = f.layout().height();
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            backing = new int[w * h];
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(backing), PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(buffer));
        }
        // Show (and upload) only the part with cells in it, plus a margin for the selection outline:
        // the rest is background, drawn by the pane. A software renderer pays per pixel drawn.
        CellLayout l = f.layout();
        int usedCols = (int) Math.max(1, Math.min(l.cols(), l.cells()));
        int x0 = Math.max(0, l.originX() - MARGIN);
        int y0 = Math.max(0, l.originY() - MARGIN);
        int x1 = Math.min(w, l.originX() + usedCols * l.side() + MARGIN);
        int y1 = Math.min(h, l.originY() + l.rows() * l.side() + MARGIN);
        Rectangle2D used = x1 > x0 && y1 > y0 ? new Rectangle2D(x0, y0, x1 - x0, y1 - y0) : new Rectangle2D(0, 0, w, h);
        if (!used.equals(view.getViewport())) {
            view.setViewport(used);
            getSkinnable().requestLayout();
        }
        int[] src = f.pixels();
        buffer.updateBuffer(b -> {
            System.arraycopy(src, 0, backing, 0, w * h);
            return used;
        });
        layout = l;
    }

    private static final int MARGIN = 3;

    /** The pixel at (x, y) as last shown (tests read the screen through it). */
    int pixel(int x, int y) {
        return backing == null ? 0 : backing[y * buffer.getWidth() + x];
    }

    CellLayout layout() {
        return layout;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        Rectangle2D used = view.getViewport();
        view.relocate(x + (used == null ? 0 : used.getMinX()), y + (used == null ? 0 : used.getMinY()));
        int iw = (int) Math.floor(w);
        int ih = (int) Math.floor(h);
        if ((iw != reportedW || ih != reportedH) && iw > 1 && ih > 1 && getSkinnable().listener() != null) {
            reportedW = iw;
            reportedH = ih;
            getSkinnable().listener().resized(iw, ih);
        }
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 560;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 100;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 80;
    }
}
