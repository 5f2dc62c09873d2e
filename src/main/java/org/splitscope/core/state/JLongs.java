package org.splitscope.core.state;

import java.util.Arrays;

/** A journaled {@code long} array. */
public final class JLongs extends JArray {
    private final long[] a;

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
        a[(int) index] = (long) oldValue;
    }

    @Override
    public Object snapshot() {
        return a.clone();
    }

    @Override
    public void restoreSnapshot(Object snapshot) {
        dirty = true;
        System.arraycopy((long[]) snapshot, 0, a, 0, a.length);
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
