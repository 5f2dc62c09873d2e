package org.splitscope.ui.service;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.render.CellLayout;
import org.splitscope.ui.service.Snapshot.ChartPart;
import org.splitscope.ui.service.Snapshot.ComparePart;
import org.splitscope.ui.service.Snapshot.HoverPart;
import org.splitscope.ui.service.Snapshot.InspectorPart;
import org.splitscope.ui.service.Snapshot.LogPage;
import org.splitscope.ui.service.Snapshot.MapPart;
import org.splitscope.ui.service.Snapshot.MarkersPart;
import org.splitscope.ui.service.Snapshot.MessagePart;
import org.splitscope.ui.service.Snapshot.Part;
import org.splitscope.ui.service.Snapshot.PlayPart;
import org.splitscope.ui.service.Snapshot.RunPart;
import org.splitscope.ui.service.Snapshot.StatusPart;
import org.splitscope.ui.service.Snapshot.StepPart;

/**
 * Builds each {@link Snapshot} from the session at its current position, recomputing only the parts
 * whose inputs changed (chart-fx's dirty bits, STYLE.md): every part has a key made of what it is
 * computed from (the run, the position, the settings it reads, the selection, ...). Equal key: the
 * previous part, restamped with the position; other key: computed afresh and its dirty bit set. So a
 * hover recomputes the hover line and nothing else, and no part can lag the position: a part that
 * depends on the position has the position in its key.
 *
 * <p>Threading: simulation thread only.
 */
final class SnapshotBuilder {
    private final EventPager pager = new EventPager();
    private final Object[] keys = new Object[PartKind.values().length];
    private Snapshot last;
    private int dirty;
    private volatile long mapRenders;

    /** How many times the map was rasterized (tests check that a hover does not). */
    long mapRenders() {
        return mapRenders;
    }

    Snapshot build(long serial, Session s, ViewSettings v, PlayPart play, String message) {
        Timeline t = s.timeline;
        Position pos = t.position();
        Snapshot prev = last;
        dirty = 0;
        RunPart run = part(PartKind.RUN, key(s.serial), () -> runPart(s, pos), prev == null ? null : prev.run(),
                p -> p.at(pos));
        PlayPart playPart = part(PartKind.PLAY, key(play.generation(), play.playing(), play.speed()), () -> play.at(pos),
                prev == null ? null : prev.play(), p -> p.at(pos));
        RunSummary[] summary = new RunSummary[1];
        StatusPart status = part(PartKind.STATUS, key(s.serial, pos), () -> {
            summary[0] = RunSummary.withoutHash(s.sim());
            return new StatusPart(pos, summary[0], org.splitscope.render.Figures.of(summary[0]));
        }, prev == null ? null : prev.status(), p -> p);
        StepPart step = part(PartKind.STEP, key(s.serial, pos), () -> new StepPart(pos, StepTexts.caption(t),
                StepTexts.stepText(t, status.summary().simTimeNs()), StepTexts.microText(t, s.replay == null),
                t.canStepBack(), t.canStepForward(), StepTexts.outcomeText(t)), prev == null ? null : prev.step(), p -> p);
        List<?> viewKey = key(s.serial, pos, s.viewport, v.layers(), v.dark(), s.tlbCpu(v), s.selectFrom, s.selectTo,
                s.highlightFrom, s.highlightTo, v.mapWidth(), v.mapHeight(), s.compare);
        ComparePart[] compare = {prev == null ? null : prev.compare()};
        MapPart map = part(PartKind.MAP, viewKey, () -> {
            mapRenders++;
            CellLayout layout = s.layout(v);
            int[] px = s.rasterize(layout, v, serial);
            compare[0] = new ComparePart(pos, s.compare == null ? List.of() : s.compare.render(s, v, layout, px, serial));
            return new MapPart(pos, px, layout, StepTexts.viewportText(s.viewport, layout));
        }, prev == null ? null : prev.map(), p -> p);
        compare[0] = part(PartKind.COMPARE, viewKey, () -> compare[0], compare[0], p -> p);
        boolean logShown = v.pane() == ViewSettings.Pane.EVENTS;
        LogPage log = part(PartKind.LOG, key(s.serial, pos, v.filter(), logShown, play.playing()),
                () -> pager.page(s, v.filter(), play.playing(), logShown), prev == null ? null : prev.log(), p -> p);
        boolean chartShown = v.pane() == ViewSettings.Pane.CHARTS;
        ChartPart chart = part(PartKind.CHART, key(s.serial, t.frontier(), chartShown, play.playing()),
                () -> new ChartPart(pos, chartShown ? StepFigures.chart(t, play.playing() ? StepFigures.PLAYING_POINTS
                        : StepFigures.POINTS) : null), prev == null ? null : prev.chart(),
                p -> new ChartPart(pos, p.series()));
        InspectorPart inspector = part(PartKind.INSPECTOR, key(s.serial, pos, s.selectFrom, s.selectTo),
                () -> new InspectorPart(pos, s.selectFrom < 0 ? null : CellTexts.inspector(t, s.selectFrom, s.selectTo)),
                prev == null ? null : prev.inspector(), p -> p);
        HoverPart hover = part(PartKind.HOVER, key(s.serial, pos, s.hoverPfn, s.hoverUnit),
                () -> new HoverPart(pos, s.hoverPfn < 0 ? "" : CellTexts.hover(s.sim(), s.hoverPfn, s.hoverUnit)),
                prev == null ? null : prev.hover(), p -> p);
        MarkersPart markers = part(PartKind.MARKERS, key(s.serial, t.frontier(), v.scrubberWidth(), t.bookmarks().copy()),
                () -> new MarkersPart(pos, StepFigures.markers(t, v.scrubberWidth()), t.frontier(), t.totalSteps(),
                        t.bookmarks().copy()), prev == null ? null : prev.markers(), p -> p.at(pos));
        String text = message == null ? "" : message;
        MessagePart msg = part(PartKind.MESSAGE, key(text), () -> new MessagePart(pos, text),
                prev == null ? null : prev.message(), p -> new MessagePart(pos, p.text()));
        Snapshot.ReplayPart replay = part(PartKind.REPLAY, s.replay == null ? key(s.serial)
                : key(s.serial, pos, v.scrubberWidth(), t.totalSteps()), () -> ReplayParts.of(s, pos, v.scrubberWidth()),
                prev == null ? null : prev.replay(), p -> p.at(pos));
        last = new Snapshot(serial, pos, dirty, run, step, playPart, map, status, log, chart, inspector, hover, markers,
                compare[0], msg, replay);
        return last;
    }

    private <P extends Part> P part(PartKind k, List<?> key, Supplier<P> make, P previous, UnaryOperator<P> restamp) {
        if (previous != null && key.equals(keys[k.ordinal()])) {
            return restamp.apply(previous);
        }
        keys[k.ordinal()] = key;
        dirty |= k.bit();
        return make.get();
    }

    private static List<?> key(Object... parts) {
        return Arrays.asList(parts);
    }

    private static RunPart runPart(Session s, Position pos) {
        return new RunPart(pos, s.serial, s.scenario.id(), s.scenario.title(), s.scenario.description(),
                s.scenario.source(), s.file, s.policy(), s.kernel().id(), s.spec.seed(), s.spec.machine().cpus(),
                s.frames(), s.timeline.totalSteps());
    }
}
