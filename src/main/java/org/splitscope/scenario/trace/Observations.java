package org.splitscope.scenario.trace;

import java.util.Arrays;

/**
 * What a recording observed of each RMP operation, kept only for the few steps that have any
 * (TRACE.md: set_memory_4k, split, flush_all and IPI lines that follow an RMP operation on its CPU
 * are its work; a {@code _ret} with ret != 0 says it failed). Most operations do no direct-map work
 * at all (a region split once serves its 511 other frames), so a slot exists only for a step that
 * has work, and a return value only for a step that failed.
 *
 * <p>Filled by one parsing thread, then {@link #seal() sealed} (sorted by step) and only read.
 */
final class Observations {
    /** The observed figures of a step, in slot order. */
    static final int SET_MEMORY_4K = 0;
    static final int SPLITS = 1;
    static final int FLUSH_ALL = 2;
    /** ipi_send_cpumask lines with callback do_flush_tlb_all: flush_tlb_all() calls that sent IPIs. */
    static final int FLUSH_ALL_IPI_LINES = 3;
    /** CPUs in the cpumasks of ipi_send_cpumask lines with a range-flush callback. */
    static final int RANGE_FLUSH_IPIS = 4;
    static final int FIGURES = 5;

    private long[] slotStep = new long[16];
    private int[] counts = new int[16 * FIGURES];
    private int slots;
    private long[] retStep = new long[4];
    private int[] retValue = new int[4];
    private int rets;
    private boolean sealed;

    /** A new slot for step {@code step}; returns its number. */
    int open(long step) {
        if (slots == slotStep.length) {
            slotStep = Arrays.copyOf(slotStep, slots * 2);
            counts = Arrays.copyOf(counts, slots * 2 * FIGURES);
        }
        slotStep[slots] = step;
        return slots++;
    }

    void add(int slot, int figure, int n) {
        long v = (long) counts[slot * FIGURES + figure] + n;
        counts[slot * FIGURES + figure] = (int) Math.min(Integer.MAX_VALUE, v);
    }

    void ret(long step, int value) {
        if (rets == retStep.length) {
            retStep = Arrays.copyOf(retStep, rets * 2);
            retValue = Arrays.copyOf(retValue, rets * 2);
        }
        retStep[rets] = step;
        retValue[rets++] = value;
    }

    /** Sorts slots and return values by step (windows of different CPUs close out of order). */
    void seal() {
        int[] order = order(slotStep, slots);
        if (order != null) {
            long[] steps = new long[slotStep.length];
            int[] c = new int[counts.length];
            for (int i = 0; i < slots; i++) {
                steps[i] = slotStep[order[i]];
                System.arraycopy(counts, order[i] * FIGURES, c, i * FIGURES, FIGURES);
            }
            slotStep = steps;
            counts = c;
        }
        order = order(retStep, rets);
        if (order != null) {
            long[] steps = new long[retStep.length];
            int[] v = new int[retValue.length];
            for (int i = 0; i < rets; i++) {
                steps[i] = retStep[order[i]];
                v[i] = retValue[order[i]];
            }
            retStep = steps;
            retValue = v;
        }
        sealed = true;
    }

    /** The permutation that sorts {@code keys[0, n)}, or null when they are sorted already (the usual case). */
    private static int[] order(long[] keys, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = keys[i - 1] <= keys[i];
        }
        if (sorted) {
            return null;
        }
        return java.util.stream.IntStream.range(0, n).boxed()
                .sorted(java.util.Comparator.comparingLong(i -> keys[i])).mapToInt(Integer::intValue).toArray();
    }

    /** The observed figure of step {@code step}, 0 when it has no slot. Only after {@link #seal()}. */
    int figure(long step, int figure) {
        int s = find(slotStep, slots, step);
        return s < 0 ? 0 : counts[s * FIGURES + figure];
    }

    /** The non-zero ret of step {@code step}, or 0. Only after {@link #seal()}. */
    int ret(long step) {
        int s = find(retStep, rets, step);
        return s < 0 ? 0 : retValue[s];
    }

    private int find(long[] keys, int n, long step) {
        if (!sealed) {
            throw new IllegalStateException("observations read before the recording was sealed");
        }
        int i = Arrays.binarySearch(keys, 0, n, step);
        return i < 0 ? -1 : i;
    }

    /** Totals of one figure over every step (for the summary). */
    long total(int figure) {
        long t = 0;
        for (int s = 0; s < slots; s++) {
            t += counts[s * FIGURES + figure];
        }
        return t;
    }

    long bytes() {
        return slotStep.length * 8L + counts.length * 4L + retStep.length * 8L + retValue.length * 4L;
    }
}
