package org.splitscope.ui.model;

import java.util.BitSet;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.splitscope.ui.service.Command;
import org.splitscope.ui.service.PartKind;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.Snapshot.EventRow;

/**
 * A host recording's replay as the view shows it (TRACE.md, issue 11): whether the run is one, a line
 * about it, every mismatch with both figures (and a command that jumps to one), the timeline columns
 * that hold a mismatch, and for the step the caption shows its trace line and how it compares with the
 * host. All from the snapshot's replay part, applied whole with the other panes.
 *
 * <p>Threading: FX thread only.
 */
public final class ReplayModel {
    private final Models models;
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper(this, "replaying");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<EventRow> mismatches = FXCollections.observableArrayList();
    private final ObservableList<EventRow> mismatchesView = FXCollections.unmodifiableObservableList(mismatches);
    private final ReadOnlyIntegerWrapper mismatchCount = new ReadOnlyIntegerWrapper(this, "mismatchCount");
    private final ReadOnlyObjectWrapper<BitSet> columns = new ReadOnlyObjectWrapper<>(this, "columns");
    private final ReadOnlyStringWrapper traceLocation = new ReadOnlyStringWrapper(this, "traceLocation");
    private final ReadOnlyStringWrapper traceQuote = new ReadOnlyStringWrapper(this, "traceQuote");
    private final ReadOnlyStringWrapper stepCheck = new ReadOnlyStringWrapper(this, "stepCheck");
    private List<EventRow> shownRows = List.of();

    ReplayModel(Models models) {
        this.models = models;
    }

    void apply(Snapshot s) {
        if (!s.dirty(PartKind.REPLAY) && columns.get() != null) {
            return;
        }
        Snapshot.ReplayPart r = s.replay();
        replaying.set(r.replaying());
        summary.set(r.summary());
        if (r.mismatches() != shownRows) {                 // the same list while the run stays: no new rows
            shownRows = r.mismatches();
            mismatches.setAll(shownRows);
        }
        mismatchCount.set(r.mismatchCount());
        columns.set(r.replaying() ? r.columns() : null);
        traceLocation.set(r.traceLocation());
        traceQuote.set(r.traceQuote());
        stepCheck.set(r.stepCheck());
    }

    /** Jumps right after the step of a mismatch and outlines its frames. */
    public void goTo(EventRow mismatch) {
        models.send(new Command.Reveal(mismatch.after(), mismatch.pfn(), mismatch.frameCount(), models.settings()));
    }

    /** Whether the run replays a host recording. */
    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying.getReadOnlyProperty();
    }

    /** Traced as, replayed as (a what-if when they differ), the mismatches by figure, what was not recorded. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Every mismatch in step order (at most the service's cap; {@link #mismatchCountProperty} counts all). */
    public ObservableList<EventRow> mismatches() {
        return mismatchesView;
    }

    public ReadOnlyIntegerProperty mismatchCountProperty() {
        return mismatchCount.getReadOnlyProperty();
    }

    /** Columns of the timeline's marker strip that hold a mismatch; null when the run is no replay. */
    public ReadOnlyObjectProperty<BitSet> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    /** {@code trace.txt:LINE} of the step the caption shows (null at the start or for a scenario). */
    public ReadOnlyStringProperty traceLocationProperty() {
        return traceLocation.getReadOnlyProperty();
    }

    /** That trace line, quoted. */
    public ReadOnlyStringProperty traceQuoteProperty() {
        return traceQuote.getReadOnlyProperty();
    }

    /** How that step compares with the host: its mismatches with both figures, or that all agree. */
    public ReadOnlyStringProperty stepCheckProperty() {
        return stepCheck.getReadOnlyProperty();
    }
}
