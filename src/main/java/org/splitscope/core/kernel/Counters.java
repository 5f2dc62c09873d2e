package org.splitscope.core.kernel;

import org.splitscope.core.state.JLongs;
import org.splitscope.core.state.Journal;

/** The {@link Counter} values, journaled like every other piece of state. */
public final class Counters {
    private final JLongs values;

    public Counters(Journal journal) {
        values = new JLongs(journal, "counters", Counter.values().length);
    }

    public long get(Counter c) {
        return values.get(c.ordinal());
    }

    public void add(Counter c, long n) {
        values.add(c.ordinal(), n);
    }

    public void inc(Counter c) {
        values.add(c.ordinal(), 1);
    }
}
