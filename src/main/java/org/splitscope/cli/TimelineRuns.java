package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.Breakpoint;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.SimSpec;

/** {@code run --seek} and {@code run --break}: moving through a run with a {@link Timeline}. */
final class TimelineRuns {
    private TimelineRuns() {
    }

    static Timeline open(SimSpec spec, Timeline.Options options) {
        return Loaded.timeline(spec, HistoryBudget.DEFAULT, options);
    }

    static int seek(PrintWriter out, SimSpec spec, List<Long> steps, boolean json) {
        Timeline t = open(spec, Timeline.Options.STATE_ONLY);
        for (long step : steps) {
            if (step < 0 || step > t.totalSteps()) {
                throw new UserError("--seek " + step + ": the scenario has " + t.totalSteps() + " steps");
            }
        }
        for (long step : steps) {
            t.seek(step);
            String hash = t.simulation().stateHash();
            if (json) {
                ObjectNode o = Json.object();
                o.put("step", step);
                o.put("state_hash", hash);
                Json.print(out, o);
            } else {
                out.printf(Locale.ROOT, "step %d: state hash %s%n", step, hash);
            }
        }
        return 0;
    }

    static int breakAt(PrintWriter out, SimSpec spec, String condition, Long untilStep, boolean json) {
        Breakpoint bp;
        try {
            bp = Breakpoint.parse(condition);
        } catch (IllegalArgumentException e) {
            throw new UserError("--break: " + e.getMessage());
        }
        Timeline t = open(spec, new Timeline.Options(false, false, false));
        long limit = untilStep == null ? t.totalSteps() : untilStep;
        Timeline.Hit hit = null;
        while (t.position().step() < limit) {
            long from = t.position().step();
            Timeline.Hit h = t.runForwardUntil(bp, () -> t.position().step() >= limit);
            if (h != null && h.at().compareTo(Position.at(limit)) <= 0) {
                hit = h;
                break;
            }
            if (h == null || t.position().step() <= from) {
                break;
            }
        }
        RunSummary summary = RunSummary.of(t.simulation());
        if (json) {
            ObjectNode o = Json.object();
            o.put("break", bp.describe());
            o.put("found", hit != null);
            if (hit != null) {
                o.put("step", stepNumber(hit.at()));
                o.put("position", hit.at().toString());
                if (hit.event() != null) {
                    o.set("event", eventJson(hit.event()));
                }
            }
            o.set("summary", SummaryJson.of(summary, spec.machine()));
            Json.print(out, o);
        } else if (hit == null) {
            out.printf(Locale.ROOT, "no match for '%s' in %d steps%n", bp.describe(), t.position().step());
        } else {
            out.printf(Locale.ROOT, "stopped at step %d (position %s) on '%s':%n", stepNumber(hit.at()), hit.at(),
                    bp.describe());
            if (hit.event() != null) {
                out.println("  " + hit.event().describe());
            }
            out.println("state hash " + summary.stateHash());
        }
        return 0;
    }

    /** 1-based number of the step a position is in (the step whose events led there). */
    static long stepNumber(Position p) {
        return p.boundary() ? p.step() : p.step() + 1;
    }

    static ObjectNode eventJson(SimEvent e) {
        ObjectNode o = Json.object();
        o.put("kind", e.kind().id());
        o.put("description", e.describe());
        if (e.cpu() >= 0) {
            o.put("cpu", e.cpu());
        }
        if (e.asid() > 0) {
            o.put("guest", e.asid());
        }
        if (e.pfn() >= 0) {
            o.put("pfn", Pfns.hex(e.pfn()));
            o.put("frames", e.frames());
        }
        o.set("details", Json.MAPPER.valueToTree(e));
        return o;
    }
}
