package org.splitscope.ui.model;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.splitscope.render.Layer;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.Tour;
import org.splitscope.scenario.TourLoader;
import org.splitscope.ui.service.Command;

/**
 * The tour being presented (issue 13): which one, which stop is open, the stop's title and speaker
 * notes, and the commands that open a tour and move between its stops. Opening a stop sets the
 * stop's layers and hands the stop to the simulation service, which opens its scenario, positions
 * and frames it ({@link Command.OpenStop}).
 *
 * <p>A tour file is read here, on the FX thread: it is a small text file (at most 4 MiB, read as
 * scenario files are), parsed without running anything; the scenarios it names are opened by the
 * service when their stop is.
 *
 * <p>Threading: FX thread only.
 */
public final class TourModel {
    private final Models models;
    private final MapModel map;
    private final ReadOnlyObjectWrapper<Tour> tour = new ReadOnlyObjectWrapper<>(this, "tour");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final BooleanBinding canNext;
    private final BooleanBinding canPrevious;
    private final StringBinding position;
    private final StringBinding title;
    private final StringBinding notes;
    private final StringBinding line;

    TourModel(Models models, MapModel map) {
        this.models = models;
        this.map = map;
        canNext = Bindings.createBooleanBinding(() -> tour.get() != null && index.get() + 1 < tour.get().stops().size(),
                tour, index);
        canPrevious = Bindings.createBooleanBinding(() -> tour.get() != null && index.get() > 0, tour, index);
        position = Bindings.createStringBinding(() -> stop() == null ? ""
                : "stop " + (index.get() + 1) + " of " + tour.get().stops().size(), tour, index);
        title = Bindings.createStringBinding(() -> stop() == null ? "" : stop().label(), tour, index);
        notes = Bindings.createStringBinding(() -> stop() == null ? "" : stop().notes(), tour, index);
        // on tour and index themselves: a binding that reads another only sometimes would miss its changes
        line = Bindings.createStringBinding(() -> stop() == null ? ""
                : "stop " + (index.get() + 1) + " of " + tour.get().stops().size() + ": " + stop().label(), tour, index);
    }

    /** The built-in tours' names. */
    public static List<String> builtins() {
        return TourLoader.builtins();
    }

    /** Opens a built-in tour by name or a tour file by path, at its first stop; a bad tour is an error naming file, line and column. */
    public boolean open(String nameOrPath) {
        Tour t;
        try {
            t = TourLoader.load(nameOrPath);
        } catch (ScenarioException e) {
            models.error("Cannot open the tour " + e.getMessage());
            return false;
        }
        tour.set(t);
        index.set(-1);
        openStop(0);
        return true;
    }

    /** Opens stop {@code i} (0-based) of the tour. */
    public void openStop(int i) {
        Tour t = tour.get();
        if (t == null || i < 0 || i >= t.stops().size()) {
            return;
        }
        Tour.Stop s = t.stops().get(i);
        map.setLayers(s.layers() == null ? Layer.DEFAULT : Layer.parse(String.join(",", s.layers())));
        index.set(i);
        models.send(new Command.OpenStop(t, i, models.settings()));
    }

    public void nextStop() {
        openStop(index.get() + 1);
    }

    public void previousStop() {
        openStop(index.get() - 1);
    }

    /** Leaves the tour (the run shown stays). */
    public void close() {
        tour.set(null);
        index.set(-1);
    }

    /** The stop open, or null. */
    public Tour.Stop stop() {
        Tour t = tour.get();
        int i = index.get();
        return t == null || i < 0 || i >= t.stops().size() ? null : t.stops().get(i);
    }

    public ReadOnlyObjectProperty<Tour> tourProperty() {
        return tour.getReadOnlyProperty();
    }

    /** The open stop, 0-based (-1: none). */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public BooleanBinding canNextStopProperty() {
        return canNext;
    }

    public BooleanBinding canPreviousStopProperty() {
        return canPrevious;
    }

    /** "stop 2 of 8" ("" without a tour). */
    public StringBinding positionText() {
        return position;
    }

    /** The open stop's title (else its scenario). */
    public StringBinding titleText() {
        return title;
    }

    /** "stop 2 of 8: the stop's title" ("" without a tour). */
    public StringBinding stopLine() {
        return line;
    }

    /** The open stop's speaker notes: for the presenter's window or the side tab, never the projected map. */
    public StringBinding notesText() {
        return notes;
    }
}
