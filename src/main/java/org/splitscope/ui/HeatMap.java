package org.splitscope.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.splitscope.render.CellLayout;

/**
 * The heat map of the physical address space (STYLE.md principle 5): pixels rasterized off the FX
 * thread by {@code render.HeatMapRasterizer}, shown through a PixelBuffer-backed image. The control
 * only displays frames and reports what the user does; the models decide what to draw.
 *
 * <p>Threading: FX thread only.
 */
public final class HeatMap extends Control {
    /**
     * A rasterized frame: pixels of {@code layout.width() x layout.height()}. Each frame is a new render, equal
     * only to itself: pixel arrays are pooled, so a new render may come in the array of the last one, and a
     * record's equals would call it unchanged (the property would not fire and the map would not repaint).
     */
    public record Frame(int[] pixels, CellLayout layout) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** What the user does on the map, in map pixel coordinates. */
    public interface Listener {
        void resized(int width, int height);

        void zoom(CellLayout layout, double x, double y, boolean in);

        void pan(CellLayout layout, double dy);

        void select(CellLayout layout, double x, double y);

        /** Double-click: show the cell under (x, y) whole. */
        default void zoomToCell(CellLayout layout, double x, double y) {
        }

        void hover(CellLayout layout, double x, double y);

        /** The mouse left the map. */
        void exited();
    }

    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>(this, "frame");
    private Listener listener;

    public HeatMap() {
        getStyleClass().add("heat-map");
        setFocusTraversable(true);
    }

    public ObjectProperty<Frame> frameProperty() {
        return frame;
    }

    public void setListener(Listener l) {
        this.listener = l;
    }

    Listener listener() {
        return listener;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new HeatMapSkin(this);
    }
}
