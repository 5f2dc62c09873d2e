package org.splitscope.ui.service;

import java.util.EnumSet;
import java.util.Set;
import org.splitscope.core.history.EventFilter;
import org.splitscope.render.Layer;
import org.splitscope.render.Palette;

/**
 * How the view wants things drawn, as one immutable value: the layers, the theme, the CPU whose TLB
 * conflicts are drawn (-1: all), the event-log filter, the pixel sizes of the heat map and the
 * timeline's marker strip, and which bottom pane is shown (the service builds the event-log page or
 * the chart series only for the one on screen). The FX side owns the current value and every
 * {@link Command} carries the one it was issued under, so the simulation thread never reads a
 * JavaFX property.
 *
 * <p>Threading: immutable; made on the FX thread, read on the simulation thread.
 */
public record ViewSettings(Set<Layer> layers, boolean dark, int tlbCpu, EventFilter filter, int mapWidth,
                           int mapHeight, int scrubberWidth, Pane pane) {
    /** The bottom pane on screen. */
    public enum Pane { EVENTS, CHARTS, OTHER }

    public static final ViewSettings DEFAULT = new ViewSettings(Layer.DEFAULT, false, -1, EventFilter.ALL, 800, 600, 800,
            Pane.EVENTS);

    public ViewSettings {
        layers = layers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(layers));
        mapWidth = Math.max(2, mapWidth);
        mapHeight = Math.max(2, mapHeight);
        scrubberWidth = Math.max(1, scrubberWidth);
        if (filter == null || pane == null) {
            throw new IllegalArgumentException("a filter and a pane are needed");
        }
    }

    public Palette palette() {
        return dark ? Palette.DARK : Palette.LIGHT;
    }

    /** The layers as an EnumSet (a fresh copy). */
    public EnumSet<Layer> layerSet() {
        return layers.isEmpty() ? EnumSet.noneOf(Layer.class) : EnumSet.copyOf(layers);
    }

    public ViewSettings withLayers(Set<Layer> l) {
        return new ViewSettings(l, dark, tlbCpu, filter, mapWidth, mapHeight, scrubberWidth, pane);
    }

    /** The layers with {@code l} switched on or off. */
    public ViewSettings toggle(Layer l) {
        EnumSet<Layer> next = layerSet();
        if (!next.remove(l)) {
            next.add(l);
        }
        return withLayers(next);
    }

    public ViewSettings withDark(boolean d) {
        return new ViewSettings(layers, d, tlbCpu, filter, mapWidth, mapHeight, scrubberWidth, pane);
    }

    public ViewSettings withTlbCpu(int cpu) {
        return new ViewSettings(layers, dark, Math.max(-1, cpu), filter, mapWidth, mapHeight, scrubberWidth, pane);
    }

    public ViewSettings withFilter(EventFilter f) {
        return new ViewSettings(layers, dark, tlbCpu, f, mapWidth, mapHeight, scrubberWidth, pane);
    }

    public ViewSettings withMapSize(int w, int h) {
        return new ViewSettings(layers, dark, tlbCpu, filter, w, h, scrubberWidth, pane);
    }

    public ViewSettings withScrubberWidth(int w) {
        return new ViewSettings(layers, dark, tlbCpu, filter, mapWidth, mapHeight, w, pane);
    }

    public ViewSettings withPane(Pane p) {
        return new ViewSettings(layers, dark, tlbCpu, filter, mapWidth, mapHeight, scrubberWidth, p);
    }
}
