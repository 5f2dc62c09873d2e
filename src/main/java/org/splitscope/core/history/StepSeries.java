package org.splitscope.core.history;

import java.util.Arrays;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.kernel.Counters;
import org.splitscope.core.sim.Simulation;

/**
 * Figures of the machine after every step, for the charts, the scrubber's markers and backward
 * breakpoints: one sample per step boundary (sample 0 is the machine as booted). Within the series
 * share of the budget every step is kept; beyond it the series keeps every 2nd, 4th, ... boundary
 * (the stride doubles), OR-ing the event-kind masks of the steps it merges so no marker is lost.
 */
public final class StepSeries {
    /** The columns, in order. */
    public enum Column {
        DIRECT_MAP_4K, DIRECT_MAP_2M, DIRECT_MAP_1G, LEVEL2_SPLITS, LEVEL3_SPLITS, LEVEL2_COLLAPSES,
        LEVEL3_COLLAPSES, FLUSH_TLB_ALL, FLUSH_TLB_PAGE, IPIS, RMP_FAULTS, NOT_PRESENT_FAULTS, CPA_CALLS,
        SIM_TIME_NS, LOCK_WAIT_NS, EVENTS, TLB_STALE, TLB_MIXED, TLB_HAZARD, KIND_MASK
    }

    private static final int COLS = Column.values().length;
    private final long capacity;
    private long[] data = new long[COLS * 1024];
    private int size;
    private long stride = 1;

    StepSeries(long budgetBytes) {
        this.capacity = Math.max(1024, budgetBytes / (COLS * 8L));
    }

    /** Adds the sample of boundary {@code boundary}; ignored unless it falls on the stride. */
    void add(long boundary, long[] sample) {
        add(boundary, sample[Column.KIND_MASK.ordinal()], () -> sample);
    }

    /**
     * Adds boundary {@code boundary} whose steps since the previous call made the event kinds
     * {@code mask}: the figures, made only if the boundary is kept, are {@code sample}'s with that mask.
     * A boundary not on the stride folds its kinds into the next kept sample.
     */
    void add(long boundary, long mask, java.util.function.Supplier<long[]> sample) {
        if (have(boundary)) {
            return;
        }
        if (boundary % stride != 0) {
            pendingMask |= mask;
            return;
        }
        long[] s = sample.get();
        if ((size + 1) * COLS > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        System.arraycopy(s, 0, data, size * COLS, COLS);
        data[size * COLS + Column.KIND_MASK.ordinal()] = mask | pendingMask;
        pendingMask = 0;
        size++;
        if (size > capacity) {
            halve();
        }
    }

    private long pendingMask;
    /**
     * The figures at the last recorded boundary when the stride does not keep it (-1: none), so the
     * charts and markers reach the end of what has run, not the kept sample before it.
     */
    private long tailBoundary = -1;
    private long[] tail;

    /**
     * The last recorded boundary, {@code boundary}, with its figures made only if the series does not
     * keep it; its event kinds are those of the steps since the last kept sample.
     */
    void setTail(long boundary, java.util.function.Supplier<long[]> sample) {
        if (have(boundary) || boundary == tailBoundary) {
            return;
        }
        long[] s = sample.get();
        s[Column.KIND_MASK.ordinal()] = pendingMask;
        tail = s;
        tailBoundary = boundary;
    }

    /** The boundary of the figures after the last kept sample, or -1 when the last kept sample is the last recorded. */
    public long tailBoundary() {
        return tail == null || have(tailBoundary) ? -1 : tailBoundary;
    }

    /** A column of the figures at {@link #tailBoundary()}. */
    public long tail(Column c) {
        return tail[c.ordinal()];
    }

    /**
     * Whether boundary {@code boundary} is at or before the last kept sample (added already). A
     * boundary after it but before the next kept one is not: its kinds go into the next kept sample.
     */
    private boolean have(long boundary) {
        return size > 0 && boundary <= (long) (size - 1) * stride;
    }

    private void halve() {
        int n = (size + 1) / 2;
        if (size % 2 == 0) {
            // the last sample falls between two kept ones at the doubled stride: its kinds go to the next
            pendingMask |= data[(size - 1) * COLS + Column.KIND_MASK.ordinal()];
        }
        for (int i = 0; i < n; i++) {
            long mask = data[(2 * i) * COLS + Column.KIND_MASK.ordinal()];
            if (2 * i - 1 >= 0) {
                mask |= data[(2 * i - 1) * COLS + Column.KIND_MASK.ordinal()];
            }
            System.arraycopy(data, 2 * i * COLS, data, i * COLS, COLS);
            data[i * COLS + Column.KIND_MASK.ordinal()] = mask;
        }
        size = n;
        stride *= 2;
    }

    /** Boundaries between two kept samples. */
    public long stride() {
        return stride;
    }

    /** Number of kept samples; sample i is boundary {@code i * stride()}. */
    public int size() {
        return size;
    }

    public long boundaryOf(int sample) {
        return sample * stride;
    }

    public long get(int sample, Column c) {
        return data[sample * COLS + c.ordinal()];
    }

    /** The sample at or before a boundary, or -1. */
    public int sampleAtOrBefore(long boundary) {
        if (size == 0) {
            return -1;
        }
        return (int) Math.min(size - 1, boundary / stride);
    }

    long bytes() {
        return data.length * 8L;
    }

    static long[] newSample() {
        return new long[COLS];
    }

    /**
     * The figures of {@code sim} now, one value per column ({@link Column#KIND_MASK} left 0 for the
     * caller); the TLB columns only when {@code tlb} (they walk every entry).
     */
    public static long[] sampleOf(Simulation sim, boolean tlb) {
        long[] s = newSample();
        var dm = sim.directMap();
        Counters c = sim.counters();
        s[Column.DIRECT_MAP_4K.ordinal()] = dm.directMap4kKb();
        s[Column.DIRECT_MAP_2M.ordinal()] = dm.directMap2mKb();
        s[Column.DIRECT_MAP_1G.ordinal()] = dm.directMap1gKb();
        s[Column.LEVEL2_SPLITS.ordinal()] = c.get(Counter.LEVEL2_SPLITS);
        s[Column.LEVEL3_SPLITS.ordinal()] = c.get(Counter.LEVEL3_SPLITS);
        s[Column.LEVEL2_COLLAPSES.ordinal()] = c.get(Counter.LEVEL2_COLLAPSES);
        s[Column.LEVEL3_COLLAPSES.ordinal()] = c.get(Counter.LEVEL3_COLLAPSES);
        s[Column.FLUSH_TLB_ALL.ordinal()] = c.get(Counter.FLUSH_TLB_ALL);
        s[Column.FLUSH_TLB_PAGE.ordinal()] = c.get(Counter.FLUSH_TLB_PAGE);
        s[Column.IPIS.ordinal()] = c.get(Counter.IPIS);
        s[Column.RMP_FAULTS.ordinal()] = c.get(Counter.RMP_FAULTS);
        s[Column.NOT_PRESENT_FAULTS.ordinal()] = c.get(Counter.NOT_PRESENT_FAULTS);
        s[Column.CPA_CALLS.ordinal()] = c.get(Counter.CPA_CALLS);
        s[Column.SIM_TIME_NS.ordinal()] = sim.cost().simTimeNs();
        s[Column.LOCK_WAIT_NS.ordinal()] = sim.cost().lockWaitNs();
        s[Column.EVENTS.ordinal()] = c.get(Counter.EVENTS);
        if (tlb) {
            long[] t = new long[3];
            tlbCounts(sim, t);
            s[Column.TLB_STALE.ordinal()] = t[0];
            s[Column.TLB_MIXED.ordinal()] = t[1];
            s[Column.TLB_HAZARD.ordinal()] = t[2];
        }
        return s;
    }

    /** Entries in each TLB conflict class now: [stale, mixed-size, rmp-hazard] (R19). */
    public static void tlbCounts(Simulation sim, long[] out) {
        sim.tlb().classCounts(out);
    }
}
