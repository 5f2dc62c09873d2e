package org.splitscope.ui;

import org.splitscope.render.CellLayout;
import org.splitscope.ui.model.MapModel;

/**
 * What the heat map's gestures do, as {@link MapModel} commands: the wheel zooms around the pointer,
 * a drag pans, a click selects, a double-click zooms to the cell, hovering describes it.
 *
 * <p>Threading: FX thread only.
 */
final class MapGestures implements HeatMap.Listener {
    private final MapModel map;

    MapGestures(MapModel map) {
        this.map = map;
    }

    @Override
    public void resized(int w, int h) {
        map.resized(w, h);
    }

    @Override
    public void zoom(CellLayout l, double x, double y, boolean in) {
        map.zoomAt(l, x, y, in);
    }

    @Override
    public void pan(CellLayout l, double dy) {
        map.pan(l, dy);
    }

    @Override
    public void select(CellLayout l, double x, double y) {
        map.select(l, x, y);
    }

    @Override
    public void zoomToCell(CellLayout l, double x, double y) {
        map.zoomToCell(l, x, y);
    }

    @Override
    public void hover(CellLayout l, double x, double y) {
        map.hover(l, x, y);
    }

    @Override
    public void exited() {
        map.hoverOff();
    }
}
