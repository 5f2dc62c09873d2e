package org.splitscope.ui.service;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.render.CellLayout;
import org.splitscope.render.HeatMapRasterizer;
import org.splitscope.render.Layer;
import org.splitscope.render.Overlay;
import org.splitscope.render.OverlayBuilder;
import org.splitscope.scenario.Scenario;

/**
 * One loaded run and where the view stands in it: the timeline, the viewport, the selection, the
 * outlined frames of a revealed event, the cell under the mouse, and the peers it is compared with.
 * Drawing settings are not here: they come with each command ({@link ViewSettings}).
 *
 * <p>Threading: simulation thread only.
 */
final class Session {
    /** Steps over which recent activity fades. */
    static final int ACTIVITY_WINDOW = 24;
    private static final AtomicLong SERIALS = new AtomicLong();

    /** Unique per opened run: a new value tells the view the run changed. */
    final long serial = SERIALS.incrementAndGet();
    final Scenario scenario;
    final SimSpec spec;
    final Timeline timeline;
    /** The scenario file, or null for a built-in. */
    final Path file;
    org.splitscope.render.Viewport viewport;
    long selectFrom = -1;
    long selectTo = -1;
    long highlightFrom = -1;
    long highlightTo = -1;
    /** Where the outline was drawn: it belongs to that position and goes when the run moves on. */
    private org.splitscope.core.history.Position highlightAt;
    long hoverPfn = -1;
    PageSize hoverUnit = PageSize.K4;
    /** The peers this run is compared with (null when not comparing). */
    ComparePeers compare;
    /** The host recording this run replays and what its replay found (null for a scenario). */
    ReplayState replay;

    private final HeatMapRasterizer rasterizer = new HeatMapRasterizer();
    private final BufferPool pool;
    private final LongSupplier applied;

    private Session(Scenario scenario, SimSpec spec, Timeline timeline, Path file, LongSupplier applied) {
        this.pool = new BufferPool(applied);
        this.scenario = scenario;
        this.spec = spec;
        this.timeline = timeline;
        this.file = file;
        this.viewport = org.splitscope.render.Viewport.whole(timeline.simulation().directMap().frames());
        this.applied = applied;
    }

    /** Which snapshot the view applied last (for the pixel buffers of peers opened from this run). */
    LongSupplier applied() {
        return applied;
    }

    /**
     * Opens a run of {@code scenario} under {@code policy} (null: its own) and {@code kernel} (null: its
     * machine's); throws IllegalArgumentException when the scenario cannot run (e.g. a guest does not fit).
     * {@code applied} tells which snapshot the view applied last (pixel buffers of older ones are free).
     */
    static Session open(Scenario scenario, String policy, KernelProfile kernel, Long seed, HistoryBudget budget, Path file,
                        LongSupplier applied) {
        SimSpec spec = scenario.toSpec(policy, seed);
        if (kernel != null) {
            spec = spec.withKernel(kernel);
        }
        return new Session(scenario, spec, Timeline.open(spec, budget, Timeline.Options.FULL), file, applied);
    }

    /** Outlines frames {@code [from, to)} of the event the run stands right after. */
    void highlight(long from, long to) {
        highlightFrom = from;
        highlightTo = to;
        highlightAt = timeline.position();
    }

    /** Drops the outline once the position is no longer the one it was drawn for. */
    void expireHighlight() {
        if (highlightFrom >= 0 && !timeline.position().equals(highlightAt)) {
            highlightFrom = -1;
            highlightTo = -1;
        }
    }

    Simulation sim() {
        return timeline.simulation();
    }

    long frames() {
        return sim().directMap().frames();
    }

    String policy() {
        return spec.policy().id();
    }

    KernelProfile kernel() {
        return spec.machine().kernel();
    }

    /** The CPU whose TLB the view asks for, or -1 (all) when this machine has no such CPU. */
    int tlbCpu(ViewSettings v) {
        return v.tlbCpu() < sim().spec().machine().cpus() ? v.tlbCpu() : -1;
    }

    CellLayout layout(ViewSettings v) {
        return CellLayout.of(viewport, v.mapWidth(), v.mapHeight());
    }

    /** The heat map of this run now, in a pooled buffer tagged with {@code serial}. */
    int[] rasterize(CellLayout layout, ViewSettings v, long serial) {
        int[] px = pool.take(serial, layout.width() * layout.height());
        Overlay overlay = v.layers().contains(Layer.FAULTS) || v.layers().contains(Layer.ACTIVITY)
                ? OverlayBuilder.build(timeline, ACTIVITY_WINDOW) : Overlay.NONE;
        overlay = overlay.withSelection(selectFrom, selectTo).withHighlight(highlightFrom, highlightTo).withTlbCpu(tlbCpu(v));
        rasterizer.render(sim(), layout, v.layers(), overlay, v.palette(), px);
        return px;
    }

}
