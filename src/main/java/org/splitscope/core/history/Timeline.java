package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.sim.RunMode;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.state.Journal;

/**
 * Free movement through a run (STYLE.md principle 4): step forward and back by step or by
 * micro-event, seek to any position, bookmarks, and the run's events and per-step figures.
 *
 * <p>How it goes back: every state write is journaled with its old value, and the journal position
 * at each step boundary is kept, so stepping back is undoing. Full checkpoints of the state are
 * taken every {@code spacing} steps (spacing chosen so they fit half the history budget); a seek
 * far away restores the nearest checkpoint at or before the target and replays forward, with the
 * journal off except for the last few steps. A position inside a step is reached by running that
 * step again while recording the journal position at each of its events, then undoing to the one
 * wanted. Because steps are deterministic (R24), the state, and its hash, at a position is the same
 * whichever way it is reached.
 *
 * <p>Listeners are told after every change of position. Threading: not thread-safe; confined to the
 * thread that drives it (the app uses a background executor and publishes snapshots to the view).
 */
public final class Timeline {
    /** Steps before a seek target that are replayed with the journal on, so stepping back is instant. */
    static final int JOURNAL_TAIL = 256;
    /** Beyond this many journal entries to undo, a checkpoint and replay is preferred. */
    static final long MAX_UNDO_LONGS = 8L << 20;

    /** Told after each change of position. */
    @FunctionalInterface
    public interface Listener {
        void changed(Timeline timeline);
    }

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
    private final List<SimEvent> bootEvents = new ArrayList<>();
    private final TreeMap<String, Position> bookmarks = new TreeMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private Position pos = Position.START;
    /** Steps [0, frontier) have run at least once and have their events and figures recorded. */
    private long frontier;

    /** Journal positions of step boundaries markBase .. markBase + markCount - 1. */
    private long markBase;
    private long[] marks = new long[1024];
    private int markCount;

    /** The step whose micro-events are cached, its events and the journal position after each. */
    private long microStep = -1;
    private List<SimEvent> microEvents = List.of();
    private long[] microMarks = new long[0];
    private long microStart;

    private Simulation replayer;

    /** Every fault of the recorded steps: step, frame, kind (1 RMP #PF, 2 not-present #PF). */
    private long[] faultSteps = new long[256];
    private long[] faultPfns = new long[256];
    private byte[] faultKinds = new byte[256];
    private int faultCount;

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
        resetMarks(0);
        if (options.series()) {
            series.add(0, sample(0));
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

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void fire() {
        for (Listener l : listeners) {
            l.changed(this);
        }
    }

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

    public boolean atEnd() {
        return !canStepForward();
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
                + (replayer == null ? 0 : replayer.stateBytes());
    }

    /** Average steps between checkpoints so far. */
    public long checkpointSpacing() {
        return checkpoints.count() <= 1 ? 0 : frontierOfCheckpoints() / (checkpoints.count() - 1);
    }

    private long frontierOfCheckpoints() {
        return checkpoints.floor(Long.MAX_VALUE).getKey();
    }

    public int checkpointCount() {
        return checkpoints.count();
    }

    // ---- moving ------------------------------------------------------------------------------

    /** One step forward (from inside a step: to the end of it). */
    public void stepForward() {
        if (!canStepForward()) {
            return;
        }
        seekBoundary(pos.step() + 1);
        fire();
    }

    /** One step back (from inside a step: to its start). */
    public void stepBack() {
        if (!pos.boundary()) {
            seekBoundary(pos.step());
        } else if (pos.step() > 0) {
            seekBoundary(pos.step() - 1);
        }
        fire();
    }

    /** One micro-event forward. */
    public void microForward() {
        if (!canStepForward()) {
            return;
        }
        long s = pos.step();
        List<SimEvent> ev = eventsOf(s);
        int next = pos.micro() + 1;
        seek(next >= ev.size() ? Position.at(s + 1) : new Position(s, next));
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
        fire();
    }

    public void seek(long step) {
        seek(Position.at(step));
    }

    private void leaveMicro() {
        if (!pos.boundary()) {
            journal.undoTo(microStart);
            pos = Position.at(pos.step());
            trimMarks(pos.step());
        }
    }

    private void seekBoundary(long t) {
        leaveMicro();
        long cur = sim.position();
        if (t == cur) {
            pos = Position.at(t);
            return;
        }
        if (t < cur && canUndoTo(t) && journal.position() - markOf(t) <= MAX_UNDO_LONGS) {
            journal.undoTo(markOf(t));
            trimMarks(t);
        } else {
            Map.Entry<Long, Object[]> ck = checkpoints.floor(t);
            if (t < cur || ck.getKey() > cur + 4 * JOURNAL_TAIL) {
                sim.restore(ck.getValue());
                resetMarks(ck.getKey());
            }
            runForwardTo(t);
        }
        pos = Position.at(t);
    }

    private void runForwardTo(long t) {
        while (sim.position() < t) {
            long left = t - sim.position();
            if (left <= JOURNAL_TAIL && !journal.recording()) {
                journalOn();
            } else if (left > 4L * JOURNAL_TAIL && journal.recording()) {
                journalOff();
            }
            // steps that record nothing (already recorded, or nothing to record), before the next
            // checkpoint and far from t: run them in bulk mode, which reaches the same state (RunMode.BULK)
            long recordedTo = options.events() || options.series() ? frontier : Long.MAX_VALUE;
            long quiet = Math.min(Math.min(t, recordedTo) - 4L * JOURNAL_TAIL, checkpoints.nextDue() - 1);
            if (!journal.recording() && quiet > sim.position()) {
                sim.runTo(quiet, RunMode.BULK);
                continue;
            }
            executeOne(null);
        }
        if (!journal.recording()) {
            journalOn();
        }
    }

    /** Stops journaling for a fast replay: nothing before this point can be undone afterwards. */
    private void journalOff() {
        journal.setRecording(false);
        journal.clear(journal.position());
        markCount = 0;
    }

    private void journalOn() {
        journal.setRecording(true);
        resetMarks(sim.position());
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
            appendMark(journal.position());
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
            indexFaults(s, events);
        }
        if (options.series()) {
            long[] sample = sample(s + 1);
            long mask = 0;
            if (events != null) {
                for (SimEvent e : events) {
                    mask |= e.kind().bit();
                }
            }
            sample[StepSeries.Column.KIND_MASK.ordinal()] = mask;
            series.add(s + 1, sample);
        }
        frontier = s + 1;
    }

    private void seekMicro(long s, int micro) {
        seekBoundary(s);
        microStart = journal.position();
        List<SimEvent> events = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        sim.setSink(e -> {
            events.add(e);
            positions.add(journal.position());
        });
        long frontierBefore = frontier;
        sim.executeNext();
        sim.setSink(EventSink.NONE);
        if (s >= frontierBefore) {
            recordStep(s, events);                      // first time this step runs: record it like any other
        }
        microStep = s;
        microEvents = List.copyOf(events);
        microMarks = positions.stream().mapToLong(Long::longValue).toArray();
        if (checkpoints.due(s + 1)) {
            checkpoints.put(s + 1, sim.snapshot());
        }
        if (micro >= events.size()) {
            appendMark(journal.position());
            pos = Position.at(s + 1);
            return;
        }
        journal.undoTo(microMarks[micro - 1]);
        pos = new Position(s, micro);
    }

    // ---- journal marks ------------------------------------------------------------------------

    private void resetMarks(long step) {
        markBase = step;
        markCount = 0;
        appendMark(journal.position());
    }

    private void appendMark(long journalPos) {
        if (markCount == marks.length) {
            marks = java.util.Arrays.copyOf(marks, marks.length * 2);
        }
        marks[markCount++] = journalPos;
    }

    private void trimMarks(long step) {
        markCount = (int) Math.max(1, step - markBase + 1);
    }

    private boolean canUndoTo(long step) {
        return markCount > 0 && step >= markBase && step < markBase + markCount && marks[(int) (step - markBase)] >= journal.oldestPosition();
    }

    private long markOf(long step) {
        return marks[(int) (step - markBase)];
    }

    private void trimJournal() {
        long maxLongs = budget.journal() / Long.BYTES;
        if (journal.position() - journal.oldestPosition() > maxLongs) {
            journal.dropBefore(journal.position() - maxLongs);
        }
    }

    // ---- events -------------------------------------------------------------------------------

    /**
     * The events of step {@code step} (0-based), in order. Steps whose events were released to stay
     * within the budget are replayed in a second simulation from the nearest checkpoint.
     */
    public List<SimEvent> eventsOf(long step) {
        if (step < 0 || step >= sim.stepCount()) {
            throw new IndexOutOfBoundsException("step " + step);
        }
        if (step == microStep) {
            return microEvents;
        }
        if (options.events() && log.has(step)) {
            return log.of(step);
        }
        return replayEvents(step);
    }

    /** The event that led to the current position inside a step, or null at a step boundary. */
    public SimEvent currentMicroEvent() {
        return pos.boundary() ? null : microEvents.get(pos.micro() - 1);
    }

    /** Number of micro-events of the current step (when inside one) or of the last completed step. */
    public int microCount(long step) {
        return eventsOf(step).size();
    }

    private List<SimEvent> replayEvents(long step) {
        boolean fresh = replayer == null;
        if (fresh) {
            replayer = Simulation.create(spec);          // not booted: must start from a checkpoint
        }
        Map.Entry<Long, Object[]> ck = checkpoints.floor(step);
        if (fresh || replayer.position() > step || replayer.position() < ck.getKey()) {
            replayer.restore(ck.getValue());
        }
        replayer.journal().setRecording(false);
        replayer.setSink(EventSink.NONE);
        replayer.runTo(step);
        List<SimEvent> out = new ArrayList<>();
        replayer.setSink(out::add);
        replayer.executeNext();
        replayer.setSink(EventSink.NONE);
        return out;
    }

    /** Stored events (the window kept within the budget), oldest first. */
    public int storedEventCount() {
        return log.size();
    }

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

    private void indexFaults(long step, List<SimEvent> events) {
        for (SimEvent e : events) {
            byte kind = e instanceof SimEvent.RmpFault ? (byte) 1 : e instanceof SimEvent.NotPresentFault ? (byte) 2 : 0;
            if (kind == 0) {
                continue;
            }
            if (faultCount == faultSteps.length) {
                faultSteps = java.util.Arrays.copyOf(faultSteps, faultCount * 2);
                faultPfns = java.util.Arrays.copyOf(faultPfns, faultCount * 2);
                faultKinds = java.util.Arrays.copyOf(faultKinds, faultCount * 2);
            }
            faultSteps[faultCount] = step;
            faultPfns[faultCount] = e.pfn();
            faultKinds[faultCount] = kind;
            faultCount++;
        }
    }

    /**
     * Frames of the faults (kind 1: RMP #PF, 2: not-present #PF) that happened before the current
     * position, the most recent {@code max} of them.
     */
    public long[] faultFrames(int kind, int max) {
        long limit = pos.step();
        int end = 0;
        while (end < faultCount && faultSteps[end] < limit) {
            end++;
        }
        if (!pos.boundary()) {
            // faults inside the current step, up to the current micro-event
            List<SimEvent> ev = microEvents;
            java.util.ArrayList<Long> extra = new java.util.ArrayList<>();
            for (int i = 0; i < pos.micro() && i < ev.size(); i++) {
                SimEvent e = ev.get(i);
                if ((kind == 1 && e instanceof SimEvent.RmpFault) || (kind == 2 && e instanceof SimEvent.NotPresentFault)) {
                    extra.add(e.pfn());
                }
            }
            long[] base = collect(kind, end, max);
            long[] out = java.util.Arrays.copyOf(base, base.length + extra.size());
            for (int i = 0; i < extra.size(); i++) {
                out[base.length + i] = extra.get(i);
            }
            return out;
        }
        return collect(kind, end, max);
    }

    private long[] collect(int kind, int end, int max) {
        java.util.ArrayList<Long> out = new java.util.ArrayList<>();
        for (int i = end - 1; i >= 0 && out.size() < max; i--) {
            if (faultKinds[i] == kind) {
                out.add(faultPfns[i]);
            }
        }
        long[] a = new long[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(a.length - 1 - i);
        }
        return a;
    }

    /** Number of faults recorded in the steps run so far. */
    public int faultCount() {
        return faultCount;
    }

    // ---- bookmarks ----------------------------------------------------------------------------

    public void bookmark(String name, Position at) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a bookmark needs a name");
        }
        bookmarks.put(name.strip(), at);
        fire();
    }

    public void bookmarkHere(String name) {
        bookmark(name, pos);
    }

    public void removeBookmark(String name) {
        bookmarks.remove(name);
        fire();
    }

    public NavigableMap<String, Position> bookmarks() {
        return Collections.unmodifiableNavigableMap(bookmarks);
    }

    public void goToBookmark(String name) {
        Position p = bookmarks.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no bookmark named '" + name + "'");
        }
        seek(p);
    }

    // ---- figures ------------------------------------------------------------------------------

    private long[] sample(long boundary) {
        return StepSeries.sampleOf(sim, options.tlbSeries());
    }

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
        Hit hit = new BreakpointSearch(this, bp).forward(cancel);
        fire();
        return hit;
    }

    /** Runs backward to the latest position before this one where the breakpoint holds; null if none. */
    public Hit runBackwardUntil(Breakpoint bp, Cancel cancel) {
        Hit hit = new BreakpointSearch(this, bp).backward(cancel);
        fire();
        return hit;
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

    void moveQuietly(Position p) {
        long step = Math.max(0, Math.min(p.step(), sim.stepCount()));
        if (step == sim.stepCount() || p.micro() == 0) {
            seekBoundary(step);
        } else {
            seekMicro(step, p.micro());
        }
    }

    boolean hasSeriesFor(long step) {
        return options.series() && series.stride() == 1 && step + 1 < series.size();
    }
}
