package org.splitscope.core.history;

import java.util.Arrays;

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
        long expected = (long) size * stride;
        if (boundary < expected) {
            return;                                  // already have it
        }
        if (boundary % stride != 0) {
            // not on the stride: fold the kind mask into the next kept sample
            pendingMask |= sample[Column.KIND_MASK.ordinal()];
            return;
        }
        if ((size + 1) * COLS > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        System.arraycopy(sample, 0, data, size * COLS, COLS);
        data[size * COLS + Column.KIND_MASK.ordinal()] |= pendingMask;
        pendingMask = 0;
        size++;
        if (size > capacity) {
            halve();
        }
    }

    private long pendingMask;

    private void halve() {
        int n = (size + 1) / 2;
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
}
