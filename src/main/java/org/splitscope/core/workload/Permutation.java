package org.splitscope.core.workload;

/**
 * A seeded bijection of [0, n) computed in O(1) memory: a 4-round Feistel network on the smallest
 * even-bit square domain that holds n, with cycle walking back into range. Lazy acceptance uses it
 * for "a seeded order" of a guest's folios (R20) without storing a permutation of millions of
 * entries.
 */
public final class Permutation {
    private final long n;
    private final long key;
    private final int half;
    private final long mask;

    public Permutation(long n, long key) {
        if (n <= 0) {
            throw new IllegalArgumentException("empty permutation");
        }
        this.n = n;
        this.key = key;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
        this.half = (bits + 1) / 2;
        this.mask = (1L << half) - 1;
    }

    public long size() {
        return n;
    }

    /** The i-th element of the permutation. */
    public long apply(long i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(i);
        }
        long x = i;
        do {
            x = feistel(x);
        } while (x >= n);
        return x;
    }

    private long feistel(long x) {
        long l = x >>> half;
        long r = x & mask;
        for (int round = 0; round < 4; round++) {
            long f = Mix.mix(r ^ key ^ ((long) round << 56)) & mask;
            long nl = r;
            r = l ^ f;
            l = nl;
        }
        return (l << half) | r;
    }
}
