package org.splitscope.ui.service;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.history.Position;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.workload.Step;
import org.splitscope.scenario.trace.Figure;
import org.splitscope.scenario.trace.Mismatches;
import org.splitscope.scenario.trace.Progress;
import org.splitscope.scenario.trace.Recording;
import org.splitscope.scenario.trace.Replay;
import org.splitscope.scenario.trace.ReplayResult;
import org.splitscope.scenario.trace.TraceSteps;
import org.splitscope.ui.service.Snapshot.EventRow;

/**
 * A host recording open in the app (TRACE.md, issue 11): the recording, and what one replay pass under
 * the run's policy and kernel found, i.e. the steps where the host's observed work differs from the
 * prediction. As the traced kernel these are disagreements between model and host; under another
 * policy or kernel (the pickers) they are the what-if. Replay runs its own simulation once, forward,
 * without history; only its mismatches are kept, so the app's timeline is the one simulation that
 * stays. Recording step {@code k} is the run's step {@code k} (0-based), shown as step {@code k + 1}.
 *
 * <p>Threading: made and read on the simulation thread only; the view sees {@link Snapshot.ReplayPart}s.
 */
final class ReplayState {
    /** Mismatch rows the Replay part carries at most (all of them are counted). */
    static final int MAX_ROWS = 20_000;
    /** The event log's kind for a mismatch row. */
    static final String KIND = "mismatch";

    final Recording recording;
    final Mismatches mismatches;
    final String replayedAs;
    final boolean whatIf;
    private final List<EventRow> rows;
    private BitSet columns;
    private long columnsKey = -1;
    private String summary;

    private ReplayState(Recording recording, Mismatches mismatches, SimSpec spec) {
        this.recording = recording;
        this.mismatches = mismatches;
        this.replayedAs = spec.policy().id() + ", kernel " + spec.machine().kernel().id();
        this.whatIf = !spec.policy().id().equals(recording.host().policy())
                || spec.machine().kernel() != recording.host().kernel();
        List<EventRow> out = new ArrayList<>();
        for (int i = 0; i < Math.min(mismatches.size(), MAX_ROWS); i++) {
            out.add(row(i));
        }
        this.rows = List.copyOf(out);
    }

    /**
     * Replays {@code rec} under {@code spec} with progress and Cancel through {@code tasks}; throws
     * CancellationException when cancelled and IllegalArgumentException when the spec cannot run.
     */
    static ReplayState run(Recording rec, SimSpec spec, Tasks tasks) {
        ReplayResult r = Replay.of(rec, spec).run(EventSink.NONE, progress(tasks));
        return new ReplayState(rec, r.mismatches(), spec);
    }

    /** Loading and replaying report to the status bar's progress and stop on its Cancel (Esc). */
    static Progress progress(Tasks tasks) {
        return new Progress() {
            @Override
            public void update(long done, long total) {
                tasks.progress(total > 0 ? done / (double) total : -1);
            }

            @Override
            public boolean cancelled() {
                return tasks.cancelled();
            }
        };
    }

    /** The mismatch rows in step order (at most {@link #MAX_ROWS}). */
    List<EventRow> rows() {
        return rows;
    }

    /** How many mismatches are at steps before {@code step} (0-based), i.e. in steps already run at boundary {@code step}. */
    int countBefore(long step) {
        int lo = 0;
        int hi = mismatches.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mismatches.stepOf(mid) < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The event-log row of mismatch {@code i}: both figures, the trace line, and where to jump (right after its step). */
    EventRow row(int i) {
        Mismatches.Mismatch m = mismatches.get(i);
        Step st = recording.steps().step(m.step());
        long pfn = -1;
        int asid = 0;
        int cpu = -1;
        long frames = 1;
        switch (st) {
            case Step.Assign a -> {
                pfn = a.pfn();
                asid = a.asid();
                frames = a.level().frames();
            }
            case Step.Release r -> {
                pfn = r.pfn();
                frames = r.level().frames();
            }
            case Step.Psmash p -> {
                pfn = p.pfn();
                frames = PageSize.M2.frames();
            }
            case Step.HostAccess h -> {
                pfn = h.pfn();
                cpu = h.cpu();
            }
            default -> {
            }
        }
        String where = pfn < 0 ? "" : frames > 1 ? Pfns.hex(pfn) + " +" + frames : Pfns.hex(pfn);
        return new EventRow(m.step() + 1, -1, KIND, cpu, asid, where, text(m), pfn, frames, Position.at(m.step() + 1));
    }

    /** "trace.txt:5 rmp_private: range_flush_ipis observed 7 on the host, predicted 0 (split-on-demand, kernel 6.8)". */
    String text(Mismatches.Mismatch m) {
        return "trace.txt:" + m.line() + " " + m.event() + ": " + m.what().id() + " observed " + m.observed()
                + " on the host, predicted " + m.predicted() + " (" + replayedAs + ")";
    }

    /** The mismatches of step {@code k} in words, or that it agrees with the host in every figure compared. */
    String stepCheck(long k) {
        int from = countBefore(k);
        int to = countBefore(k + 1);
        if (from == to) {
            return (whatIf ? "as the host did: " : "matches the host: ") + "every figure compared agrees";
        }
        List<String> parts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Mismatches.Mismatch m = mismatches.get(i);
            parts.add(m.what().id() + " observed " + m.observed() + ", predicted " + m.predicted());
        }
        return (to - from) + (to - from == 1 ? " mismatch: " : " mismatches: ") + String.join("; ", parts);
    }

    /** The replayed step whose caption the run shows at {@code pos} (the step run last, or the one in progress), or -1. */
    static long stepAt(Position pos) {
        return pos.boundary() ? pos.step() - 1 : pos.step();
    }

    /** The trace line of step {@code k}: {@code [file:line, quoted line]} (the quote is "" when it cannot be read again). */
    String[] traceLine(long k) {
        TraceSteps steps = recording.steps();
        String cap = steps.caption(k);
        String loc = "trace.txt:" + steps.line(k);
        String quote = cap.startsWith(loc + ": ") ? cap.substring(loc.length() + 2).strip() : "";
        return new String[] {loc, quote};
    }

    /** One line about the replay: traced as, replayed as, the mismatches by figure and what was not compared. */
    String summary() {
        if (summary == null) {
            summary = describe();
        }
        return summary;
    }

    private String describe() {
        Recording r = recording;
        StringBuilder sb = new StringBuilder();
        sb.append("Host recording ").append(r.source()).append(": ").append(r.lines()).append(" trace lines, ")
                .append(r.steps().size()).append(" replayed steps. ");
        String traced = r.host().policy() + ", kernel " + r.host().kernel().id();
        sb.append(whatIf ? "What-if: replayed as " + replayedAs + " (the host ran " + traced + ")"
                : "Replayed as the traced host (" + traced + ")");
        sb.append(": ").append(mismatches.size()).append(mismatches.size() == 1 ? " mismatch" : " mismatches");
        Map<Figure, Long> by = mismatches.byFigure();
        if (!by.isEmpty()) {
            List<String> parts = new ArrayList<>();
            by.forEach((f, n) -> parts.add(f.id() + " " + n));
            sb.append(" (").append(String.join(", ", parts)).append(")");
        }
        sb.append('.');
        if (!r.unrecorded().isEmpty()) {
            List<String> parts = new ArrayList<>();
            r.unrecorded().forEach(f -> parts.add(f.id()));
            sb.append(" Not recorded, so not compared: ").append(String.join(", ", parts)).append('.');
        }
        return sb.toString();
    }

    /** Per column of a timeline strip {@code width} pixels wide over {@code totalSteps}: whether a mismatch falls there. */
    BitSet columns(int width, long totalSteps) {
        int w = Math.max(1, width);
        long key = w * 31L + totalSteps;
        if (columns == null || key != columnsKey) {
            BitSet b = new BitSet(w);
            long total = Math.max(1, totalSteps);
            for (int i = 0; i < mismatches.size(); i++) {
                b.set((int) Math.min(w - 1, mismatches.stepOf(i) * w / total));
            }
            columns = b;
            columnsKey = key;
        }
        return columns;
    }
}
