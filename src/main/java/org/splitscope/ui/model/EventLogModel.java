package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.Position;
import org.splitscope.ui.service.Command;
import org.splitscope.ui.service.PartKind;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.Snapshot.EventRow;
import org.splitscope.ui.service.ViewSettings;

/**
 * The event log: the rows of the page at the current position, the line that counts them, the
 * filter and a title naming the kinds it shows; commands to filter, to jump to an event, and to say
 * which bottom pane is on screen (the service builds the log only while it is).
 *
 * <p>Threading: FX thread only.
 */
public final class EventLogModel {
    private final Models models;
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(this, "position", Position.START);
    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    private final ObservableList<EventRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Snapshot.LogPage> page = new ReadOnlyObjectWrapper<>(this, "page");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper kindsTitle = new ReadOnlyStringWrapper(this, "kindsTitle", kindsTitle(0));
    private final ReadOnlyObjectWrapper<EventFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", EventFilter.ALL);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", true);

    EventLogModel(Models models) {
        this.models = models;
    }

    void apply(Snapshot s) {
        position.set(s.position());
        if (s.dirty(PartKind.LOG) || page.get() == null) {
            rows.setAll(s.log().rows());
            text.set(s.log().text());
            page.set(s.log());
        }
    }

    /** Shows only the events the filter passes (the count and the rows follow at the same position). */
    public void setFilter(EventFilter f) {
        filter.set(f);
        kindsTitle.set(kindsTitle(f.kinds()));
        models.update(v -> v.withFilter(f));
    }

    /** The kinds part of a filter in words: "all kinds", one kind's label, or how many. */
    public static String kindsTitle(int kinds) {
        List<String> names = new ArrayList<>();
        for (EventKind k : EventKind.values()) {
            if ((kinds & k.bit()) != 0) {
                names.add(org.splitscope.ui.service.EventWords.label(k));
            }
        }
        return names.isEmpty() ? "all kinds" : names.size() <= 2 ? String.join(", ", names) : names.size() + " kinds";
    }

    /** Jumps to right after an event of the log and outlines its frames on the map. */
    public void goTo(EventRow row) {
        models.send(new Command.Reveal(row.after(), row.pfn(), row.frameCount(), models.settings()));
    }

    /** Which bottom pane is on screen. */
    public void paneShown(ViewSettings.Pane pane) {
        shown.set(pane == ViewSettings.Pane.EVENTS);
        if (pane != models.settings().pane()) {
            models.update(v -> v.withPane(pane));
        }
    }

    /** The position the rows and the count are at. */
    public ReadOnlyObjectProperty<Position> positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ObservableList<EventRow> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<Snapshot.LogPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** "12 events", "showing the latest 20000 of 50300 events", ... */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The kinds the filter shows, for the "Show:" control. */
    public ReadOnlyStringProperty kindsTitleProperty() {
        return kindsTitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EventFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
