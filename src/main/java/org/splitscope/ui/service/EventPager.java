package org.splitscope.ui.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.Pfns;
import org.splitscope.ui.service.Snapshot.EventRow;
import org.splitscope.ui.service.Snapshot.LogPage;

/**
 * The event log's page at a position: the latest events up to it that pass the filter (at most
 * {@link LogPage#MAX_ROWS}, or {@link LogPage#PLAYING_ROWS} while playing, so each frame of play
 * stays cheap for both threads) and the exact number of matching events. The count is kept
 * incrementally: moving the position scans only the events in between, so the log's line is right
 * at every frame of play, not only after a pause.
 *
 * <p>Threading: simulation thread only.
 */
final class EventPager {
    private long run = -1;
    private EventFilter filter;
    private long firstStored = -1;
    /** Stored events with index below this have been counted into {@link #count}. */
    private int countedTo;
    private long count;
    /** Of {@link #prefixOf}'s mismatches, how many of the first i pass {@link #prefixFilter}. */
    private int[] prefix;
    private ReplayState prefixOf;
    private EventFilter prefixFilter;

    LogPage page(Session s, EventFilter f, boolean playing, boolean shown) {
        Timeline t = s.timeline;
        Position pos = t.position();
        if (!shown) {
            return new LogPage(pos, List.of(), 0, "", false);
        }
        int max = playing ? LogPage.PLAYING_ROWS : LogPage.MAX_ROWS;
        List<EventRow> rows = new ArrayList<>();
        long matching = 0;
        if (!pos.boundary()) {
            List<SimEvent> ev = t.eventsOf(pos.step());
            for (int i = pos.micro() - 1; i >= 0; i--) {
                if (f.matches(ev.get(i))) {
                    matching++;
                    if (rows.size() < max) {
                        rows.add(row(pos.step(), i, ev.get(i), ev.size()));
                    }
                }
            }
        }
        int end = t.storedEventIndex(pos.step());
        if (end == 0 && pos.step() > 0 && t.firstStoredStep() > 0) {
            // nothing stored before the position (a long run keeps its latest steps' events): the
            // steps just before it, replayed from the nearest checkpoint
            return replayedPage(s, f, playing, rows, matching);
        }
        matching += storedMatching(s, f, end);
        // a replay's mismatch rows come right after the events of their step (steps run so far only)
        ReplayState r = s.replay;
        boolean mismatchRows = r != null && passes(f);
        int mi = mismatchRows ? r.countBefore(pos.step()) - 1 : -1;
        matching += mismatchRows ? mismatchesMatching(r, f, mi + 1) : 0;
        long currentStep = -1;
        int stepFirst = 0;
        int stepNext = 0;
        int i = end - 1;
        for (; i >= 0 && rows.size() < max; i--) {
            SimEvent e = t.storedEvent(i);
            if (mi >= 0) {
                long step = t.stepOfStoredEvent(i);
                for (; mi >= 0 && r.mismatches.stepOf(mi) >= step && rows.size() < max; mi--) {
                    addMismatch(rows, r, f, mi);
                }
                if (rows.size() >= max) {
                    break;
                }
            }
            if (!f.matches(e)) {
                continue;
            }
            long step = t.stepOfStoredEvent(i);
            if (step != currentStep) {
                currentStep = step;
                stepFirst = t.storedEventIndex(step);
                stepNext = t.storedEventIndex(step + 1);
            }
            rows.add(row(step, i - stepFirst, e, stepNext - stepFirst));
        }
        for (; i < 0 && mi >= 0 && rows.size() < max; mi--) {
            addMismatch(rows, r, f, mi);                  // steps before the first stored event
        }
        Collections.reverse(rows);
        String text;
        // a long run keeps its latest steps' events only (older ones were released to stay within the
        // history budget, or never stored because those steps ran in bulk, Timeline.recordInBulk): say
        // which steps the count is of
        boolean partial = t.firstStoredStep() > 0;
        String of = partial ? " of steps " + (t.firstStoredStep() + 1) + "-" + (pos.boundary() ? pos.step() : pos.step() + 1) : "";
        if (mismatchRows) {
            long m = mismatchesMatching(r, f, r.countBefore(pos.step()));
            long ev = matching - m;
            String both = ev + (ev == 1 ? " event" : " events") + " and " + m + (m == 1 ? " mismatch" : " mismatches")
                    + " with the host's trace" + of;
            text = matching > rows.size() ? (playing ? "playing: " : "") + "showing the latest " + rows.size()
                    + " rows of " + both : both;
        } else {
            text = matching > rows.size() ? (playing ? "playing: " : "") + "showing the latest " + rows.size() + " of the "
                    + matching + " events" + of : matching + (matching == 1 ? " event" : " events") + of;
        }
        if (partial) {
            text += " (older ones are not kept, to stay within the history budget; at an earlier step the log replays"
                    + " the steps before it)";
        }
        return new LogPage(pos, List.copyOf(rows), matching, text, true);
    }

    /** Steps before the position replayed for a page when nothing before it is stored (paused, playing). */
    static final int REPLAYED_STEPS = 2048;
    static final int REPLAYED_STEPS_PLAYING = 64;

    /**
     * The page at a position before the stored events: the matching events of the steps just before
     * it, replayed ({@link Timeline#eventsOf(long, long)}), and of the current step up to the position
     * ({@code current}, newest first, {@code currentMatching} of them), with a replay's mismatch rows
     * after their steps' events. The count is of those steps only, and the line says which.
     */
    private LogPage replayedPage(Session s, EventFilter f, boolean playing, List<EventRow> current, long currentMatching) {
        Timeline t = s.timeline;
        Position pos = t.position();
        int max = playing ? LogPage.PLAYING_ROWS : LogPage.MAX_ROWS;
        long to = pos.step();
        long from = Math.max(0, to - (playing ? REPLAYED_STEPS_PLAYING : REPLAYED_STEPS));
        List<List<SimEvent>> replayed = t.eventsOf(from, to);
        ReplayState r = s.replay;
        boolean mismatchRows = r != null && passes(f);
        int mi = mismatchRows ? r.countBefore(from) : 0;
        List<EventRow> rows = new ArrayList<>();
        long events = currentMatching;
        long mismatches = 0;
        for (long st = from; st < to; st++) {
            List<SimEvent> ev = replayed.get((int) (st - from));
            for (int i = 0; i < ev.size(); i++) {
                if (f.matches(ev.get(i))) {
                    rows.add(row(st, i, ev.get(i), ev.size()));
                    events++;
                }
            }
            for (; mismatchRows && mi < r.mismatches.size() && r.mismatches.stepOf(mi) == st; mi++) {
                int before = rows.size();
                addMismatch(rows, r, f, mi);
                mismatches += rows.size() - before;
            }
        }
        List<EventRow> cur = new ArrayList<>(current);
        Collections.reverse(cur);
        rows.addAll(cur);
        long all = rows.size();
        if (rows.size() > max) {
            rows = rows.subList(rows.size() - max, rows.size());
        }
        long last = pos.boundary() ? to : to + 1;
        String steps = from + 1 >= last ? "step " + last : "steps " + (from + 1) + "-" + last;
        String what = SimEvent.count(events, "event", "events")
                + (mismatchRows ? " and " + SimEvent.count(mismatches, "mismatch", "mismatches") + " with the host's trace" : "");
        String text = (all > rows.size() ? (playing ? "playing: " : "") + "showing the latest " + rows.size() + " of " : "")
                + what + " of " + steps + ", replayed (the log keeps events from step " + (t.firstStoredStep() + 1) + " on)";
        return new LogPage(pos, List.copyOf(rows), all, text, true);
    }

    /** Matching stored events with index below {@code end}, counted from the last answer. */
    private long storedMatching(Session s, EventFilter f, int end) {
        Timeline t = s.timeline;
        if (f.equals(EventFilter.ALL)) {
            return end;
        }
        if (run != s.serial || !f.equals(filter) || firstStored != t.firstStoredStep()) {
            run = s.serial;
            filter = f;
            firstStored = t.firstStoredStep();
            countedTo = 0;
            count = 0;
        }
        for (; countedTo < end; countedTo++) {
            if (f.matches(t.storedEvent(countedTo))) {
                count++;
            }
        }
        for (; countedTo > end; countedTo--) {
            if (f.matches(t.storedEvent(countedTo - 1))) {
                count--;
            }
        }
        return count;
    }

    /**
     * Whether a filter lets a replay's mismatch rows through: they have no event kind and no CPU, so
     * only a filter on all kinds and all CPUs shows them (a guest or frame range is checked per row).
     */
    static boolean passes(EventFilter f) {
        return f.kinds() == 0 && f.cpu() < 0;
    }

    private static boolean passes(EventFilter f, EventRow row) {
        if (f.guest() >= 0 && row.guest() != f.guest()) {
            return false;
        }
        return f.pfnFrom() < 0 || row.pfn() >= 0 && row.pfn() <= f.pfnTo() && row.pfn() + row.frameCount() - 1 >= f.pfnFrom();
    }

    /** Mismatches among the first {@code n} that the filter passes (a prefix count made once per run and filter). */
    private long mismatchesMatching(ReplayState r, EventFilter f, int n) {
        if (f.guest() < 0 && f.pfnFrom() < 0) {
            return n;
        }
        if (prefixOf != r || !f.equals(prefixFilter)) {
            prefix = new int[r.mismatches.size() + 1];
            for (int i = 0; i < r.mismatches.size(); i++) {
                prefix[i + 1] = prefix[i] + (passes(f, r.row(i)) ? 1 : 0);
            }
            prefixOf = r;
            prefixFilter = f;
        }
        return prefix[n];
    }

    private static void addMismatch(List<EventRow> rows, ReplayState r, EventFilter f, int i) {
        EventRow row = i < r.rows().size() ? r.rows().get(i) : r.row(i);
        if (passes(f, row)) {
            rows.add(row);
        }
    }

    private static EventRow row(long step, int index, SimEvent e, int eventsInStep) {
        String frames = e.pfn() < 0 ? "" : e.frames() > 1 ? Pfns.hex(e.pfn()) + " +" + e.frames() : Pfns.hex(e.pfn());
        Position after = index + 1 >= eventsInStep ? Position.at(step + 1) : new Position(step, index + 1);
        return new EventRow(step + 1, index, EventWords.label(e.kind()), e.cpu(), e.asid(), frames, e.describe(),
                e.pfn(), e.frames(), after);
    }
}
