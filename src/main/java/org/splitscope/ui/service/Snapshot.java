package org.splitscope.ui.service;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.NavigableMap;
import org.splitscope.core.history.Position;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.render.CellLayout;

/**
 * Everything the view shows at one position, built on the simulation thread and handed to the FX
 * thread as one immutable value. It is made of parts; every part carries the position it was
 * computed at, and all of them carry this snapshot's position ({@link #consistent()}), so a view
 * that applies a snapshot whole shows one position in every pane.
 *
 * <p>{@link #dirty()} has a bit per {@link PartKind} whose content changed since the snapshot the
 * view applied last (bits of snapshots it never applied are merged in): the view rebuilds only those
 * panes. A part that did not change is the previous one, restamped with the position.
 *
 * <p>Threading: immutable once published. Pixel arrays are never written after publishing: the
 * service reuses a buffer only after the view has applied a later snapshot (it copies pixels when it
 * applies them).
 */
public record Snapshot(long serial, Position position, int dirty, RunPart run, StepPart step, PlayPart play,
                       MapPart map, StatusPart status, LogPage log, ChartPart chart, InspectorPart inspector,
                       HoverPart hover, MarkersPart markers, ComparePart compare, MessagePart message,
                       ReplayPart replay) {

    /** A part of a snapshot, computed at a position. */
    public sealed interface Part permits RunPart, StepPart, PlayPart, MapPart, StatusPart, LogPage, ChartPart,
            InspectorPart, HoverPart, MarkersPart, ComparePart, MessagePart, ReplayPart {
        Position at();
    }

    public boolean dirty(PartKind k) {
        return (dirty & k.bit()) != 0;
    }

    /** This snapshot with the dirty bits of an older one the view never applied. */
    Snapshot mergeDirty(int older) {
        return older == 0 ? this : new Snapshot(serial, position, dirty | older, run, step, play, map, status, log, chart,
                inspector, hover, markers, compare, message, replay);
    }

    /** The parts, in {@link PartKind} order. */
    public List<Part> parts() {
        return List.of(run, step, play, map, status, log, chart, inspector, hover, markers, compare, message, replay);
    }

    /** Whether every part was computed at this snapshot's position. */
    public boolean consistent() {
        return parts().stream().allMatch(p -> p.at().equals(position));
    }

    /** The loaded run: what ran, under which policy and kernel. {@code file} is null for a built-in. */
    public record RunPart(Position at, long runSerial, String scenarioId, String title, String description,
                          String source, Path file, String policy, String kernel, long seed, int cpus, long frames,
                          long totalSteps) implements Part {
        RunPart at(Position p) {
            return new RunPart(p, runSerial, scenarioId, title, description, source, file, policy, kernel, seed, cpus,
                    frames, totalSteps);
        }
    }

    /**
     * The step: its caption, where the run stands, what the last micro-event or step came to, and in a
     * few words what the step came to under this policy ({@code outcome}, the presentation strip's).
     */
    public record StepPart(Position at, String caption, String stepText, String microText, boolean canStepBack,
                           boolean canStepForward, String outcome) implements Part {
    }

    /** Play as the service runs it: the generation of the latest Play or Pause, and whether it plays. */
    public record PlayPart(Position at, long generation, boolean playing, double speed) implements Part {
        PlayPart at(Position p) {
            return new PlayPart(p, generation, playing, speed);
        }
    }

    /**
     * The heat map: {@code layout.width() x layout.height()} ARGB pixels (in compare mode with diff marks).
     * Two map parts are equal only when they are the same render: pixel arrays are pooled (BufferPool), so a
     * new render may reuse the array of the last one, and a record's equals (which compares arrays by
     * reference) would then call it unchanged and a property would not tell the view to show it.
     */
    public record MapPart(Position at, int[] pixels, CellLayout layout, String viewportText) implements Part {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** The figures of the status bar; every counter is at the position, micro-events included. */
    public record StatusPart(Position at, RunSummary summary, String figures) implements Part {
    }

    /**
     * The event log's page: the latest matching events up to the position (oldest first), how many
     * match in all, and a line saying so. {@code shown} is false when the log is not on screen (no rows).
     */
    public record LogPage(Position at, List<EventRow> rows, long matching, String text, boolean shown) implements Part {
        /** Rows in a page when paused; while playing, {@link #PLAYING_ROWS}. */
        public static final int MAX_ROWS = 20_000;
        public static final int PLAYING_ROWS = 500;
    }

    /**
     * One event with its place on the timeline: {@code step} is 1-based (the step it happened in) and
     * {@code after} the position right after it, where choosing the row jumps.
     */
    public record EventRow(long step, int index, String kind, int cpu, int guest, String frames, String text,
                           long pfn, long frameCount, Position after) {
    }

    /** The chart series over the steps run so far (null when the charts are not on screen); the cursor is the position. */
    public record ChartPart(Position at, ChartSeries series) implements Part {
    }

    /** Downsampled figures per step: {@code x[i]} is a step boundary, {@code y[series][i]} a value; the run has {@code totalSteps}. */
    public record ChartSeries(long[] x, String[] names, double[][] y, long totalSteps) {
    }

    /** The inspector for the selection (data null: nothing selected). */
    public record InspectorPart(Position at, InspectorData data) implements Part {
    }

    /** The inspector's content. {@code lastEventAt} is where the event that last changed the cells happened, or null. */
    public record InspectorData(String title, List<Field> fields, List<String> tlbLines, String lastEvent,
                                Position lastEventAt) {
    }

    /** One row of the inspector: a label and its value. */
    public record Field(String label, String value) {
    }

    /** One line about the cell under the mouse ("" when the mouse is not over the map). */
    public record HoverPart(Position at, String text) implements Part {
    }

    /**
     * The timeline bar: per marker column a mask of event-kind bits of the steps it covers, the steps
     * run so far, the length of the run and the bookmarks.
     */
    public record MarkersPart(Position at, int[] markers, long frontier, long totalSteps,
                              NavigableMap<String, Position> bookmarks) implements Part {
        MarkersPart at(Position p) {
            return new MarkersPart(p, markers, frontier, totalSteps, bookmarks);
        }
    }

    /**
     * The compared runs (no panes: not comparing). Pane 0 is this run (its pixels are the map's);
     * the others are the peers, at the same step, drawn with the same layout.
     */
    public record ComparePart(Position at, List<Pane> panes) implements Part {
        public boolean comparing() {
            return !panes.isEmpty();
        }

        public List<String> policies() {
            return panes.stream().map(Pane::policy).toList();
        }

        public List<RunSummary> summaries() {
            return panes.stream().map(Pane::summary).toList();
        }
    }

    /**
     * One compared run: its policy, pixels, figures, the cells it differs in, and its own position
     * (inside a step of the main run the peers stand at the boundary before it: their micro-events differ).
     */
    public record Pane(String policy, int[] pixels, RunSummary summary, BitSet differing, Position runAt) {
        public String stepText() {
            return "step " + runAt;
        }
    }

    /** A message about what the last command did ("" when none); it lasts while the position stays. */
    public record MessagePart(Position at, String text) implements Part {
    }

    /**
     * A host recording's replay (TRACE.md; {@code replaying} false for a scenario): one line about it
     * (traced as, replayed as, the mismatches), the mismatch rows in step order (at most
     * {@code ReplayState.MAX_ROWS}, all counted in {@code mismatchCount}), the timeline columns that
     * hold a mismatch (a strip of the markers' width; never written once published), and for the step
     * the caption shows: its trace line ({@code traceLocation} file:line, {@code traceQuote} the line)
     * and how it compares with the host ({@code stepCheck}); those three are null at the start.
     */
    public record ReplayPart(Position at, boolean replaying, String summary, List<EventRow> mismatches,
                             int mismatchCount, BitSet columns, String traceLocation, String traceQuote,
                             String stepCheck) implements Part {
        static ReplayPart none(Position at) {
            return new ReplayPart(at, false, "", List.of(), 0, new BitSet(), null, null, null);
        }

        ReplayPart at(Position p) {
            return new ReplayPart(p, replaying, summary, mismatches, mismatchCount, columns, traceLocation, traceQuote,
                    stepCheck);
        }
    }
}
