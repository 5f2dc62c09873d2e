package org.splitscope.ui;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.splitscope.core.history.Breakpoint;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.render.CellLayout;
import org.splitscope.render.Layer;
import org.splitscope.render.Pictures;
import org.splitscope.render.Palette;
import org.splitscope.render.Viewport;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.ScenarioLoader;

/**
 * The app's view model (STYLE.md principle 6): read-only properties the views bind to, and command
 * methods they call. No Node lives here. Commands run on the simulation thread through the injected
 * {@link SimExecutor}; each one ends by publishing a {@link Snapshot}, and {@link #pulse()} (called
 * once per JavaFX pulse by the app, or directly by tests) applies only the latest of them, so play at
 * any speed never queues frames.
 *
 * <p>Threading: properties and command methods on the FX thread; {@code session} and everything
 * in {@code onSim} lambdas on the simulation thread only.
 */
public final class AppViewModel extends ViewProperties {
    /** Play speeds offered, steps per second; 0 is "as fast as possible". */
    public static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 1000.0, 10000.0, 0.0);
    private static final long MAX_CHUNK_NS = 12_000_000L;

    private final SimExecutor sim;
    private final RecentFiles recent;
    private final HistoryBudget budget;

    // simulation-thread state
    private Session session;
    private long playLast;

    // shared between threads
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicLong serials = new AtomicLong();
    private volatile boolean playing;
    private volatile double speed = 30;
    private volatile boolean cancel;
    private volatile String busy;
    private volatile double progress = -1;
    private volatile Session live;
    /** View settings made before any scenario was loaded, applied to the first session. */
    private volatile int wantedMapW = 800;
    private volatile int wantedMapH = 600;
    private volatile int wantedScrubberW = 800;


    public AppViewModel(SimExecutor sim, RecentFiles recent, HistoryBudget budget) {
        this.sim = sim;
        this.recent = recent;
        this.budget = budget;
        recentFiles.setAll(recent.list());
    }

    public double speed() {
        return speed;
    }

    public void clearError() {
        error.set(null);
    }

    // ---- publishing -------------------------------------------------------------------------

    /** On the simulation thread: publish the state as the latest snapshot. */
    private void publish(String messageText) {
        Session s = session;
        if (s == null) {
            return;
        }
        Snapshot snap = s.snapshot(serials.incrementAndGet(), playing, busy, progress, messageText);
        latest.set(snap);
        if (sim.inline()) {
            pulse();
        }
    }

    /**
     * Applies the latest published snapshot, if any (FX thread; the app calls it on every pulse).
     * Older snapshots that were never applied are dropped.
     */
    public void pulse() {
        Snapshot s = latest.getAndSet(null);
        if (s != null) {
            apply(s);
            Session l = live;
            if (l != null) {
                l.consumed(s.serial());
            }
            fpsFrames++;
        }
        countFrames();
        String b = busy;
        busyText.set(b);
        busyProgress.set(progress);
        playingProperty.set(playing);
    }

    /** Runs {@code action} on the simulation thread against the session, then publishes. */
    private void onSim(Consumer<Session> action) {
        sim.submit(() -> {
            Session s = session;
            if (s == null) {
                return;
            }
            action.accept(s);
            publish(null);
        });
    }

    private void fail(String text) {
        Runnable r = () -> error.set(text);
        if (sim.inline()) {
            r.run();
        } else {
            javafx.application.Platform.runLater(r);
        }
    }

    // ---- loading ------------------------------------------------------------------------------

    /** Opens a built-in scenario (under its own policy). */
    public void openBuiltin(String name) {
        load(() -> BuiltinScenarios.load(name), null, null);
    }

    /** Opens a scenario file; a bad file gives an error naming file, line and cause, and the current run stays. */
    public void openFile(Path path) {
        load(() -> ScenarioLoader.loadFile(path), null, path);
    }

    /** Re-runs the same scenario under another policy, at the same step. */
    public void setPolicy(String id) {
        if (!Policies.ids().contains(id)) {
            fail("unknown policy '" + id + "'");
            return;
        }
        sim.submit(() -> {
            Session old = session;
            if (old == null || old.spec.policy().id().equals(id)) {
                return;
            }
            Position at = old.timeline.position();
            replace(() -> old.scenario, id, old, at);
        });
    }

    private interface ScenarioSource {
        Scenario get() throws ScenarioException;
    }

    private void load(ScenarioSource source, String policyId, Path file) {
        pause();
        sim.submit(() -> {
            busy = "Loading...";
            progress = -1;
            try {
                if (replace(source, policyId, null, null) && file != null) {
                    Runnable r = () -> {
                        recent.add(file.toString());
                        recentFiles.setAll(recent.list());
                    };
                    if (sim.inline()) {
                        r.run();
                    } else {
                        javafx.application.Platform.runLater(r);
                    }
                }
            } finally {
                busy = null;
            }
        });
    }

    /**
     * On the simulation thread: builds a new session; only on success does it replace the current
     * one (returns whether it did).
     */
    private boolean replace(ScenarioSource source, String policyId, Session keepView, Position at) {
        Session next;
        try {
            Scenario sc = source.get();
            next = Session.open(sc, policyId, null, budget);
        } catch (ScenarioException e) {
            fail("Cannot open " + e.getMessage());
            return false;
        } catch (IllegalArgumentException e) {
            fail("Cannot run this scenario: " + e.getMessage());
            return false;
        } catch (OutOfMemoryError e) {
            fail("Not enough memory to simulate this machine; give the JVM more (-Xmx) or use a smaller one.");
            return false;
        }
        Session prev = session;
        next.mapWidth = wantedMapW;
        next.mapHeight = wantedMapH;
        next.scrubberWidth = wantedScrubberW;
        next.layers = EnumSet.copyOf(layers.get().isEmpty() ? EnumSet.allOf(Layer.class) : layers.get());
        if (layers.get().isEmpty()) {
            next.layers.clear();
        }
        next.palette = dark.get() ? Palette.DARK : Palette.LIGHT;
        Session style = keepView != null ? keepView : prev;
        if (style != null) {
            next.tlbCpu = style.tlbCpu < next.sim().spec().machine().cpus() ? style.tlbCpu : -1;
            next.filter = style.filter;
            next.wantEvents = style.wantEvents;
            next.wantCharts = style.wantCharts;
            if (keepView != null) {
                next.viewport = keepView.viewport;
                next.selectFrom = keepView.selectFrom;
                next.selectTo = keepView.selectTo;
            }
        }
        session = next;
        live = next;
        if (at != null) {
            next.timeline.seek(new Position(Math.min(at.step(), next.timeline.totalSteps()), at.micro()));
        }
        // compare mode carries over a policy switch; a scenario that lists policies to compare opens with them
        List<String> comparing = keepView != null
                ? (keepView.compare == null ? List.of() : withPrimary(keepView))
                : next.scenario.compare();
        if (!comparing.isEmpty()) {
            ComparePeers peers = ComparePeers.open(next, comparing, budget);
            next.compare = peers.isEmpty() ? null : peers;
        }
        publish(at != null ? "Re-ran under " + next.spec.policy().id() + " at step " + next.timeline.position().step()
                : "Opened " + next.scenario.id() + " under " + next.spec.policy().id());
        return true;
    }

    private static List<String> withPrimary(Session s) {
        List<String> out = new java.util.ArrayList<>();
        out.add(s.spec.policy().id());
        out.addAll(s.compare.policies());
        return out;
    }

    // ---- compare mode ---------------------------------------------------------------------------

    /**
     * Compares the current run with the same scenario and seed under {@code policies} (the current
     * policy among them is ignored): one shared step, zoom and selection; an empty list stops.
     */
    public void compare(List<String> policies) {
        for (String p : policies) {
            if (!Policies.ids().contains(p)) {
                fail("unknown policy '" + p + "'");
                return;
            }
        }
        pause();
        sim.submit(() -> runLong("Opening the comparison", s -> {
            try {
                ComparePeers peers = ComparePeers.open(s, policies, budget);
                s.compare = peers.isEmpty() ? null : peers;
                if (s.compare != null) {
                    s.compare.sync(s);
                    pendingMessage = "Comparing " + s.spec.policy().id() + " with " + String.join(", ", peers.policies());
                } else {
                    pendingMessage = "Not comparing";
                }
            } catch (IllegalArgumentException e) {
                fail("Cannot compare: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                s.compare = null;
                fail("Not enough memory to run these policies side by side; compare fewer, or give the JVM more (-Xmx).");
            }
        }));
    }

    public void stopCompare() {
        onSim(s -> s.compare = null);
    }

    // ---- moving through the run -----------------------------------------------------------------

    public void stepForward() {
        onSim(s -> s.timeline.stepForward());
    }

    public void stepBack() {
        pause();
        onSim(s -> s.timeline.stepBack());
    }

    public void microForward() {
        onSim(s -> s.timeline.microForward());
    }

    public void microBack() {
        pause();
        onSim(s -> s.timeline.microBack());
    }

    public void toStart() {
        pause();
        onSim(s -> s.timeline.toStart());
    }

    /** To the end of the run, in cancellable chunks with progress. */
    public void toEnd() {
        pause();
        sim.submit(() -> runLong("Running to the end", s -> {
            Timeline t = s.timeline;
            long total = t.totalSteps();
            while (t.canStepForward() && !cancel) {
                long target = Math.min(total, t.position().step() + Math.max(1000, total / 100));
                t.seek(target);
                progress = t.position().step() / (double) Math.max(1, total);
            }
        }));
    }

    public void seek(long step) {
        onSim(s -> s.timeline.seek(Math.max(0, step)));
    }

    public void seek(Position p) {
        pause();
        onSim(s -> s.timeline.seek(p));
    }

    /** Runs forward (or back) until the breakpoint condition holds; bad conditions give an error. */
    public void runToBreakpoint(String condition, boolean forward) {
        Breakpoint bp;
        try {
            bp = Breakpoint.parse(condition);
        } catch (IllegalArgumentException e) {
            fail("Breakpoint: " + e.getMessage());
            return;
        }
        pause();
        sim.submit(() -> runLong((forward ? "Running to " : "Running back to ") + bp.describe(), s -> {
            Timeline t = s.timeline;
            long total = Math.max(1, t.totalSteps());
            long[] calls = {0};
            Timeline.Cancel c = () -> {
                if ((++calls[0] & 255) == 0) {
                    progress = forward ? t.position().step() / (double) total : 1 - t.position().step() / (double) total;
                }
                return cancel;
            };
            Timeline.Hit hit = forward ? t.runForwardUntil(bp, c) : t.runBackwardUntil(bp, c);
            if (hit != null && hit.event() != null) {
                s.highlightFrom = hit.event().pfn();
                s.highlightTo = hit.event().pfn() + Math.max(1, hit.event().frames());
            }
            pendingMessage = hit == null ? (cancel ? "Stopped." : "No match for '" + bp.describe() + "'.")
                    : "Stopped at " + hit.at() + ": " + (hit.event() == null ? bp.describe() : hit.event().describe());
        }));
    }

    private volatile String pendingMessage;

    private void runLong(String what, Consumer<Session> work) {
        Session s = session;
        if (s == null) {
            return;
        }
        cancel = false;
        busy = what + "...";
        progress = 0;
        pendingMessage = null;
        try {
            work.accept(s);
        } finally {
            busy = null;
            progress = -1;
            String m = pendingMessage;
            pendingMessage = null;
            publish(m);
        }
    }

    /** Asks a long operation (run to end, breakpoint search) to stop. */
    public void cancel() {
        cancel = true;
        playing = false;
    }

    // ---- play -----------------------------------------------------------------------------------

    public void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (playing) {
            return;
        }
        playing = true;
        playingProperty.set(true);
        sim.submit(() -> {
            playLast = System.nanoTime();
            if (session != null) {
                session.playStarted();
            }
            tick();
        });
    }

    public void pause() {
        boolean was = playing;
        playing = false;
        playingProperty.set(false);
        if (was) {
            onSim(s -> { });                               // republish: the full event log, the charts
        }
    }

    /** Steps per second; 0 means as fast as possible. */
    public void setSpeed(double stepsPerSecond) {
        speed = Math.max(0, stepsPerSecond);
    }

    /** One play tick on the simulation thread: run the steps due since the last tick, publish, reschedule. */
    private void tick() {
        Session s = session;
        if (!playing || s == null) {
            return;
        }
        long now = System.nanoTime();
        double dt = Math.min(0.1, Math.max(0.001, (now - playLast) / 1e9));
        playLast = now;
        Timeline t = s.timeline;
        double sp = speed;
        if (sp == 0) {
            long until = now + MAX_CHUNK_NS;
            while (t.canStepForward() && System.nanoTime() < until) {
                t.seek(Math.min(t.totalSteps(), t.position().step() + 64));
            }
        } else {
            long n = Math.max(1, Math.round(sp * dt));
            if (sp < 30 && (now - lastSingle) / 1e9 < 1 / sp) {
                n = 0;                                     // slow speeds: one step per 1/speed seconds
            }
            if (n > 0) {
                lastSingle = now;
                if (n == 1) {
                    t.stepForward();
                } else {
                    t.seek(Math.min(t.totalSteps(), t.position().step() + n));
                }
            }
        }
        if (!t.canStepForward()) {
            playing = false;
        }
        publish(null);
        if (playing) {
            sim.schedule(this::tick, 16);
        }
    }

    private long lastSingle;

    // ---- the map ---------------------------------------------------------------------------------

    /** The heat map's pixel size changed. */
    public void setMapSize(int w, int h) {
        if (w < 2 || h < 2) {
            return;
        }
        wantedMapW = w;
        wantedMapH = h;
        onSim(s -> {
            s.mapWidth = w;
            s.mapHeight = h;
        });
    }

    public void setScrubberWidth(int w) {
        wantedScrubberW = Math.max(1, w);
        onSim(s -> s.scrubberWidth = Math.max(1, w));
    }

    public void zoomIn() {
        onSim(s -> s.viewport = s.viewport.zoomIn(focus(s), s.sim().directMap().frames()));
    }

    public void zoomOut() {
        onSim(s -> s.viewport = s.viewport.zoomOut(focus(s), s.sim().directMap().frames()));
    }

    public void zoomAll() {
        onSim(s -> s.viewport = Viewport.whole(s.sim().directMap().frames()));
    }

    private static long focus(Session s) {
        return s.selectFrom >= 0 && s.viewport.contains(s.selectFrom) ? s.selectFrom : s.viewport.start() + s.viewport.span() / 2;
    }

    /** Wheel zoom around the cell under (x, y) of the given layout. */
    public void zoomAt(CellLayout layout, double x, double y, boolean in) {
        long cell = layout == null ? -1 : layout.cellAt((int) x, (int) y);
        onSim(s -> {
            long f = cell >= 0 ? layout.pfnOf(cell) : focus(s);
            long frames = s.sim().directMap().frames();
            s.viewport = in ? s.viewport.zoomIn(f, frames) : s.viewport.zoomOut(f, frames);
        });
    }

    /** Shows the frames {@code [from, to)} (at least one 2M region), as the export's {@code --zoom} does. */
    public void zoomTo(long from, long to) {
        onSim(s -> s.viewport = Viewport.of(from, to, s.sim().directMap().frames()));
    }

    /** Drag: move the view by {@code dy} pixels of rows (positive: toward lower addresses). */
    public void pan(CellLayout layout, double dy) {
        if (layout == null || layout.side() == 0) {
            return;
        }
        long rows = Math.round(-dy / layout.side());
        if (rows == 0) {
            return;
        }
        long delta = rows * layout.framesPerRow();
        onSim(s -> s.viewport = s.viewport.pan(delta, s.sim().directMap().frames()));
    }

    /** Selects the cell under (x, y) (the inspector shows it); outside the map clears the selection. */
    public void select(CellLayout layout, double x, double y) {
        long cell = layout == null ? -1 : layout.cellAt((int) x, (int) y);
        onSim(s -> {
            if (cell < 0) {
                s.selectFrom = -1;
                s.selectTo = -1;
            } else {
                s.selectFrom = layout.pfnOf(cell);
                s.selectTo = s.selectFrom + layout.unit().frames();
            }
        });
    }

    /** Selects a frame range directly (tests, the event log). */
    public void selectFrames(long from, long to) {
        onSim(s -> {
            s.selectFrom = from;
            s.selectTo = to;
        });
    }

    public void hover(CellLayout layout, double x, double y) {
        long cell = layout == null ? -1 : layout.cellAt((int) x, (int) y);
        if (cell < 0) {
            hoverText.set("");
            return;
        }
        long pfn = layout.pfnOf(cell);
        onSim(s -> s.hoverText = s.describeCell(pfn, layout.unit()));
    }

    public void toggleLayer(Layer l) {
        Set<Layer> next = EnumSet.copyOf(layers.get().isEmpty() ? EnumSet.of(l) : layers.get());
        if (!next.remove(l)) {
            next.add(l);
        }
        layers.set(next);
        onSim(s -> s.layers = next.isEmpty() ? EnumSet.noneOf(Layer.class) : EnumSet.copyOf(next));
    }

    /** Shows one CPU's TLB conflicts (-1: all CPUs). */
    public void setTlbCpu(int cpu) {
        onSim(s -> s.tlbCpu = cpu >= -1 && cpu < s.sim().spec().machine().cpus() ? cpu : -1);
    }

    public void setDark(boolean d) {
        dark.set(d);
        onSim(s -> s.palette = d ? Palette.DARK : Palette.LIGHT);
    }

    // ---- events, charts, bookmarks ----------------------------------------------------------------

    public void setEventFilter(EventFilter f) {
        onSim(s -> s.filter = f);
    }

    public void setPanelsWanted(boolean events, boolean charts) {
        onSim(s -> {
            s.wantEvents = events;
            s.wantCharts = charts;
        });
    }

    /** Jumps to right after an event of the log and highlights its frames on the map. */
    public void goToEvent(Snapshot.EventRow row) {
        pause();
        onSim(s -> {
            s.timeline.seek(row.after());
            if (row.pfn() >= 0) {
                s.highlightFrom = row.pfn();
                s.highlightTo = row.pfn() + Math.max(1, row.frameCount());
                long frames = s.sim().directMap().frames();
                if (!s.viewport.contains(row.pfn())) {
                    s.viewport = Viewport.of(row.pfn(), row.pfn() + 1, frames).zoomOut(row.pfn(), frames);
                }
            }
        });
    }

    public void addBookmark(String name) {
        if (name == null || name.isBlank()) {
            fail("A bookmark needs a name.");
            return;
        }
        onSim(s -> s.timeline.bookmarks().put(name, s.timeline.position()));
    }

    public void goToBookmark(String name) {
        pause();
        onSim(s -> s.timeline.seek(s.timeline.bookmarks().at(name)));
    }

    public void removeBookmark(String name) {
        onSim(s -> s.timeline.bookmarks().remove(name));
    }

    // ---- export -----------------------------------------------------------------------------------

    private final Exports exports = new Exports(this);

    /** Pictures, animations and CSV files of the run, written off the FX thread. */
    public Exports exports() {
        return exports;
    }

    /** Runs {@code work} on the simulation thread as a long task: busy text, progress, cancel, then publish. */
    void longTask(String what, Consumer<Session> work) {
        sim.submit(() -> runLong(what, work));
    }

    /** From a long task: the message the view shows when it ends. */
    void finishedWith(String text) {
        pendingMessage = text;
    }

    /** From a long task: whether the user asked to cancel. */
    boolean cancelRequested() {
        return cancel;
    }

    /** From a long task: how far it is, 0..1. */
    void progress(double p) {
        progress = p;
    }

    /** An error for the user (a dialog). */
    void error(String text) {
        fail(text);
    }

    /** Frames of RAM of the loaded machine (FX-side convenience for dialogs). */
    public long frames() {
        Snapshot s = snapshot.get();
        return s == null ? 0 : s.layout().viewport().end();
    }

    /** For dialogs: the size of the RAM in a short form. */
    public static String bytes(long frames) {
        return Pfns.bytes(frames * Pfns.FRAME_BYTES);
    }

    public void shutdown() {
        playing = false;
        sim.shutdown();
    }
}
