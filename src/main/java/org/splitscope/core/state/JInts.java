package org.splitscope.core.state;

import java.util.Arrays;

/** A journaled {@code int} array. */
public final class JInts extends JArray {
    private final int[] a;

    public JInts(Journal journal, String name, int length) {
        super(journal, name);
        this.a = new int[length];
    }

    public int length() {
        return a.length;
    }

    public int get(int i) {
        return a[i];
    }

    public void set(int i, int v) {
        int old = a[i];
        if (old != v) {
            if (journal.recording()) {
                journal.record(id, i, old);
            }
            a[i] = v;
            dirty = true;
        }
    }

    public void add(int i, int delta) {
        set(i, (int) (a[i] + delta));
    }

    /** Sets [from, from + n) to {@code v}. */
    public void fill(int from, int n, int v) {
        for (int i = from; i < from + n; i++) {
            set(i, v);
        }
    }

    /** Initial value of every element, without journaling (construction only). */
    public void init(int v) {
        Arrays.fill(a, v);
    }

    /** Sets one element without journaling (construction only). */
    public void initAt(int i, int v) {
        a[i] = v;
    }

    @Override
    void restore(long index, long oldValue) {
        dirty = true;
        a[(int) index] = (int) oldValue;
    }

    @Override
    public Object snapshot() {
        return a.clone();
    }

    @Override
    public void restoreSnapshot(Object snapshot) {
        dirty = true;
        System.arraycopy((int[]) snapshot, 0, a, 0, a.length);
    }

    @Override
    public long hash(long h) {
        for (int v : a) {
            h = mix(h, v);
        }
        return h;
    }

    @Override
    public long bytes() {
        return (long) a.length * 4;
    }
}
