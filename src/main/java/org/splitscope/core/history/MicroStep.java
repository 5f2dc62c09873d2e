package org.splitscope.core.history;

import java.util.List;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.kernel.Counters;

/**
 * The step the timeline stands inside: its micro-events, the journal position after each, and the
 * counter values after the one it stands at.
 *
 * <p>Why counters need this: the kernel tallies counters in plain fields during a step and settles
 * them into the journaled state only at the step's end (Counters#settle), so undoing the journal to
 * a micro-event leaves every counter at its value before the step, while the direct map and the
 * TLBs (journaled write by write) are at the micro-event. To make every figure agree at a
 * micro-event, the timeline captures the counters when that event is emitted and, while it stands
 * there, adds the difference as the counters' pending tally; it takes the tally back out before the
 * journal moves again (so the state and its hash are untouched).
 *
 * <p>Threading: confined to the timeline's thread.
 */
final class MicroStep {
    private static final Counter[] COUNTERS = Counter.values();

    long step = -1;
    List<SimEvent> events = List.of();
    long[] marks = new long[0];
    /** The journal position at the start of the step. */
    long start;
    private final long[] applied = new long[COUNTERS.length];
    private boolean active;

    /** The counters now, including the tally of the step in progress (call from the event sink). */
    static long[] capture(Counters c) {
        long[] out = new long[COUNTERS.length];
        for (Counter k : COUNTERS) {
            out[k.ordinal()] = c.get(k);
        }
        return out;
    }

    /**
     * Makes {@code c} (undone to the step's start for its journaled part) read {@code captured},
     * with {@link Counter#EVENTS} at the events so far ({@code micro}): the kernel adds its event
     * count only at the end of the step.
     */
    void apply(Counters c, long[] captured, int micro) {
        revert(c);
        for (Counter k : COUNTERS) {
            long delta = k == Counter.EVENTS ? micro : captured[k.ordinal()] - c.get(k);
            applied[k.ordinal()] = delta;
            if (delta != 0) {
                c.add(k, delta);
            }
        }
        active = true;
    }

    /** Takes the applied tally back out of {@code c}. */
    void revert(Counters c) {
        if (!active) {
            return;
        }
        for (Counter k : COUNTERS) {
            long delta = applied[k.ordinal()];
            if (delta != 0) {
                c.add(k, -delta);
                applied[k.ordinal()] = 0;
            }
        }
        active = false;
    }
}
