package org.splitscope.core.state;

import java.util.Arrays;

/** A journaled bitset; undo is recorded per 64-bit word. */
public final class JBits extends JArray {
    private final long[] words;
    private final long size;

    public JBits(Journal journal, String name, long size) {
        super(journal, name);
        this.size = size;
        this.words = new long[(int) ((size + 63) >>> 6)];
    }

    public long size() {
        return size;
    }

    public boolean get(long i) {
        return (words[(int) (i >>> 6)] & (1L << i)) != 0;
    }

    public void set(long i) {
        int w = (int) (i >>> 6);
        long old = words[w];
        long nu = old | (1L << i);
        if (nu != old) {
            if (journal.recording()) {
                journal.record(id, w, old);
            }
            words[w] = nu;
            dirty = true;
        }
    }

    public void clear(long i) {
        int w = (int) (i >>> 6);
        long old = words[w];
        long nu = old & ~(1L << i);
        if (nu != old) {
            if (journal.recording()) {
                journal.record(id, w, old);
            }
            words[w] = nu;
            dirty = true;
        }
    }

    public void set(long i, boolean value) {
        if (value) {
            set(i);
        } else {
            clear(i);
        }
    }

    /** Sets or clears [from, from + n); both ends may be unaligned. */
    public void setRange(long from, long n, boolean value) {
        long to = from + n;
        long i = from;
        while (i < to) {
            int w = (int) (i >>> 6);
            int lo = (int) (i & 63);
            int hi = (int) Math.min(64, lo + (to - i));
            long mask = hi == 64 ? -1L << lo : ((1L << hi) - 1) & (-1L << lo);
            long old = words[w];
            long nu = value ? old | mask : old & ~mask;
            if (nu != old) {
                if (journal.recording()) {
                    journal.record(id, w, old);
                }
                words[w] = nu;
            dirty = true;
            }
            i += hi - lo;
        }
    }

    /** Number of set bits in [from, from + n). */
    public int count(long from, long n) {
        long to = from + n;
        int c = 0;
        long i = from;
        while (i < to) {
            int w = (int) (i >>> 6);
            int lo = (int) (i & 63);
            int hi = (int) Math.min(64, lo + (to - i));
            long mask = hi == 64 ? -1L << lo : ((1L << hi) - 1) & (-1L << lo);
            c += Long.bitCount(words[w] & mask);
            i += hi - lo;
        }
        return c;
    }

    /** Index of the first set bit in [from, to), or -1. */
    public long nextSet(long from, long to) {
        if (from >= to) {
            return -1;
        }
        int w = (int) (from >>> 6);
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                long r = ((long) w << 6) + Long.numberOfTrailingZeros(word);
                return r < to ? r : -1;
            }
            w++;
            if (((long) w << 6) >= to) {
                return -1;
            }
            word = words[w];
        }
    }

    /** Index of the first clear bit in [from, to), or -1. */
    public long nextClear(long from, long to) {
        if (from >= to) {
            return -1;
        }
        int w = (int) (from >>> 6);
        long word = ~words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                long r = ((long) w << 6) + Long.numberOfTrailingZeros(word);
                return r < to ? r : -1;
            }
            w++;
            if (((long) w << 6) >= to) {
                return -1;
            }
            word = ~words[w];
        }
    }

    /** The raw 64-bit word holding bits [64w, 64w + 63]. */
    public long word(int w) {
        return words[w];
    }

    @Override
    void restore(long index, long oldValue) {
        dirty = true;
        words[(int) index] = oldValue;
    }

    @Override
    public Object snapshot() {
        return words.clone();
    }

    @Override
    public void restoreSnapshot(Object snapshot) {
        dirty = true;
        long[] s = (long[]) snapshot;
        System.arraycopy(s, 0, words, 0, words.length);
    }

    @Override
    public long hash(long h) {
        for (long w : words) {
            h = mix(h, w);
        }
        return h;
    }

    @Override
    public long bytes() {
        return (long) words.length * 8;
    }

    /** Copies raw words in without journaling (construction only). */
    public void initFrom(long[] source) {
        System.arraycopy(source, 0, words, 0, Math.min(source.length, words.length));
    }

    /** Sets or clears [from, from + n) in a raw word array (construction helpers). */
    public static void setRange(long[] words, long from, long n, boolean value) {
        long to = from + n;
        long i = from;
        while (i < to) {
            int w = (int) (i >>> 6);
            int lo = (int) (i & 63);
            int hi = (int) Math.min(64, lo + (to - i));
            long mask = hi == 64 ? -1L << lo : ((1L << hi) - 1) & (-1L << lo);
            words[w] = value ? words[w] | mask : words[w] & ~mask;
            i += hi - lo;
        }
    }

    /** Clears every bit without journaling (construction only). */
    public void reset() {
        Arrays.fill(words, 0);
    }
}
