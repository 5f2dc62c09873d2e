package org.splitscope.ui.service;

import org.splitscope.core.history.Breakpoint;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;

/**
 * The moves that can take long on a big run, in cancellable chunks with progress: to the end, and
 * to a breakpoint forward or back. Each returns the message the view shows when it is done.
 *
 * <p>Threading: simulation thread only; the cancel flag is set from the FX thread.
 */
final class LongWork {
    private final Tasks tasks;

    LongWork(Tasks tasks) {
        this.tasks = tasks;
    }

    String toEnd(Session s) {
        Timeline t = s.timeline;
        tasks.busy("Running to the end...", 0);
        try {
            return forwardTo(t, t.totalSteps(), tasks) ? null : "Stopped at step " + t.position().step() + ".";
        } finally {
            tasks.busy(null, -1);
        }
    }

    /**
     * Moves {@code t} forward to step {@code target} in chunks of a hundredth of the run (at least
     * 1,000 steps), for the progress bar and Cancel, each recorded as one move to the target would be
     * ({@link Timeline#seekToward}). Returns false when cancelled (the run stays where it got to).
     */
    static boolean forwardTo(Timeline t, long target, Tasks tasks) {
        long chunk = Math.max(1000, t.totalSteps() / 100);
        while (t.position().step() < target && !tasks.cancelled()) {
            t.seekToward(Math.min(target, t.position().step() + chunk), target);
            tasks.progress(t.position().step() / (double) Math.max(1, target));
        }
        return !tasks.cancelled();
    }

    /**
     * Runs to the breakpoint; on a match the run stays right after the matching event and outlines its
     * frames, without one it returns to where it was (a cancelled search stays where it got to).
     */
    String toBreakpoint(Session s, Breakpoint bp, boolean forward) {
        Timeline t = s.timeline;
        Position start = t.position();
        tasks.busy((forward ? "Running to " : "Running back to ") + bp.describe() + "...", 0);
        try {
            long total = Math.max(1, t.totalSteps());
            long[] calls = {0};
            Timeline.Cancel cancel = () -> {
                if ((++calls[0] & 255) == 0) {
                    double done = t.position().step() / (double) total;
                    tasks.progress(forward ? done : 1 - done);
                }
                return tasks.cancelled();
            };
            Timeline.Hit hit = forward ? t.runForwardUntil(bp, cancel) : t.runBackwardUntil(bp, cancel);
            if (hit != null) {
                if (hit.event() != null) {
                    s.highlight(hit.event().pfn(), hit.event().pfn() + Math.max(1, hit.event().frames()));
                }
                return "Stopped at " + hit.at().label() + ": " + (hit.event() == null ? bp.describe() : hit.event().describe());
            }
            if (tasks.cancelled()) {
                return "Search for '" + bp.describe() + "' cancelled at step " + t.position().step() + ".";
            }
            t.seek(start);
            return "No match for '" + bp.describe() + "' " + (forward ? "after " : "before ") + "step " + start
                    + "; the run stays where it was.";
        } finally {
            tasks.busy(null, -1);
        }
    }
}
