package org.splitscope.core.tlb;

/**
 * 4K TLB fills that bulk mode has made but not yet applied to the slots ({@link TlbBulk}):
 * per CPU, the last {@code cap} tags in fill order (a ring), how many fills there were, and the
 * flush generation they belong to. Plain arrays, not journaled: deferred fills exist only while a
 * bulk run is in progress, and are all applied before it returns.
 */
final class DeferredFills {
    private final int cap;
    private final long[] ring;
    /** Per CPU: where the next fill goes in its ring. */
    private final int[] next;
    /** Per CPU: fills since the ring was last emptied, up to {@code cap + 1} ("more than the ring holds"). */
    private final int[] count;
    private final long[] stamp;
    private final boolean[] listed;
    private final int[] list;
    private int listSize;

    DeferredFills(int cpus, int cap) {
        this.cap = cap;
        this.ring = new long[cpus * cap];
        this.next = new int[cpus];
        this.count = new int[cpus];
        this.stamp = new long[cpus];
        this.listed = new boolean[cpus];
        this.list = new int[cpus];
    }

    /**
     * Deferred fills of the CPU in flush generation {@code flushGen}: older ones have lapsed (a
     * flush_tlb_all() came after them) and are dropped. Also makes the CPU ready for {@link #add} in
     * that generation.
     */
    int pending(int cpu, long flushGen) {
        if (count[cpu] != 0 && stamp[cpu] != flushGen) {
            count[cpu] = 0;
        }
        if (count[cpu] == 0) {
            stamp[cpu] = flushGen;
            next[cpu] = 0;
            if (!listed[cpu]) {
                listed[cpu] = true;
                list[listSize++] = cpu;
            }
        }
        return count[cpu];
    }

    /** Adds a fill; {@link #pending} for the current flush generation must have been called since the last flush. */
    void add(int cpu, long tag) {
        int at = next[cpu];
        ring[cpu * cap + at] = tag;
        next[cpu] = at + 1 == cap ? 0 : at + 1;
        count[cpu] = Math.min(count[cpu] + 1, cap + 1);
    }

    /**
     * Adds the fills {@code first}, {@code first + stride}, ... ({@code n} of them) in that order, as
     * n calls of {@link #add} would leave the ring: only the last {@code cap} are written.
     */
    void addStrided(int cpu, long first, long stride, long n) {
        // written without rarely taken branches: the JIT would compile them as traps, and a trap taken
        // late recompiles the whole loop it is inlined into
        int m = (int) Math.min(n, cap);                           // the last m of the n fills are kept
        int at = (int) ((next[cpu] + (n - m)) % cap);
        long tag = first + (n - m) * stride;
        int base = cpu * cap;
        for (int k = 0; k < m; k++) {
            int p = at + k;
            p -= ((cap - 1 - p) >> 31) & cap;                     // p mod cap, as p < 2 * cap
            ring[base + p] = tag + k * stride;
        }
        next[cpu] = (at + m) % cap;
        count[cpu] = (int) Math.min(count[cpu] + n, cap + 1L);
    }

    /** Whether the CPU's deferred fills number at most {@code cap} and the last of them is {@code tag}. */
    boolean lastIs(int cpu, long tag) {
        int n = count[cpu];
        if (n == 0 || n > cap) {
            return false;
        }
        int at = next[cpu] - 1;
        return ring[cpu * cap + (at < 0 ? at + cap : at)] == tag;
    }

    /** Forgets the CPU's last deferred fill. */
    void dropLast(int cpu) {
        int at = next[cpu] - 1;
        next[cpu] = at < 0 ? at + cap : at;
        count[cpu]--;
    }

    boolean has(int cpu) {
        return count[cpu] != 0;
    }

    long stamp(int cpu) {
        return stamp[cpu];
    }

    /** Applies the CPU's last {@code min(count, cap)} fills in order to {@code to} and empties its ring. */
    void drain(int cpu, FillTarget to) {
        int n = Math.min(count[cpu], cap);
        count[cpu] = 0;
        int at = next[cpu] - n;
        if (at < 0) {
            at += cap;
        }
        for (int k = 0; k < n; k++) {
            to.fill(cpu, ring[cpu * cap + at]);
            at = at + 1 == cap ? 0 : at + 1;
        }
    }

    /** Empties the CPU's ring without applying it. */
    void drop(int cpu) {
        count[cpu] = 0;
    }

    /** Receives deferred fills as they are applied. */
    @FunctionalInterface
    interface FillTarget {
        void fill(int cpu, long tag);
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

    /** Keeps in the list only the CPUs that still have deferred fills. */
    void pruneList() {
        int kept = 0;
        for (int i = 0; i < listSize; i++) {
            int cpu = list[i];
            if (count[cpu] != 0) {
                list[kept++] = cpu;
            } else {
                listed[cpu] = false;
            }
        }
        listSize = kept;
    }

    void clearList() {
        for (int i = 0; i < listSize; i++) {
            listed[list[i]] = false;
        }
        listSize = 0;
    }
}
