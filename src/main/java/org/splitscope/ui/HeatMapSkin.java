package org.splitscope.ui;

import java.nio.IntBuffer;
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
 * size changes; a new frame is copied in and the whole buffer marked dirty (one update per pulse,
 * since the view model applies at most one snapshot per pulse). Smoothing is off so cells stay sharp.
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
                control.listener().select(layout, e.getX(), e.getY());
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
        System.arraycopy(f.pixels(), 0, backing, 0, w * h);
        buffer.updateBuffer(b -> null);
        layout = f.layout();
    }

    /** The pixel at (x, y) as last shown (tests read the screen through it). */
    int pixel(int x, int y) {
        return backing == null ? 0 : backing[y * buffer.getWidth() + x];
    }

    CellLayout layout() {
        return layout;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        view.relocate(x, y);
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
