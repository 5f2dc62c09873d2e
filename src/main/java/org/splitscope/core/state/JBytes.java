package org.splitscope.core.state;

import java.util.Arrays;

/** A journaled {@code byte} array. */
public final class JBytes extends JArray {
    private final byte[] a;

    public JBytes(Journal journal, String name, int length) {
        super(journal, name);
        this.a = new byte[length];
    }

    public int length() {
        return a.length;
    }

    public byte get(int i) {
        return a[i];
    }

    public void set(int i, byte v) {
        byte old = a[i];
        if (old != v) {
            if (journal.recording()) {
                journal.record(id, i, old);
            }
            a[i] = v;
            dirty = true;
        }
    }

    public void add(int i, int delta) {
        set(i, (byte) (a[i] + delta));
    }

    /** Sets [from, from + n) to {@code v}. */
    public void fill(int from, int n, byte v) {
        for (int i = from; i < from + n; i++) {
            set(i, v);
        }
    }

    /** Initial value of every element, without journaling (construction only). */
    public void init(byte v) {
        Arrays.fill(a, v);
    }

    /** Sets one element without journaling (construction only). */
    public void initAt(int i, byte v) {
        a[i] = v;
    }

    @Override
    void restore(long index, long oldValue) {
        dirty = true;
        a[(int) index] = (byte) oldValue;
    }

    @Override
    public Object snapshot() {
        return a.clone();
    }

    @Override
    public void restoreSnapshot(Object snapshot) {
        dirty = true;
        System.arraycopy((byte[]) snapshot, 0, a, 0, a.length);
    }

    @Override
    public long hash(long h) {
        for (byte v : a) {
            h = mix(h, v);
        }
        return h;
    }

    @Override
    public long bytes() {
        return (long) a.length * 1;
    }
}
