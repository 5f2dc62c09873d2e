package org.splitscope.render;

import java.util.List;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;

/**
 * "Follow the action": the smallest view that holds the frames the current step touches (the frames
 * of its events, up to the current micro-event; TLB fills and global flushes, which touch no frame of
 * interest, left out), rounded out to whole 2M regions. A view is never finer than one 2M region,
 * which a picture or the app draws as 512 4K cells; {@link CellLayout} then picks the cell size the
 * pixels allow.
 */
public final class FollowZoom {
    private FollowZoom() {
    }

    /** The view for the timeline's current step, or {@code fallback} when the step touched no frame. */
    public static Viewport of(Timeline t, Viewport fallback) {
        Position p = t.position();
        long step = p.boundary() ? p.step() - 1 : p.step();
        if (step < 0 || step >= t.totalSteps()) {
            return fallback;
        }
        List<SimEvent> events = t.eventsOf(step);
        int limit = p.boundary() ? events.size() : Math.min(p.micro(), events.size());
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < limit; i++) {
            SimEvent e = events.get(i);
            if (e.pfn() < 0 || e.kind() == EventKind.TLB_FILL || e.kind() == EventKind.FLUSH_ALL) {
                continue;
            }
            lo = Math.min(lo, e.pfn());
            hi = Math.max(hi, e.pfn() + Math.max(1, e.frames()) - 1);
        }
        if (lo == Long.MAX_VALUE) {
            return fallback;
        }
        return Viewport.of(lo, hi + 1, t.simulation().directMap().frames());
    }
}
