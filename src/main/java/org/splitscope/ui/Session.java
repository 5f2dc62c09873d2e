package org.splitscope.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.splitscope.render.Durations;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.StepSeries;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpEntry;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.render.CellLayout;
import org.splitscope.render.HeatMapRasterizer;
import org.splitscope.render.Layer;
import org.splitscope.render.Overlay;
import org.splitscope.render.OverlayBuilder;
import org.splitscope.render.Palette;
import org.splitscope.render.Viewport;
import org.splitscope.scenario.Scenario;

/**
 * One loaded run and everything the view needs about it, confined to the simulation thread: the
 * timeline, the viewport, layers, selection, event filter, and the rasterizer. {@link #snapshot}
 * turns the current state into an immutable {@link Snapshot} for the FX thread.
 */
final class Session {
    static final int ACTIVITY_WINDOW = 24;
    private static final Set<EventKind> CHANGING = EnumSet.of(EventKind.SPLIT, EventKind.COLLAPSE, EventKind.PTE,
            EventKind.KEEP4K, EventKind.RMPUPDATE, EventKind.PSMASH, EventKind.PVALIDATE);

    final Scenario scenario;
    final SimSpec spec;
    final Timeline timeline;
    Viewport viewport;
    Set<Layer> layers = EnumSet.copyOf(Layer.DEFAULT);
    int tlbCpu = -1;
    Palette palette = Palette.LIGHT;
    long selectFrom = -1;
    long selectTo = -1;
    long highlightFrom = -1;
    long highlightTo = -1;
    int mapWidth = 800;
    int mapHeight = 600;
    int scrubberWidth = 800;
    EventFilter filter = EventFilter.ALL;
    boolean wantEvents = true;
    boolean wantCharts = true;
    String hoverText = "";

    private final HeatMapRasterizer rasterizer = new HeatMapRasterizer();
    private final BufferPool pool = new BufferPool();
    private long chartFrontier = -1;
    private long chartTime;
    private long eventsKey = Long.MIN_VALUE;
    private long eventsTime;
    private int[] markers;
    private long markersFrontier = -1;

    private Session(Scenario scenario, SimSpec spec, Timeline timeline) {
        this.scenario = scenario;
        this.spec = spec;
        this.timeline = timeline;
        this.viewport = Viewport.whole(timeline.simulation().directMap().frames());
    }

    /** Opens a run; throws IllegalArgumentException when the scenario cannot run (e.g. a guest does not fit). */
    static Session open(Scenario scenario, String policy, Long seed, HistoryBudget budget) {
        SimSpec spec = scenario.toSpec(policy, seed);
        return new Session(scenario, spec, Timeline.open(spec, budget, Timeline.Options.FULL));
    }

    Simulation sim() {
        return timeline.simulation();
    }

    /** Consumption feedback from the FX thread: buffers of snapshots up to this serial may be reused. */
    void consumed(long serial) {
        pool.consumed(serial);
        if (compare != null) {
            compare.consumed(serial);
        }
    }

    Snapshot snapshot(long serial, boolean playing, String busy, double progress, String message) {
        Simulation sim = sim();
        Position pos = timeline.position();
        RunSummary summary = RunSummary.withoutHash(sim);
        CellLayout layout = layout();
        int[] px = rasterize(layout, serial);
        Snapshot.CompareView cmp = compare == null ? null : compare.render(this, layout, px, serial);
        return new Snapshot(serial, scenario.id(), scenario.title(), scenario.description(), scenario.source(),
                spec.policy().id(), spec.seed(), pos, timeline.totalSteps(), timeline.frontier(),
                timeline.canStepBack(), timeline.canStepForward(), playing,
                caption(pos), stepText(pos, summary), microText(pos),
                summary, px, layout, viewportText(layout),
                inspector(), hoverText, markers(), chart(playing), events(playing),
                new TreeMap<>(timeline.bookmarks().copy()), busy, progress, message, cmp);
    }

    /** The peers this run is compared with (null when not comparing); simulation thread only. */
    ComparePeers compare;

    CellLayout layout() {
        return CellLayout.of(viewport, Math.max(1, mapWidth), Math.max(1, mapHeight));
    }

    /** The heat map of this run now, in a pooled buffer tagged with {@code serial}. */
    int[] rasterize(CellLayout layout, long serial) {
        int[] px = pool.take(serial, layout.width() * layout.height());
        Overlay overlay = layers.contains(Layer.FAULTS) || layers.contains(Layer.ACTIVITY)
                ? OverlayBuilder.build(timeline, ACTIVITY_WINDOW) : Overlay.NONE;
        overlay = overlay.withSelection(selectFrom, selectTo).withHighlight(highlightFrom, highlightTo).withTlbCpu(tlbCpu);
        rasterizer.render(sim(), layout, layers, overlay, palette, px);
        return px;
    }

    private String caption(Position pos) {
        long s = pos.boundary() ? pos.step() - 1 : pos.step();
        if (s < 0) {
            int boot = timeline.bootEvents().size();
            return "The machine as booted" + (boot > 0 ? " (the policy's boot hook emitted " + boot + " events)" : "")
                    + ". Step forward to begin.";
        }
        String c = sim().program().caption(s);
        return c != null ? c : sim().step(s).describe();
    }

    private String stepText(Position pos, RunSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("step ").append(pos.step()).append(" of ").append(timeline.totalSteps());
        if (!pos.boundary()) {
            sb.append(", inside step ").append(pos.step() + 1).append(" after micro-event ").append(pos.micro())
                    .append(" of ").append(timeline.eventsOf(pos.step()).size());
        }
        sb.append("  |  simulated ").append(Durations.format(s.simTimeNs()));
        return sb.toString();
    }

    private String microText(Position pos) {
        SimEvent e = timeline.currentMicroEvent();
        if (e != null) {
            return e.describe();
        }
        if (pos.step() == 0) {
            return "";
        }
        return sim().step(pos.step() - 1).describe() + "  ->  " + outcome(timeline.eventsOf(pos.step() - 1));
    }

    /** What a step came to under this policy, in a few words (captions are written once for all policies). */
    static String outcome(java.util.List<SimEvent> events) {
        java.util.EnumMap<EventKind, Integer> n = new java.util.EnumMap<>(EventKind.class);
        for (SimEvent e : events) {
            n.merge(e.kind(), 1, Integer::sum);
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (EventKind k : new EventKind[] {EventKind.RMP_FAULT, EventKind.NP_FAULT, EventKind.REJECTED, EventKind.SPLIT,
                EventKind.COLLAPSE, EventKind.FLUSH_ALL, EventKind.FLUSH_RANGE, EventKind.PSMASH, EventKind.RMPUPDATE}) {
            Integer c = n.get(k);
            if (c != null) {
                parts.add((c > 1 ? c + " x " : "") + k.label());
            }
        }
        if (n.containsKey(EventKind.RMP_FAULT) || n.containsKey(EventKind.NP_FAULT)) {
            return String.join(", ", parts);
        }
        return parts.isEmpty() ? "no fault" : String.join(", ", parts) + "; no fault";
    }

    private String viewportText(CellLayout l) {
        return String.format(Locale.ROOT, "frames %s-%s (%s), one cell = %s", Pfns.hex(viewport.start()),
                Pfns.hex(viewport.end() - 1), Pfns.bytes(viewport.span() * Pfns.FRAME_BYTES),
                l.unit() == PageSize.K4 ? "4K frame" : l.unit() + " region");
    }

    // ---- inspector --------------------------------------------------------------------------

    Snapshot.InspectorData inspector() {
        if (selectFrom < 0) {
            return null;
        }
        Simulation sim = sim();
        DirectMap dm = sim.directMap();
        RmpTable rmp = sim.rmp();
        List<Snapshot.Field> f = new ArrayList<>();
        long frames = selectTo - selectFrom;
        String title;
        if (frames == 1) {
            long pfn = selectFrom;
            title = "Frame " + Pfns.hex(pfn) + " (physical " + Pfns.hex(pfn * Pfns.FRAME_BYTES) + ")";
            RmpEntry e = rmp.entry(pfn);
            f.add(new Snapshot.Field("RMP state", e.state().name()));
            f.add(new Snapshot.Field("RMP entry", (e.pageSize() == PageSize.M2 ? "2M entry at " + Pfns.hex(e.entryPfn())
                    : "4K entry") + (e.assigned() ? ", ASID " + e.asid() + ", GPA " + Pfns.hex(e.gpa()) : "")
                    + (e.validated() ? ", validated" : "") + (e.immutable() ? ", immutable" : "")));
            f.add(new Snapshot.Field("dump_rmpentry", e.dump()));
            f.add(new Snapshot.Field("Direct map", leafText(dm, pfn)));
        } else {
            int region = Pfns.region(selectFrom);
            if (frames == Pfns.FRAMES_PER_2M) {
                title = "2M region " + Pfns.hex(selectFrom) + "-" + Pfns.hex(selectTo - 1);
                PageSize leaf = dm.regionLeaf(region);
                f.add(new Snapshot.Field("Direct map", leaf == null ? "no entry (hole)" : leaf == PageSize.K4
                        ? "table of 4K PTEs: " + dm.notPresentCount(region) + " not present, " + dm.keep4kCount(region)
                        + " kept at 4K" : leaf + " leaf"));
                f.add(new Snapshot.Field("RAM", dm.ramCount(region) + " of 512 frames"));
                f.add(new Snapshot.Field("RMP", rmp.has2m(region) ? "2M entry, private to guest " + rmp.regionAsid(region)
                        + (rmp.validatedFramesIn(region) > 0 ? ", validated" : "")
                        : rmp.assigned4kIn(region) + " private 4K entries" + owners(rmp.regionAsid(region))
                        + ", " + rmp.validatedFramesIn(region) + " validated"));
            } else {
                int gig = Pfns.gig(selectFrom);
                title = "1G region " + Pfns.hex(selectFrom) + "-" + Pfns.hex(selectTo - 1);
                byte k = dm.gigKind(gig);
                f.add(new Snapshot.Field("Direct map", k == DirectMap.LEAF_1G ? "1G leaf" : k == DirectMap.NONE
                        ? "no entry (hole)" : dm.leaves2mIn(gig) + " 2M leaves, " + dm.tables4kIn(gig) + " tables of 4K PTEs"));
                f.add(new Snapshot.Field("RAM", Pfns.bytes(dm.ramCountInGig(gig) * Pfns.FRAME_BYTES)));
                f.add(new Snapshot.Field("RMP", rmp.assignedInGig(gig) + " private frames"));
            }
        }
        List<String> tlb = tlbLines(sim);
        SimEvent[] last = new SimEvent[1];
        Position at = lastChange(last);
        return new Snapshot.InspectorData(title, f, tlb, last[0] == null ? "none in the recorded history" : last[0].describe(),
                at);
    }

    private static String owners(int asid) {
        return asid > 0 ? " of guest " + asid : asid < 0 ? " of several guests" : "";
    }

    private static String leafText(DirectMap dm, long pfn) {
        return switch (dm.frameState(pfn)) {
            case DirectMap.IN_1G -> "under a 1G leaf at " + Pfns.hex(PageSize.G1.base(pfn));
            case DirectMap.IN_2M -> "under a 2M leaf at " + Pfns.hex(PageSize.M2.base(pfn));
            case DirectMap.PTE_PRESENT -> "4K PTE, present" + (dm.keep4k(pfn) ? ", kept at 4K" : "");
            case DirectMap.PTE_NOT_PRESENT -> "4K PTE, not present" + (dm.keep4k(pfn) ? ", kept at 4K" : "");
            default -> "no entry (not RAM)";
        };
    }

    private List<String> tlbLines(Simulation sim) {
        List<String> out = new ArrayList<>();
        TlbSet tlb = sim.tlb();
        long from = selectFrom;
        long to = selectTo;
        tlb.forEach(-1, (cpu, size, base) -> {
            if (base < to && base + size.frames() > from && out.size() < 40) {
                int m = tlb.classify(cpu, size, base);
                List<String> cls = new ArrayList<>();
                if ((m & TlbSet.STALE) != 0) {
                    cls.add("STALE");
                }
                if ((m & TlbSet.MIXED_SIZE) != 0) {
                    cls.add("MIXED_SIZE");
                }
                if ((m & TlbSet.RMP_HAZARD) != 0) {
                    cls.add("RMP_HAZARD");
                }
                out.add("CPU " + cpu + ": " + size + " entry " + Pfns.hex(base) + (cls.isEmpty() ? "" : " - " + String.join(", ", cls)));
            }
        });
        return out;
    }

    /** The latest state-changing event over the selection before the current position. */
    private Position lastChange(SimEvent[] found) {
        Position pos = timeline.position();
        if (!pos.boundary()) {
            List<SimEvent> ev = timeline.eventsOf(pos.step());
            for (int i = pos.micro() - 1; i >= 0; i--) {
                if (touches(ev.get(i))) {
                    found[0] = ev.get(i);
                    return new Position(pos.step(), i + 1);
                }
            }
        }
        int end = timeline.storedEventIndex(pos.step());
        int scanned = 0;
        for (int i = end - 1; i >= 0 && scanned < 500_000; i--, scanned++) {
            SimEvent e = timeline.storedEvent(i);
            if (touches(e)) {
                found[0] = e;
                long step = timeline.stepOfStoredEvent(i);
                int first = timeline.storedEventIndex(step);
                int next = timeline.storedEventIndex(step + 1);
                return i + 1 >= next ? Position.at(step + 1) : new Position(step, i - first + 1);
            }
        }
        return null;
    }

    private boolean touches(SimEvent e) {
        return CHANGING.contains(e.kind()) && e.pfn() >= 0 && e.pfn() < selectTo
                && e.pfn() + Math.max(1, e.frames()) > selectFrom;
    }

    /** One line about the cell under the mouse. */
    String describeCell(long pfn, PageSize unit) {
        Simulation sim = sim();
        if (pfn < 0 || pfn >= sim.directMap().frames()) {
            return "";
        }
        DirectMap dm = sim.directMap();
        RmpTable rmp = sim.rmp();
        if (unit == PageSize.K4) {
            RmpEntry e = rmp.entry(pfn);
            return "frame " + Pfns.hex(pfn) + ": " + leafText(dm, pfn) + "; RMP " + e.state()
                    + (e.assigned() ? " (guest " + e.asid() + ")" : "") + tlbSummary(sim.tlb(), pfn);
        }
        if (unit == PageSize.M2) {
            int r = Pfns.region(pfn);
            PageSize leaf = dm.regionLeaf(r);
            return "2M region " + Pfns.hex(Pfns.regionBase(r)) + ": " + (leaf == null ? "hole" : leaf + " leaf")
                    + (leaf == PageSize.K4 && dm.notPresentCount(r) > 0 ? ", " + dm.notPresentCount(r) + " PTEs not present" : "")
                    + "; " + rmp.assignedFramesIn(r) + " private frames" + owners(rmp.regionAsid(r));
        }
        int g = Pfns.gig(pfn);
        return "1G region " + Pfns.hex(Pfns.gigBase(g)) + ": " + (dm.gigKind(g) == DirectMap.LEAF_1G ? "1G leaf"
                : dm.leaves2mIn(g) + " 2M leaves, " + dm.tables4kIn(g) + " 4K tables") + "; "
                + rmp.assignedInGig(g) + " private frames";
    }

    /** "; TLB: 2 entries (STALE)" for the entries of every CPU over one frame (R19), or "". */
    private static String tlbSummary(TlbSet tlb, long pfn) {
        int n = 0;
        int classes = 0;
        for (int cpu = 0; cpu < tlb.cpus(); cpu++) {
            for (PageSize size : PageSize.values()) {
                if (tlb.holds(cpu, size, pfn)) {
                    n++;
                    classes |= tlb.classify(cpu, size, size.base(pfn));
                }
            }
        }
        if (n == 0) {
            return "";
        }
        List<String> cls = new ArrayList<>();
        if ((classes & TlbSet.STALE) != 0) {
            cls.add("STALE");
        }
        if ((classes & TlbSet.MIXED_SIZE) != 0) {
            cls.add("MIXED_SIZE");
        }
        if ((classes & TlbSet.RMP_HAZARD) != 0) {
            cls.add("RMP_HAZARD");
        }
        return "; TLB: " + n + (n == 1 ? " entry" : " entries") + (cls.isEmpty() ? "" : " (" + String.join(", ", cls) + ")");
    }

    // ---- scrubber markers, charts, event rows ---------------------------------------------------

    private int[] markers() {
        long frontier = timeline.frontier();
        if (markers != null && markers.length == scrubberWidth && markersFrontier == frontier) {
            return markers;
        }
        int w = Math.max(1, scrubberWidth);
        int[] m = new int[w];
        StepSeries s = timeline.series();
        long total = Math.max(1, timeline.totalSteps());
        for (int i = 1; i < s.size(); i++) {
            long step = s.boundaryOf(i) - 1;                     // sample i holds the events of the step before it
            int col = (int) Math.min(w - 1, step * w / total);
            m[col] |= (int) s.get(i, StepSeries.Column.KIND_MASK);
        }
        markers = m;
        markersFrontier = frontier;
        return m;
    }

    private Snapshot.ChartData chart(boolean playing) {
        long frontier = timeline.frontier();
        long now = System.nanoTime();
        if (!wantCharts || frontier == chartFrontier || (playing && now - chartTime < 500_000_000L)) {
            return null;
        }
        chartFrontier = frontier;
        chartTime = now;
        StepSeries s = timeline.series();
        int n = s.size();
        int points = Math.min(n, 400);
        StepSeries.Column[] cols = {StepSeries.Column.DIRECT_MAP_4K, StepSeries.Column.DIRECT_MAP_2M,
                StepSeries.Column.DIRECT_MAP_1G, StepSeries.Column.LEVEL2_SPLITS, StepSeries.Column.LEVEL3_SPLITS,
                StepSeries.Column.LEVEL2_COLLAPSES, StepSeries.Column.FLUSH_TLB_ALL, StepSeries.Column.IPIS,
                StepSeries.Column.RMP_FAULTS, StepSeries.Column.NOT_PRESENT_FAULTS, StepSeries.Column.SIM_TIME_NS,
                StepSeries.Column.LOCK_WAIT_NS};
        long[] x = new long[points];
        double[][] y = new double[cols.length][points];
        for (int p = 0; p < points; p++) {
            int i = points == 1 ? 0 : (int) ((long) p * (n - 1) / (points - 1));
            x[p] = s.boundaryOf(i);
            for (int c = 0; c < cols.length; c++) {
                y[c][p] = s.get(i, cols[c]);
            }
        }
        String[] names = new String[cols.length];
        for (int c = 0; c < cols.length; c++) {
            names[c] = cols[c].name();
        }
        return new Snapshot.ChartData(x, names, y);
    }

    static final int PLAYING_ROWS = 500;

    /** Play starts: the next snapshot switches the event log to the live tail at once. */
    void playStarted() {
        eventsTime = 0;
        eventsKey = Long.MIN_VALUE;
    }

    private Snapshot.EventRows events(boolean playing) {
        Position pos = timeline.position();
        long key = pos.step() * 4096 + pos.micro() + (long) filter.hashCode() * 31;
        long now = System.nanoTime();
        if (!wantEvents || key == eventsKey || (playing && now - eventsTime < 250_000_000L)) {
            return null;
        }
        eventsKey = key;
        eventsTime = now;
        // while playing the log is a live tail: a short list keeps each update cheap for the FX thread
        int max = playing ? PLAYING_ROWS : Snapshot.EventRows.MAX;
        if (playing) {
            eventsKey = Long.MIN_VALUE;                    // a pause shows the full list at the same position
        }
        List<Snapshot.EventRow> rows = new ArrayList<>();
        long matching = 0;
        if (!pos.boundary()) {
            List<SimEvent> ev = timeline.eventsOf(pos.step());
            for (int i = pos.micro() - 1; i >= 0; i--) {
                if (filter.matches(ev.get(i))) {
                    matching++;
                    if (rows.size() < max) {
                        rows.add(row(pos.step(), i, ev.get(i), ev.size()));
                    }
                }
            }
        }
        int end = timeline.storedEventIndex(pos.step());
        long currentStep = -1;
        int stepFirst = 0;
        int stepNext = 0;
        for (int i = end - 1; i >= 0; i--) {
            SimEvent e = timeline.storedEvent(i);
            if (!filter.matches(e)) {
                continue;
            }
            matching++;
            if (rows.size() >= max) {
                if (playing) {
                    break;                                 // the count of all matching rows can wait for the pause
                }
                continue;
            }
            long step = timeline.stepOfStoredEvent(i);
            if (step != currentStep) {
                currentStep = step;
                stepFirst = timeline.storedEventIndex(step);
                stepNext = timeline.storedEventIndex(step + 1);
            }
            rows.add(row(step, i - stepFirst, e, stepNext - stepFirst));
        }
        java.util.Collections.reverse(rows);
        String text = playing ? "playing: the latest " + rows.size() + " events"
                : matching > rows.size() ? "showing the latest " + rows.size() + " of " + matching + " events"
                : matching + " events";
        if (timeline.firstStoredStep() > 0) {
            text += " (events before step " + (timeline.firstStoredStep() + 1) + " were released to stay within the history budget)";
        }
        return new Snapshot.EventRows(List.copyOf(rows), matching, text);
    }

    private static Snapshot.EventRow row(long step, int index, SimEvent e, int eventsInStep) {
        String frames = e.pfn() < 0 ? "" : e.frames() > 1 ? Pfns.hex(e.pfn()) + " +" + e.frames() : Pfns.hex(e.pfn());
        Position after = index + 1 >= eventsInStep ? Position.at(step + 1) : new Position(step, index + 1);
        return new Snapshot.EventRow(step + 1, index, e.kind().label(), e.cpu(), e.asid(), frames, e.describe(),
                e.pfn(), e.frames(), after);
    }
}
