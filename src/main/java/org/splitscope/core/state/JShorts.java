package org.splitscope.core.state;

import java.util.Arrays;

/** A journaled {@code short} array. */
public final class JShorts extends JArray {
    private final short[] a;

    public JShorts(Journal journal, String name, int length) {
        super(journal, name);
        this.a = new short[length];
    }

    public int length() {
        return a.length;
    }

    public short get(int i) {
        return a[i];
    }

    public void set(int i, short v) {
        short old = a[i];
        if (old != v) {
            if (journal.recording()) {
                journal.record(id, i, old);
            }
            a[i] = v;
            dirty = true;
        }
    }

    public void add(int i, int delta) {
        set(i, (short) (a[i] + delta));
    }

    /** Sets [from, from + n) to {@code v}. */
    public void fill(int from, int n, short v) {
        for (int i = from; i < from + n; i++) {
            set(i, v);
        }
    }

    /** Initial value of every element, without journaling (construction only). */
    public void init(short v) {
        Arrays.fill(a, v);
    }

    /** Sets one element without journaling (construction only). */
    public void initAt(int i, short v) {
        a[i] = v;
    }

    @Override
    void restore(long index, long oldValue) {
        dirty = true;
        a[(int) index] = (short) oldValue;
    }

    @Override
    public Object snapshot() {
        return a.clone();
    }

    @Override
    public void restoreSnapshot(Object snapshot) {
        dirty = true;
        System.arraycopy((short[]) snapshot, 0, a, 0, a.length);
    }

    @Override
    public long hash(long h) {
        for (short v : a) {
            h = mix(h, v);
        }
        return h;
    }

    @Override
    public long bytes() {
        return (long) a.length * 2;
    }
}
