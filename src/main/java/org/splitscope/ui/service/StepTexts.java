package org.splitscope.ui.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.workload.Step;
import org.splitscope.render.CellLayout;
import org.splitscope.render.Durations;
import org.splitscope.render.Viewport;

/**
 * The words about where the run stands: the step's caption (written once for every policy), the
 * step line of the status bar, and what the current micro-event or the last step came to under
 * this policy. Simulation thread only.
 */
final class StepTexts {
    private StepTexts() {
    }

    static String caption(Timeline t) {
        Position pos = t.position();
        long s = pos.boundary() ? pos.step() - 1 : pos.step();
        if (s < 0) {
            int boot = t.bootEvents().size();
            return "The machine as booted" + (boot > 0 ? " (the policy's boot hook emitted " + boot + " events)" : "")
                    + ". Step forward to begin.";
        }
        String c = t.simulation().program().caption(s);
        return c != null ? c : t.simulation().step(s).describe();
    }

    /** "step 5 of 8, inside step 6 at event 2 of 7  |  simulated 1.2 us" (the event log's step and #). */
    static String stepText(Timeline t, long simTimeNs) {
        Position pos = t.position();
        StringBuilder sb = new StringBuilder();
        sb.append("step ").append(pos.step()).append(" of ").append(t.totalSteps());
        if (!pos.boundary()) {
            sb.append(", inside step ").append(pos.step() + 1).append(" at event ").append(pos.micro())
                    .append(" of ").append(t.eventsOf(pos.step()).size());
        }
        sb.append("  |  simulated ").append(Durations.format(simTimeNs));
        return sb.toString();
    }

    /** R21, where the app shows a conversion. */
    static final String IN_PLACE = "converted in place (SplitScope converts as guest_memfd's in-place conversion does;"
            + " mainline 6.18 backs shared memory with other pages)";

    /**
     * The current micro-event, or what the last step came to; a conversion says it was made in place
     * (R21) in a {@code scenario} (in a host recording's rmp_shared is what the host did, not a conversion).
     */
    static String microText(Timeline t, boolean scenario) {
        SimEvent e = t.currentMicroEvent();
        if (e != null) {
            return e.describe();
        }
        Position pos = t.position();
        if (pos.step() == 0) {
            return "";
        }
        Step step = t.simulation().step(pos.step() - 1);
        String text = step.describe() + "  ->  " + outcome(t.eventsOf(pos.step() - 1));
        boolean conversion = step instanceof Step.Convert || scenario && step instanceof Step.Release;
        return conversion ? text + "; " + IN_PLACE : text;
    }

    /**
     * What the step shown came to under this policy: at a boundary the outcome of the step just run,
     * inside a step that of its micro-events so far; "as booted" before the first step.
     */
    static String outcomeText(Timeline t) {
        Position pos = t.position();
        if (pos.boundary()) {
            return pos.step() == 0 ? "as booted" : outcome(t.eventsOf(pos.step() - 1));
        }
        List<SimEvent> events = t.eventsOf(pos.step());
        return outcome(events.subList(0, Math.min(pos.micro(), events.size()))) + " so far";
    }

    /** What a step came to under this policy, in a few words (captions are written once for all policies). */
    static String outcome(List<SimEvent> events) {
        return org.splitscope.render.StepOutcome.of(events);
    }

    static String viewportText(Viewport v, CellLayout l) {
        return String.format(Locale.ROOT, "frames %s-%s (%s), one cell = %s", Pfns.hex(v.start()),
                Pfns.hex(v.end() - 1), Pfns.bytes(v.span() * Pfns.FRAME_BYTES),
                l.unit() == PageSize.K4 ? "4K frame" : l.unit() + " region");
    }
}
