package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.sim.RunMode;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.state.Journal;

/**
 * Free movement through a run (STYLE.md principle 4): step forward and back by step or by
 * micro-event, seek to any position, and the run's events, faults, per-step figures and bookmarks.
 *
 * <p>How it goes back: every state write is journaled with its old value, and the journal position
 * at each step boundary is kept ({@link JournalMarks}), so stepping back is undoing. Full
 * checkpoints of the state are taken at a spacing chosen so they fit half the history budget; a
 * seek far away restores the nearest checkpoint at or before the target and replays forward, with
 * the journal off except for the last few steps. A position inside a step is reached by running
 * that step again while recording the journal position at each of its events, then undoing to the
 * one wanted ({@link MicroStep}, which also makes the counters agree there). Because steps are
 * deterministic (R24), the state, and its hash, at a position is the same whichever way it is
 * reached.
 *
 * <p>Threading: not thread-safe; confined to the thread that drives it (the app's simulation
 * service, which hands the view immutable snapshots).
 */
public final class Timeline {
    /** Steps before a seek target that are replayed with the journal on, so stepping back is instant. */
    static final int JOURNAL_TAIL = 256;
    /** Beyond this many journal entries to undo, a checkpoint and replay is preferred. */
    static final long MAX_UNDO_LONGS = 8L << 20;

    /** What to keep besides the state: events and per-step figures (both off for pure seeking benchmarks). */
    public record Options(boolean events, boolean series, boolean tlbSeries) {
        public static final Options FULL = new Options(true, true, true);
        public static final Options STATE_ONLY = new Options(false, false, false);
    }

    private final SimSpec spec;
    private final Simulation sim;
    private final Journal journal;
    private final HistoryBudget budget;
    private final Options options;
    private final Checkpoints checkpoints;
    private final EventLog log;
    private final StepSeries series;
    private final FaultIndex faults = new FaultIndex();
    private final Bookmarks bookmarks = new Bookmarks();
    private final JournalMarks marks = new JournalMarks();
    private final MicroStep micro = new MicroStep();
    private final List<SimEvent> bootEvents = new ArrayList<>();

    private Position pos = Position.START;
    /** Steps [0, frontier) have run at least once and have their events and figures recorded. */
    private long frontier;
    private final EventReplay replay;

    private Timeline(SimSpec spec, HistoryBudget budget, Options options) {
        this.spec = spec;
        this.budget = budget;
        this.options = options;
        this.sim = Simulation.create(spec);
        this.journal = sim.journal();
        // checkpoints get the shares of whatever else is not kept
        long checkpointShare = budget.checkpoints() + (options.events() ? 0 : budget.events())
                + (options.series() ? 0 : budget.series());
        this.checkpoints = new Checkpoints(sim.stepCount(), sim.stateBytes(), checkpointShare);
        this.log = new EventLog(budget.events());
        this.series = new StepSeries(budget.series());
        this.replay = new EventReplay(spec, checkpoints);
        if (options.events()) {
            sim.setSink(new EventSink() {
                @Override
                public void accept(SimEvent event) {
                    if (bootEvents.size() < 100_000) {
                        bootEvents.add(event);
                    }
                }
            });
        }
        sim.boot();
        sim.setSink(EventSink.NONE);
        checkpoints.put(0, sim.snapshot());
        journal.setRecording(true);
        marks.reset(0, journal.position());
        if (options.series()) {
            series.add(0, StepSeries.sampleOf(sim, options.tlbSeries()));
        }
    }

    /** Opens a timeline on a booted run of {@code spec}. Throws IllegalArgumentException for bad specs. */
    public static Timeline open(SimSpec spec, HistoryBudget budget, Options options) {
        return new Timeline(spec, budget, options);
    }

    public static Timeline open(SimSpec spec) {
        return open(spec, HistoryBudget.DEFAULT, Options.FULL);
    }

    // ---- observation -------------------------------------------------------------------------

    public Position position() {
        return pos;
    }

    public long totalSteps() {
        return sim.stepCount();
    }

    public boolean canStepBack() {
        return pos.compareTo(Position.START) > 0;
    }

    public boolean canStepForward() {
        return pos.step() < sim.stepCount();
    }

    /** The simulation at the current position (read it; never drive it directly). */
    public Simulation simulation() {
        return sim;
    }

    public SimSpec spec() {
        return spec;
    }

    public StepSeries series() {
        return series;
    }

    /** The run's named positions. */
    public Bookmarks bookmarks() {
        return bookmarks;
    }

    /** Events of the policy's boot hook (at most 100,000 are kept). */
    public List<SimEvent> bootEvents() {
        return Collections.unmodifiableList(bootEvents);
    }

    /** Steps whose events and figures are recorded: [0, frontier). */
    public long frontier() {
        return frontier;
    }

    /** Bytes held for going back: checkpoints, journal, events, series. */
    public long historyBytes() {
        return checkpoints.bytes() + journal.bytes() + log.bytes() + series.bytes()
                + replay.bytes();
    }

    /** Average steps between checkpoints so far. */
    public long checkpointSpacing() {
        return checkpoints.count() <= 1 ? 0 : checkpoints.floor(Long.MAX_VALUE).getKey() / (checkpoints.count() - 1);
    }

    public int checkpointCount() {
        return checkpoints.count();
    }

    // ---- moving ------------------------------------------------------------------------------

    /** One step forward (from inside a step: to the end of it). */
    public void stepForward() {
        if (canStepForward()) {
            seekBoundary(pos.step() + 1);
        }
    }

    /** One step back (from inside a step: to its start). */
    public void stepBack() {
        if (!pos.boundary()) {
            seekBoundary(pos.step());
        } else if (pos.step() > 0) {
            seekBoundary(pos.step() - 1);
        }
    }

    /** One micro-event forward. */
    public void microForward() {
        if (!canStepForward()) {
            return;
        }
        long s = pos.step();
        int next = pos.micro() + 1;
        seek(next >= eventsOf(s).size() ? Position.at(s + 1) : new Position(s, next));
    }

    /** One micro-event back. */
    public void microBack() {
        if (!canStepBack()) {
            return;
        }
        if (pos.micro() > 0) {
            seek(new Position(pos.step(), pos.micro() - 1));
            return;
        }
        long s = pos.step() - 1;
        int n = eventsOf(s).size();
        seek(n <= 1 ? Position.at(s) : new Position(s, n - 1));
    }

    public void toStart() {
        seek(Position.START);
    }

    public void toEnd() {
        seek(Position.at(sim.stepCount()));
    }

    /** Moves to a position (clamped to the run). */
    public void seek(Position target) {
        long step = Math.max(0, Math.min(target.step(), sim.stepCount()));
        if (step == sim.stepCount() || target.micro() == 0) {
            seekBoundary(step);
        } else {
            seekMicro(step, target.micro());
        }
    }

    public void seek(long step) {
        seek(Position.at(step));
    }

    /**
     * Moves to step {@code step} on the way to step {@code destination} (at or after it): the same
     * position and state as {@link #seek(long)}, but steps that run for the first time are recorded
     * as a single seek to the destination would record them (in bulk where far from it). The app's run
     * to the end moves in chunks, for its progress bar and Cancel, with the end as the destination.
     */
    public void seekToward(long step, long destination) {
        this.destination = destination;
        try {
            seek(Position.at(step));
        } finally {
            this.destination = -1;
        }
    }

    /** Where the current move is heading ({@link #seekToward}), or -1: the target is the destination. */
    private long destination = -1;

    private void leaveMicro() {
        if (!pos.boundary()) {
            micro.revert(sim.counters());
            journal.undoTo(micro.start);
            pos = Position.at(pos.step());
            marks.trimAfter(pos.step());
        }
    }

    private void seekBoundary(long t) {
        leaveMicro();
        long cur = sim.position();
        if (t == cur) {
            pos = Position.at(t);
            return;
        }
        if (t < cur && marks.canUndoTo(t, journal.oldestPosition()) && journal.position() - marks.of(t) <= MAX_UNDO_LONGS) {
            journal.undoTo(marks.of(t));
            marks.trimAfter(t);
        } else {
            Map.Entry<Long, Object[]> ck = checkpoints.floor(t);
            if (t < cur || ck.getKey() > cur + 4 * JOURNAL_TAIL) {
                sim.restore(ck.getValue());
                marks.reset(ck.getKey(), journal.position());
            }
            runForwardTo(t);
        }
        pos = Position.at(t);
    }

    private void runForwardTo(long t) {
        // where the move is heading: the journal is needed near it only (intermediate stops of a
        // chunked move toward it are passed through, not stepped back from)
        long dest = Math.max(t, Math.min(destination, sim.stepCount()));
        while (sim.position() < t) {
            long left = dest - sim.position();
            if (left <= JOURNAL_TAIL && !journal.recording()) {
                journalOn();
            } else if (left > 4L * JOURNAL_TAIL && journal.recording()) {
                journalOff();
            }
            // steps that record nothing (already recorded, or nothing to record), before the next
            // checkpoint and far from t: run them in bulk mode, which reaches the same state (RunMode.BULK)
            long recordedTo = options.events() || options.series() ? frontier : Long.MAX_VALUE;
            long quiet = Math.min(Math.min(Math.min(dest, recordedTo) - 4L * JOURNAL_TAIL, t), checkpoints.nextDue() - 1);
            if (!journal.recording() && quiet > sim.position()) {
                sim.runTo(quiet, RunMode.BULK);
                continue;
            }
            if (!journal.recording() && sim.position() >= frontier && recordInBulk(t, dest)) {
                continue;
            }
            executeOne(null);
        }
        if (!journal.recording()) {
            journalOn();
        }
        recordTail();
    }

    /** At the frontier: the figures there, if the series does not keep that boundary (the charts' last point). */
    private void recordTail() {
        if (options.series() && sim.position() == frontier) {
            series.setTail(frontier, () -> StepSeries.sampleOf(sim, options.tlbSeries()));
        }
    }

    /** Fewest steps worth a bulk chunk when recording; shorter chunks take the step path. */
    static final int MIN_BULK_CHUNK = 8;
    /** Steps recorded in bulk chunks so far (tests check that the path is exercised). */
    private long bulkRecorded;
    /** Whether first runs far from the target may be recorded in bulk (tests turn it off for a reference). */
    private boolean bulkRecording = true;

    /**
     * Issue 15 (run to end, seek far forward): steps that run for the first time, far from the target
     * and before the last steps before the destination ({@link #seekToward}) whose events the log can
     * hold, are run in bulk mode in chunks, and what the step path would have left of them once the
     * target is reached is recorded: the series
     * sample at each kept boundary (a chunk ends on the series' stride, so the samples, and the
     * event kinds OR-ed into them, are those of the step path), every fault, checkpoints where due.
     * Their events are not stored: the log keeps the latest steps' events within its share anyway,
     * and it starts after the chunks, which is what it would have released (the tail it keeps is at
     * least as many steps as it can hold events); any step's events are replayed on demand
     * ({@link #eventsOf}). Returns false when no chunk of at least {@link #MIN_BULK_CHUNK} steps is
     * worth it here; the caller runs one step on the step path.
     */
    private boolean recordInBulk(long t, long dest) {
        if (!bulkRecording || !(options.events() || options.series())) {
            return false;
        }
        long from = sim.position();
        long logTail = options.events() ? log.capacityEvents() : 0;
        long end = Math.min(Math.min(t, dest - 4L * JOURNAL_TAIL - logTail), checkpoints.nextDue());
        if (options.series()) {
            long stride = series.stride();
            end = Math.min(end, (from / stride + 1) * stride);
        }
        if (end - from < MIN_BULK_CHUNK) {
            return false;
        }
        long[] mask = new long[1];
        if (options.events()) {
            // every kind is wanted, so bulk mode builds each event of the steps it does not settle in
            // windows (their steps are the current position) and reports windows as SimEvent.Range
            sim.setSink(e -> {
                mask[0] |= e.kind().bit();
                faults.add(sim.position(), e);
            });
        }
        try {
            sim.runTo(end, RunMode.BULK);
        } finally {
            sim.setSink(EventSink.NONE);
        }
        if (options.events()) {
            log.releaseBefore(end);
        }
        if (options.series()) {
            series.add(end, mask[0], () -> StepSeries.sampleOf(sim, options.tlbSeries()));
        }
        bulkRecorded += end - from;
        frontier = end;
        if (checkpoints.due(end)) {
            checkpoints.put(end, sim.snapshot());
        }
        return true;
    }

    /** Steps recorded in bulk chunks so far. */
    public long bulkRecordedSteps() {
        return bulkRecorded;
    }

    /**
     * Turns bulk recording off: every step records on the step path the first time it runs (a test's
     * reference, and {@code bench seek --first-run step}).
     */
    public void recordEveryStep() {
        bulkRecording = false;
    }

    /** Stops journaling for a fast replay: nothing before this point can be undone afterwards. */
    private void journalOff() {
        journal.setRecording(false);
        journal.clear(journal.position());
        marks.clear();
    }

    private void journalOn() {
        journal.setRecording(true);
        marks.reset(sim.position(), journal.position());
    }

    /** Runs the next step; {@code capture} (may be null) receives every event of it. */
    private void executeOne(List<SimEvent> capture) {
        long s = sim.position();
        boolean record = s >= frontier && (options.events() || options.series());
        List<SimEvent> events = capture != null ? capture : record && options.events() ? new ArrayList<>() : null;
        sim.setSink(events == null ? EventSink.NONE : events::add);
        sim.executeNext();
        sim.setSink(EventSink.NONE);
        if (journal.recording()) {
            marks.append(journal.position());
            trimJournal();
        }
        if (record) {
            recordStep(s, events);
        }
        if (checkpoints.due(s + 1)) {
            checkpoints.put(s + 1, sim.snapshot());
        }
    }

    /** Step {@code s} ran for the first time: keep its events and figures, and move the frontier. */
    private void recordStep(long s, List<SimEvent> events) {
        if (options.events()) {
            log.append(s, events);
            faults.add(s, events);
        }
        if (options.series()) {
            long mask = 0;
            if (events != null) {
                for (SimEvent e : events) {
                    mask |= e.kind().bit();
                }
            }
            // the figures (a walk of every TLB entry) only for a boundary the series keeps
            series.add(s + 1, mask, () -> StepSeries.sampleOf(sim, options.tlbSeries()));
        }
        frontier = s + 1;
    }

    private void seekMicro(long s, int target) {
        seekBoundary(s);
        long start = journal.position();
        List<SimEvent> events = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        long[][] counters = new long[1][];
        sim.setSink(e -> {
            events.add(e);
            positions.add(journal.position());
            if (events.size() == target) {
                counters[0] = MicroStep.capture(sim.counters());
            }
        });
        long frontierBefore = frontier;
        sim.executeNext();
        sim.setSink(EventSink.NONE);
        if (s >= frontierBefore) {
            recordStep(s, events);                      // first time this step runs: record it like any other
            recordTail();
        }
        micro.step = s;
        micro.events = List.copyOf(events);
        micro.marks = positions.stream().mapToLong(Long::longValue).toArray();
        micro.start = start;
        if (checkpoints.due(s + 1)) {
            checkpoints.put(s + 1, sim.snapshot());
        }
        if (target >= events.size()) {
            marks.append(journal.position());
            pos = Position.at(s + 1);
            return;
        }
        journal.undoTo(micro.marks[target - 1]);
        micro.apply(sim.counters(), counters[0], target);
        pos = new Position(s, target);
    }

    private void trimJournal() {
        long maxLongs = budget.journal() / Long.BYTES;
        if (journal.position() - journal.oldestPosition() > maxLongs) {
            journal.dropBefore(journal.position() - maxLongs);
        }
    }

    // ---- events and faults --------------------------------------------------------------------

    /**
     * The events of step {@code step} (0-based), in order. Steps whose events were released to stay
     * within the budget are replayed in a second simulation from the nearest checkpoint.
     */
    public List<SimEvent> eventsOf(long step) {
        if (step < 0 || step >= sim.stepCount()) {
            throw new IndexOutOfBoundsException("step " + step);
        }
        if (step == micro.step) {
            return micro.events;
        }
        if (options.events() && log.has(step)) {
            return log.of(step);
        }
        return replay.eventsOf(step);
    }

    /**
     * The events of steps [{@code from}, {@code to}), one list per step: stored ones from the log,
     * the others replayed in one pass from the nearest checkpoint (the event log's page at a position
     * before the stored ones).
     */
    public List<List<SimEvent>> eventsOf(long from, long to) {
        if (from < 0 || to > sim.stepCount() || from > to) {
            throw new IndexOutOfBoundsException("steps " + from + " to " + to);
        }
        if (from == to) {
            return List.of();
        }
        boolean stored = options.events() && log.has(from) && log.has(to - 1);
        if (stored || to - from == 1) {
            List<List<SimEvent>> out = new ArrayList<>();
            for (long s = from; s < to; s++) {
                out.add(eventsOf(s));
            }
            return out;
        }
        return replay.eventsOf(from, to);
    }

    /** The event that led to the current position inside a step, or null at a step boundary. */
    public SimEvent currentMicroEvent() {
        return pos.boundary() ? null : micro.events.get(pos.micro() - 1);
    }

    /** Stored event {@code i} (the window kept within the budget, oldest first). */
    public SimEvent storedEvent(int i) {
        return log.get(i);
    }

    public long stepOfStoredEvent(int i) {
        return log.stepOf(i);
    }

    /** Index of the first stored event of {@code step}. */
    public int storedEventIndex(long step) {
        return log.indexOfStep(step);
    }

    /** The first step whose events are stored (earlier ones were released, or were never recorded). */
    public long firstStoredStep() {
        return log.firstStep();
    }

    /**
     * Frames of the faults (kind 1: RMP #PF, 2: not-present #PF) that happened before the current
     * position, the most recent {@code max} of them, oldest first.
     */
    public long[] faultFrames(int kind, int max) {
        long[] before = faults.latestBefore(kind, pos.step(), max);
        if (pos.boundary()) {
            return before;
        }
        // faults inside the current step, up to the current micro-event
        long[] extra = new long[pos.micro()];
        int n = 0;
        for (int i = 0; i < pos.micro() && i < micro.events.size(); i++) {
            if (FaultIndex.kindOf(micro.events.get(i)) == kind) {
                extra[n++] = micro.events.get(i).pfn();
            }
        }
        long[] out = java.util.Arrays.copyOf(before, before.length + n);
        System.arraycopy(extra, 0, out, before.length, n);
        return out;
    }

    // ---- figures ------------------------------------------------------------------------------

    /** Entries in each TLB conflict class now: [stale, mixed-size, rmp-hazard]. */
    public void tlbCounts(long[] out) {
        StepSeries.tlbCounts(sim, out);
    }

    // ---- breakpoints --------------------------------------------------------------------------

    /** Where a breakpoint search stopped. */
    public record Hit(Position at, SimEvent event) {
    }

    /** Tells a long search to stop early. */
    @FunctionalInterface
    public interface Cancel {
        boolean requested();

        Cancel NEVER = () -> false;
    }

    /**
     * Runs forward until the breakpoint holds; stops right after the matching event (or at the end
     * of the step where a TLB class appeared). Returns null, at the end of the run, when nothing matched.
     */
    public Hit runForwardUntil(Breakpoint bp, Cancel cancel) {
        return new BreakpointSearch(this, bp).forward(cancel);
    }

    /** Runs backward to the latest position before this one where the breakpoint holds; null if none. */
    public Hit runBackwardUntil(Breakpoint bp, Cancel cancel) {
        return new BreakpointSearch(this, bp).backward(cancel);
    }

    // package access for BreakpointSearch

    /** Runs the next step from a boundary, capturing its events; returns them. */
    List<SimEvent> stepCapturing() {
        leaveMicro();
        List<SimEvent> events = new ArrayList<>();
        executeOne(events);
        pos = Position.at(sim.position());
        return events;
    }

    boolean hasSeriesFor(long step) {
        return options.series() && series.stride() == 1 && step + 1 < series.size();
    }
}
