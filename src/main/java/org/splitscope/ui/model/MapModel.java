package org.splitscope.ui.model;

import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.splitscope.core.history.Position;
import org.splitscope.render.CellLayout;
import org.splitscope.render.Layer;
import org.splitscope.ui.service.Command;
import org.splitscope.ui.service.Command.ZoomKind;
import org.splitscope.ui.service.PartKind;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.Snapshot.ComparePart;
import org.splitscope.ui.service.Snapshot.InspectorData;
import org.splitscope.ui.service.Snapshot.MapPart;

/**
 * The heat map and what hangs off it: the pixels and their layout, the compared runs, the line about
 * the cell under the mouse, the inspector for the selection, and the drawing settings (layers,
 * theme, TLB CPU); commands to zoom, pan, select, hover, compare and change the settings. Pixels
 * are replaced only when the map part is dirty, so a hover never makes the view redraw a map.
 *
 * <p>Threading: FX thread only.
 */
public final class MapModel {
    private final Models models;
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(this, "position", Position.START);
    private final ReadOnlyObjectWrapper<MapPart> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyObjectWrapper<ComparePart> compare = new ReadOnlyObjectWrapper<>(this, "compare");
    private final ReadOnlyObjectWrapper<InspectorData> inspector = new ReadOnlyObjectWrapper<>(this, "inspector");
    private final ReadOnlyObjectWrapper<Position> inspectorAt = new ReadOnlyObjectWrapper<>(this, "inspectorAt");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyStringWrapper viewportText = new ReadOnlyStringWrapper(this, "viewportText", "");
    private final ReadOnlyObjectWrapper<Set<Layer>> layers = new ReadOnlyObjectWrapper<>(this, "layers");
    private final javafx.beans.property.ReadOnlyBooleanWrapper dark = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "dark");
    private final javafx.beans.property.ReadOnlyIntegerWrapper tlbCpu = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "tlbCpu", -1);
    private final javafx.beans.property.ReadOnlyBooleanWrapper follow = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "follow");

    MapModel(Models models) {
        this.models = models;
        layers.set(models.settings().layers());
        dark.set(models.settings().dark());
    }

    void apply(Snapshot s) {
        position.set(s.position());
        if (s.dirty(PartKind.MAP) || frame.get() == null) {
            frame.set(s.map());
        }
        if (s.dirty(PartKind.COMPARE) || compare.get() == null) {
            compare.set(s.compare());
        }
        if (s.dirty(PartKind.INSPECTOR) || inspectorAt.get() == null) {
            inspector.set(s.inspector().data());
        }
        inspectorAt.set(s.inspector().at());
        hoverText.set(s.hover().text());
        viewportText.set(s.map().viewportText());
    }

    // ---- the view ------------------------------------------------------------------------------

    public void zoomIn() {
        zoom(ZoomKind.IN, -1);
    }

    public void zoomOut() {
        zoom(ZoomKind.OUT, -1);
    }

    public void zoomAll() {
        zoom(ZoomKind.ALL, -1);
    }

    private void zoom(ZoomKind k, long focus) {
        models.send(new Command.Zoom(k, focus, models.settings()));
    }

    /** Wheel zoom around the frame under (x, y) of the given layout: it stays under the pointer (render.ZoomAround). */
    public void zoomAt(CellLayout layout, double x, double y, boolean in) {
        long cell = layout == null ? -1 : layout.cellAt((int) x, (int) y);
        if (cell < 0) {
            zoom(in ? ZoomKind.IN : ZoomKind.OUT, -1);
            return;
        }
        // the frame under the pointer, to the pixel, inside a cell of many frames
        long unit = layout.unit().frames();
        double fx = ((x - layout.originX()) % layout.side()) / layout.side();
        double fy = ((y - layout.originY()) % layout.side()) / layout.side();
        long within = Math.min(unit - 1, (long) ((fy + fx / layout.side()) * unit));
        models.send(new Command.ZoomAround(in, layout.pfnOf(cell) + Math.max(0, within), x, y, models.settings()));
    }

    /** Double-click: shows the cell under (x, y) (a 1G or 2M cell's region, a 4K cell's 2M region). */
    public void zoomToCell(CellLayout layout, double x, double y) {
        long cell = layout == null ? -1 : layout.cellAt((int) x, (int) y);
        if (cell >= 0) {
            long from = layout.pfnOf(cell);
            zoomTo(from, from + layout.unit().frames());
        }
    }

    /** Shows the selected cell's region (nothing selected: nothing happens). */
    public void zoomToSelection() {
        zoom(ZoomKind.SELECTION, -1);
    }

    /** Follow the action: while on, each move of the run glides the view to the frames its step touches. */
    public void setFollow(boolean on) {
        follow.set(on);
        models.send(new Command.Follow(on, models.settings()));
    }

    public javafx.beans.property.ReadOnlyBooleanProperty followProperty() {
        return follow.getReadOnlyProperty();
    }

    /** Shows the frames {@code [from, to)} (at least one 2M region), as the export's {@code --zoom} does. */
    public void zoomTo(long from, long to) {
        models.send(new Command.ZoomTo(from, to, models.settings()));
    }

    /** Drag: move the view by {@code dy} pixels of rows (positive: toward lower addresses). */
    public void pan(CellLayout layout, double dy) {
        if (layout == null || layout.side() == 0) {
            return;
        }
        long rows = Math.round(-dy / layout.side());
        if (rows != 0) {
            models.send(new Command.Pan(rows * layout.framesPerRow(), models.settings()));
        }
    }

    /** Selects the cell under (x, y) (the inspector shows it); outside the map clears the selection. */
    public void select(CellLayout layout, double x, double y) {
        long cell = layout == null ? -1 : layout.cellAt((int) x, (int) y);
        if (cell < 0) {
            selectFrames(-1, -1);
        } else {
            long from = layout.pfnOf(cell);
            selectFrames(from, from + layout.unit().frames());
        }
    }

    /** Selects a frame range directly (the event log, tests); {@code from < 0} clears it. */
    public void selectFrames(long from, long to) {
        models.send(new Command.Select(from, to, models.settings()));
    }

    /** The mouse is over (x, y) of the given layout. */
    public void hover(CellLayout layout, double x, double y) {
        long cell = layout == null ? -1 : layout.cellAt((int) x, (int) y);
        if (cell < 0) {
            hoverOff();
        } else {
            models.send(new Command.Hover(layout.pfnOf(cell), layout.unit(), models.settings()));
        }
    }

    /** The mouse left the map. */
    public void hoverOff() {
        models.send(new Command.Hover(-1, org.splitscope.core.mem.PageSize.K4, models.settings()));
    }

    /** The map's pixel size changed. */
    public void resized(int w, int h) {
        if (w >= 2 && h >= 2 && (w != models.settings().mapWidth() || h != models.settings().mapHeight())) {
            models.update(v -> v.withMapSize(w, h));
        }
    }

    /** Shows exactly these layers (a tour's stop). */
    public void setLayers(Set<Layer> l) {
        models.update(v -> v.withLayers(l));
        layers.set(models.settings().layers());
    }

    public void toggleLayer(Layer l) {
        models.update(v -> v.toggle(l));
        layers.set(models.settings().layers());
    }

    public void setDark(boolean d) {
        models.update(v -> v.withDark(d));
        dark.set(d);
    }

    /** Draws one CPU's TLB conflicts (-1: all CPUs). */
    public void setTlbCpu(int cpu) {
        models.update(v -> v.withTlbCpu(cpu));
        tlbCpu.set(models.settings().tlbCpu());
    }

    /** Compares with the same scenario and seed under these policies (the current one among them is skipped). */
    public void compare(List<String> policies) {
        models.send(new Command.Compare(policies, models.settings()));
    }

    public void stopCompare() {
        compare(List.of());
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The position the map shows. */
    public ReadOnlyObjectProperty<Position> positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MapPart> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The compared runs (a part without panes when not comparing). */
    public ReadOnlyObjectProperty<ComparePart> compareProperty() {
        return compare.getReadOnlyProperty();
    }

    /** The inspector's content (null: nothing selected). */
    public ReadOnlyObjectProperty<InspectorData> inspectorProperty() {
        return inspector.getReadOnlyProperty();
    }

    /** The position the inspector shows. */
    public ReadOnlyObjectProperty<Position> inspectorAtProperty() {
        return inspectorAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty viewportTextProperty() {
        return viewportText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<Layer>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty tlbCpuProperty() {
        return tlbCpu.getReadOnlyProperty();
    }
}
