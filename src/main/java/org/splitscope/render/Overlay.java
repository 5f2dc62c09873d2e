package org.splitscope.render;

/**
 * What the heat map draws besides the machine state: faults so far, recent activity, the selection
 * and the frames of a highlighted event, and which CPU's TLB the TLB layer shows (-1: all).
 *
 * @param rmpFaults     frames written when an RMP #PF was raised, most recent last
 * @param npFaults      frames of not-present #PFs
 * @param activity      first frames of the ranges touched by recent events, {@code activityCount} frames
 *                      each, with {@code activityAge} in steps (0 = now)
 * @param activityWindow steps over which activity fades out
 */
public record Overlay(long[] rmpFaults, long[] npFaults, long[] activity, int[] activityCount, int[] activityAge, int activityWindow,
                      long selectFrom, long selectTo, long highlightFrom, long highlightTo, int tlbCpu) {
    public static final Overlay NONE = new Overlay(new long[0], new long[0], new long[0], new int[0], new int[0], 1, -1, -1, -1, -1, -1);

    public Overlay withSelection(long from, long to) {
        return new Overlay(rmpFaults, npFaults, activity, activityCount, activityAge, activityWindow, from, to, highlightFrom,
                highlightTo, tlbCpu);
    }

    public Overlay withHighlight(long from, long to) {
        return new Overlay(rmpFaults, npFaults, activity, activityCount, activityAge, activityWindow, selectFrom, selectTo, from, to,
                tlbCpu);
    }

    public Overlay withTlbCpu(int cpu) {
        return new Overlay(rmpFaults, npFaults, activity, activityCount, activityAge, activityWindow, selectFrom, selectTo,
                highlightFrom, highlightTo, cpu);
    }
}
