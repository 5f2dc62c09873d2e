package org.splitscope.core.state;

import java.util.Arrays;

/**
 * A journaled {@code long} array. Its length may grow ({@link #grow}); the growth is journaled like
 * any write, so undoing past it gives back the shorter array and the state hash of a position does
 * not depend on the route to it.
 */
public final class JLongs extends JArray {
    /** The journal index that stands for "the length" (no element has it: lengths are ints). */
    private static final long LENGTH = Long.MAX_VALUE >>> 16;
    private long[] a;

    public JLongs(Journal journal, String name, int length) {
        super(journal, name);
        this.a = new long[length];
    }

    public int length() {
        return a.length;
    }

    public long get(int i) {
        return a[i];
    }

    public void set(int i, long v) {
        long old = a[i];
        if (old != v) {
            if (journal.recording()) {
                journal.record(id, i, old);
            }
            a[i] = v;
            dirty = true;
        }
    }

    public void add(int i, long delta) {
        set(i, a[i] + delta);
    }

    /** Sets [from, from + n) to {@code v}. */
    public void fill(int from, int n, long v) {
        for (int i = from; i < from + n; i++) {
            set(i, v);
        }
    }

    /**
     * Makes the array {@code length} long, the new elements {@code fill}; journaled, so an undo to
     * before this call shortens the array again (the map that uses it rehashes after growing).
     */
    public void grow(int length, long fill) {
        if (length <= a.length) {
            throw new IllegalArgumentException("grow to " + length + " but the array has " + a.length);
        }
        if (journal.recording()) {
            journal.record(id, LENGTH, a.length);
        }
        int old = a.length;
        a = Arrays.copyOf(a, length);
        Arrays.fill(a, old, length, fill);
        dirty = true;
    }

    /** Initial value of every element, without journaling (construction only). */
    public void init(long v) {
        Arrays.fill(a, v);
    }

    /** Sets one element without journaling (construction only). */
    public void initAt(int i, long v) {
        a[i] = v;
    }

    @Override
    void restore(long index, long oldValue) {
        dirty = true;
        if (index == LENGTH) {
            a = Arrays.copyOf(a, (int) oldValue);      // every write beyond it was undone before
        } else {
            a[(int) index] = oldValue;
        }
    }

    @Override
    public Object snapshot() {
        return a.clone();
    }

    @Override
    public void restoreSnapshot(Object snapshot) {
        dirty = true;
        long[] s = (long[]) snapshot;
        if (s.length == a.length) {
            System.arraycopy(s, 0, a, 0, a.length);
        } else {
            a = s.clone();                              // taken before or after a grow
        }
    }

    @Override
    public long hash(long h) {
        for (long v : a) {
            h = mix(h, v);
        }
        return h;
    }

    @Override
    public long bytes() {
        return (long) a.length * 8;
    }
}
