package org.splitscope.ui.model;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.splitscope.core.history.Position;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.ui.service.PartKind;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.Snapshot.ChartSeries;

/**
 * The run's figures: the status bar's counters and the chart series (null while the charts are not
 * on screen), with the chart cursor at the position.
 *
 * <p>Threading: FX thread only.
 */
public final class FiguresModel {
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(this, "position", Position.START);
    private final ReadOnlyObjectWrapper<RunSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyObjectWrapper<ChartSeries> series = new ReadOnlyObjectWrapper<>(this, "series");

    FiguresModel() {
    }

    void apply(Snapshot s) {
        if (s.dirty(PartKind.STATUS) || summary.get() == null) {
            summary.set(s.status().summary());
            statusText.set(s.status().figures());
        }
        stepText.set(s.step().stepText());
        if (s.dirty(PartKind.CHART) || series.get() == null) {
            series.set(s.chart().series());
        }
        position.set(s.position());
    }

    /** The position the status bar and the chart cursor show. */
    public ReadOnlyObjectProperty<Position> positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The status bar's figures: DirectMap lines, splits, collapses, cpa, flush_tlb_all, faults, stale TLB. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** "step 5 of 8 | simulated ...". */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }
}
