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
        matching += storedMatching(s, f, end);
        long currentStep = -1;
        int stepFirst = 0;
        int stepNext = 0;
        for (int i = end - 1; i >= 0 && rows.size() < max; i--) {
            SimEvent e = t.storedEvent(i);
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
        Collections.reverse(rows);
        String text = matching > rows.size() ? (playing ? "playing: " : "") + "showing the latest " + rows.size() + " of "
                + matching + " events" : matching + (matching == 1 ? " event" : " events");
        if (t.firstStoredStep() > 0) {
            text += " (events before step " + (t.firstStoredStep() + 1) + " were released to stay within the history budget)";
        }
        return new LogPage(pos, List.copyOf(rows), matching, text, true);
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

    private static EventRow row(long step, int index, SimEvent e, int eventsInStep) {
        String frames = e.pfn() < 0 ? "" : e.frames() > 1 ? Pfns.hex(e.pfn()) + " +" + e.frames() : Pfns.hex(e.pfn());
        Position after = index + 1 >= eventsInStep ? Position.at(step + 1) : new Position(step, index + 1);
        return new EventRow(step + 1, index, e.kind().label(), e.cpu(), e.asid(), frames, e.describe(),
                e.pfn(), e.frames(), after);
    }
}
