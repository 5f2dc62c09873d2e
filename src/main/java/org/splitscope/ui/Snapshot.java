package org.splitscope.ui;

import java.util.List;
import java.util.NavigableMap;
import org.splitscope.core.history.Position;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.render.CellLayout;

/**
 * Everything the view shows at one moment, built on the simulation thread and handed to the FX
 * thread as one immutable value (the latest one wins; older ones are dropped, never queued).
 *
 * @param pixels   the heat map, {@code layout.width() x layout.height()} ARGB; owned by this snapshot
 * @param markers  per scrubber pixel column: a mask of event-kind bits of the steps it covers
 * @param chart    figures per step for the charts (null when unchanged since the previous snapshot)
 * @param events   the event log rows (null when unchanged)
 * @param compare  the compared runs, or null
 */
public record Snapshot(
        long serial,
        String scenarioId, String scenarioTitle, String description, String source, String policy, long seed,
        Position position, long totalSteps, long frontier, boolean canStepBack, boolean canStepForward, boolean playing,
        String caption, String stepText, String microText,
        RunSummary summary,
        int[] pixels, CellLayout layout, String viewportText,
        InspectorData inspector, String hoverText,
        int[] markers, ChartData chart, EventRows events,
        NavigableMap<String, Position> bookmarks,
        String busyText, double progress, String message,
        CompareView compare) {

    /**
     * The runs compared side by side (null when not comparing): pane 0 is this snapshot's own run
     * (its pixels are {@link #pixels()}), the others the peers, all at the same step, drawn with the
     * same layout; each pane's pixels carry the diff marks of the cells it differs in.
     */
    public record CompareView(List<Pane> panes) {
        public List<RunSummary> summaries() {
            return panes.stream().map(Pane::summary).toList();
        }
    }

    /** One compared run: its policy, pixels (layout as the snapshot's), figures and differing cells. */
    public record Pane(String policy, int[] pixels, RunSummary summary, java.util.BitSet differing, String stepText) {
    }

    /** One row of the inspector: a label and its value. */
    public record Field(String label, String value) {
    }

    /** The inspector for the selected cell. */
    public record InspectorData(String title, List<Field> fields, List<String> tlbLines, String lastEvent,
                                Position lastEventAt) {
    }

    /** Downsampled figures per step: {@code x[i]} is a step, {@code y[series][i]} a value. */
    public record ChartData(long[] x, String[] names, double[][] y) {
    }

    /** Event-log rows up to the current position that pass the filter (at most {@link #MAX}, the latest). */
    public record EventRows(List<EventRow> rows, long matching, String filterText) {
        public static final int MAX = 20_000;
    }

    /**
     * One event with its place on the timeline: {@code step} is 1-based (the step it happened in) and
     * {@code after} the position right after it, where choosing the row jumps.
     */
    public record EventRow(long step, int index, String kind, int cpu, int guest, String frames, String text,
                           long pfn, long frameCount, Position after) {
    }
}
