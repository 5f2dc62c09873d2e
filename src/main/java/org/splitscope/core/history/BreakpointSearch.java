package org.splitscope.core.history;

import java.util.List;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.tlb.TlbSet;

/**
 * Runs a {@link Timeline} forward or backward to a {@link Breakpoint}. A match is the position right
 * after the matching event; for a TLB-class condition, the end of the step after which the class
 * has more entries than before it.
 *
 * <p>Threading: confined to the timeline's thread.
 */
final class BreakpointSearch {
    private final Timeline t;
    private final Breakpoint bp;

    BreakpointSearch(Timeline t, Breakpoint bp) {
        this.t = t;
        this.bp = bp;
    }

    private int classIndex() {
        return bp.tlbClass() == TlbSet.STALE ? 0 : bp.tlbClass() == TlbSet.MIXED_SIZE ? 1 : 2;
    }

    private long tlbNow() {
        long[] c = new long[3];
        t.tlbCounts(c);
        return c[classIndex()];
    }

    Timeline.Hit forward(Timeline.Cancel cancel) {
        Position start = t.position();
        if (!start.boundary() && bp.needsEvent() && bp.tlbClass() == 0) {
            List<SimEvent> ev = t.eventsOf(start.step());
            for (int i = start.micro(); i < ev.size(); i++) {
                if (bp.matches(ev.get(i))) {
                    return hit(start.step(), i, ev.get(i));
                }
            }
        }
        if (!start.boundary()) {
            t.seek(Position.at(start.step() + 1));
        }
        while (t.canStepForward() && !cancel.requested()) {
            long before = bp.tlbClass() != 0 ? tlbNow() : 0;
            long s = t.position().step();
            List<SimEvent> ev = t.stepCapturing();
            if (bp.tlbClass() != 0 && tlbNow() <= before) {
                continue;
            }
            if (!bp.needsEvent()) {
                return new Timeline.Hit(t.position(), null);
            }
            for (int i = 0; i < ev.size(); i++) {
                if (bp.matches(ev.get(i))) {
                    return hit(s, i, ev.get(i));
                }
            }
        }
        return null;
    }

    Timeline.Hit backward(Timeline.Cancel cancel) {
        Position start = t.position();
        long s = start.boundary() ? start.step() - 1 : start.step();
        for (; s >= 0 && !cancel.requested(); s--) {
            if (bp.tlbClass() != 0 && !tlbAppeared(s)) {
                continue;
            }
            if (!bp.needsEvent()) {
                t.seek(Position.at(s + 1));
                if (t.position().compareTo(start) < 0) {
                    return new Timeline.Hit(t.position(), null);
                }
                continue;
            }
            if (t.hasSeriesFor(s) && bp.kinds() != 0
                    && (t.series().get((int) (s + 1), StepSeries.Column.KIND_MASK) & bp.kinds()) == 0) {
                continue;
            }
            List<SimEvent> ev = t.eventsOf(s);
            for (int i = ev.size() - 1; i >= 0; i--) {
                Position p = i + 1 >= ev.size() ? Position.at(s + 1) : new Position(s, i + 1);
                if (p.compareTo(start) < 0 && bp.matches(ev.get(i))) {
                    return hit(s, i, ev.get(i));
                }
            }
        }
        t.seek(start);
        return null;
    }

    private boolean tlbAppeared(long s) {
        if (t.hasSeriesFor(s)) {
            StepSeries.Column col = switch (classIndex()) {
                case 0 -> StepSeries.Column.TLB_STALE;
                case 1 -> StepSeries.Column.TLB_MIXED;
                default -> StepSeries.Column.TLB_HAZARD;
            };
            return t.series().get((int) (s + 1), col) > t.series().get((int) s, col);
        }
        t.seek(Position.at(s));
        long before = tlbNow();
        t.seek(Position.at(s + 1));
        return tlbNow() > before;
    }

    private Timeline.Hit hit(long step, int index, SimEvent e) {
        t.seek(new Position(step, index + 1));
        return new Timeline.Hit(t.position(), e);
    }
}
