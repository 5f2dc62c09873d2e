package org.splitscope.core.tlb;

/**
 * 4K TLB fills that bulk mode has made but not yet applied to the slots ({@link TlbSet#deferMissFill4k}):
 * per CPU, the last {@code cap} tags in fill order (a ring), how many fills there were, and the
 * flush generation they belong to. Plain arrays, not journaled: deferred fills exist only while a
 * bulk run is in progress, and are all applied before it returns.
 */
final class DeferredFills {
    private final int cap;
    private final long[] ring;
    private final int[] count;
    private final long[] stamp;
    private final boolean[] listed;
    private final int[] list;
    private int listSize;

    DeferredFills(int cpus, int cap) {
        this.cap = cap;
        this.ring = new long[cpus * cap];
        this.count = new int[cpus];
        this.stamp = new long[cpus];
        this.listed = new boolean[cpus];
        this.list = new int[cpus];
    }

    int cap() {
        return cap;
    }

    /** Deferred fills of the CPU in flush generation {@code flushGen} (older ones have lapsed and are dropped). */
    int pending(int cpu, long flushGen) {
        if (count[cpu] != 0 && stamp[cpu] != flushGen) {
            count[cpu] = 0;
        }
        return count[cpu];
    }

    void add(int cpu, long flushGen, long tag) {
        int n = count[cpu];
        if (n == 0) {
            stamp[cpu] = flushGen;
            if (!listed[cpu]) {
                listed[cpu] = true;
                list[listSize++] = cpu;
            }
        }
        ring[cpu * cap + n % cap] = tag;
        count[cpu] = n + 1 >= 2 * cap ? n + 1 - cap : n + 1;     // keeps n mod cap and n >= cap
    }

    boolean has(int cpu) {
        return count[cpu] != 0;
    }

    long stamp(int cpu) {
        return stamp[cpu];
    }

    /** Empties the CPU's deferred fills; returns how many there were (read them with {@link #at} first). */
    int take(int cpu) {
        int n = count[cpu];
        count[cpu] = 0;
        return n;
    }

    /** The k-th deferred fill of the CPU (only the last {@code cap} are kept). */
    long at(int cpu, int k) {
        return ring[cpu * cap + k % cap];
    }

    int cpuCount() {
        return listSize;
    }

    int cpuAt(int i) {
        return list[i];
    }

    /** Forgets every deferred fill (the state they belonged to was replaced). */
    void discard() {
        for (int i = 0; i < listSize; i++) {
            count[list[i]] = 0;
        }
        clearList();
    }

    void clearList() {
        for (int i = 0; i < listSize; i++) {
            listed[list[i]] = false;
        }
        listSize = 0;
    }
}
