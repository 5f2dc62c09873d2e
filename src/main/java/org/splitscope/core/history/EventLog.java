package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.core.event.SimEvent;

/**
 * The events of the steps run so far, by step, within the events share of the history budget.
 * When the share is exceeded the oldest half is released; {@link #firstStep()} says from which step
 * on events are kept (the timeline regenerates older ones by replaying, R24).
 *
 * <p>Threading: confined to the timeline's thread.
 */
final class EventLog {
    /** Rough heap cost of one event record and its list slot, for the budget. */
    static final long BYTES_PER_EVENT = 64;

    private final long budget;
    private final ArrayList<SimEvent> events = new ArrayList<>();
    private long[] stepStart = new long[1024];       // index into events of each step's first event
    private long firstStep;
    private long steps;                                // steps stored: [firstStep, firstStep + steps)

    EventLog(long budgetBytes) {
        this.budget = budgetBytes;
    }

    long firstStep() {
        return firstStep;
    }

    long endStep() {
        return firstStep + steps;
    }

    boolean has(long step) {
        return step >= firstStep && step < firstStep + steps;
    }

    /** Appends the events of the next step ({@code step == endStep()}). */
    void append(long step, List<SimEvent> stepEvents) {
        if (step != endStep()) {
            throw new IllegalStateException("events of step " + step + " appended after step " + (endStep() - 1));
        }
        if (steps == stepStart.length) {
            stepStart = Arrays.copyOf(stepStart, stepStart.length * 2);
        }
        stepStart[(int) steps] = events.size();
        steps++;
        events.addAll(stepEvents);
        if (bytes() > budget && steps > 1) {
            releaseOldestHalf();
        }
    }

    /** Events the share holds at most. */
    long capacityEvents() {
        return budget / BYTES_PER_EVENT;
    }

    /**
     * Releases every stored event and continues at {@code step} (at or after {@link #endStep()}):
     * the steps in between ran without storing their events (Timeline's bulk recording).
     */
    void releaseBefore(long step) {
        if (step < endStep()) {
            throw new IllegalStateException("cannot continue at step " + step + " before step " + endStep());
        }
        events.clear();
        events.trimToSize();
        stepStart = new long[1024];
        firstStep = step;
        steps = 0;
    }

    private void releaseOldestHalf() {
        int keepFrom = (int) (steps / 2);
        int cut = (int) stepStart[keepFrom];
        events.subList(0, cut).clear();
        events.trimToSize();
        long[] ns = new long[stepStart.length];
        for (int i = keepFrom; i < steps; i++) {
            ns[i - keepFrom] = stepStart[i] - cut;
        }
        stepStart = ns;
        firstStep += keepFrom;
        steps -= keepFrom;
    }

    /** Events of a stored step. */
    List<SimEvent> of(long step) {
        if (!has(step)) {
            throw new IllegalArgumentException("events of step " + step + " are not stored");
        }
        int i = (int) (step - firstStep);
        int from = (int) stepStart[i];
        int to = i + 1 < steps ? (int) stepStart[i + 1] : events.size();
        return List.copyOf(events.subList(from, to));
    }

    /** Number of stored events. */
    int size() {
        return events.size();
    }

    /** Stored event by index (0 = the oldest stored). */
    SimEvent get(int i) {
        return events.get(i);
    }

    /** The step of stored event {@code i}. */
    long stepOf(int i) {
        int lo = 0;
        int hi = (int) steps - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (stepStart[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return firstStep + lo;
    }

    /** Index of the first stored event of {@code step} (or the size when the step is after the stored ones). */
    int indexOfStep(long step) {
        if (step <= firstStep) {
            return 0;
        }
        if (step >= endStep()) {
            return events.size();
        }
        return (int) stepStart[(int) (step - firstStep)];
    }

    long bytes() {
        return events.size() * BYTES_PER_EVENT + stepStart.length * 8L;
    }

}
