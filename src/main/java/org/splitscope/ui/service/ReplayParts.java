package org.splitscope.ui.service;

import org.splitscope.core.history.Position;
import org.splitscope.ui.service.Snapshot.ReplayPart;

/**
 * Makes the {@link ReplayPart} of a session at a position: nothing for a scenario; for a host
 * recording the replay's summary and mismatch rows (made once per run), the timeline's mismatch
 * columns, and the trace line and host comparison of the step the caption shows.
 *
 * <p>Threading: simulation thread only.
 */
final class ReplayParts {
    private ReplayParts() {
    }

    static ReplayPart of(Session s, Position pos, int width) {
        ReplayState r = s.replay;
        if (r == null) {
            return ReplayPart.none(pos);
        }
        long k = ReplayState.stepAt(pos);
        String[] line = k < 0 ? null : r.traceLine(k);
        return new ReplayPart(pos, true, r.summary(), r.rows(), r.mismatches.size(),
                r.columns(width, s.timeline.totalSteps()), line == null ? null : line[0], line == null ? null : line[1],
                k < 0 ? null : r.stepCheck(k));
    }
}
