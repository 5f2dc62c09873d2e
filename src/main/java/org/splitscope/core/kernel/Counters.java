package org.splitscope.core.kernel;

import org.splitscope.core.state.JLongs;
import org.splitscope.core.state.Journal;

/**
 * The {@link Counter} values, journaled like every other piece of state. Increments made during a
 * step are tallied in plain fields and settled into the journaled array by {@link #settle()} at
 * the end of the step (one write per counter touched instead of one per increment); readers always
 * see settled values plus the tally.
 */
public final class Counters {
    private static final int N = Counter.values().length;
    private final JLongs values;
    private final long[] pending = new long[N];
    private int touched;

    public Counters(Journal journal) {
        values = new JLongs(journal, "counters", N);
    }

    public long get(Counter c) {
        return values.get(c.ordinal()) + pending[c.ordinal()];
    }

    public void add(Counter c, long n) {
        pending[c.ordinal()] += n;
        touched |= 1 << c.ordinal();
    }

    public void inc(Counter c) {
        pending[c.ordinal()]++;
        touched |= 1 << c.ordinal();
    }

    /** Writes the tallies into the state (end of step). */
    public void settle() {
        for (int i = 0; touched != 0; i++) {
            if ((touched & (1 << i)) != 0) {
                values.add(i, pending[i]);
                pending[i] = 0;
                touched &= ~(1 << i);
            }
        }
    }
}
