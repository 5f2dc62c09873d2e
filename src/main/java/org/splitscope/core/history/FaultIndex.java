package org.splitscope.core.history;

import java.util.Arrays;
import java.util.List;
import org.splitscope.core.event.SimEvent;

/**
 * Every fault of the recorded steps, in step order: its step, frame and kind. The heat map's fault
 * layer asks for the latest faults before a position on every frame it draws, so the end of the
 * faults before a step is found by binary search over the (sorted) steps, not by a scan.
 *
 * <p>Threading: confined to the timeline's thread.
 */
final class FaultIndex {
    /** An RMP #PF (R17). */
    static final int RMP = 1;
    /** A not-present #PF (R16). */
    static final int NOT_PRESENT = 2;

    private long[] steps = new long[256];
    private long[] pfns = new long[256];
    private byte[] kinds = new byte[256];
    private int count;

    /** Indexes the faults among the events of step {@code step} (steps are added in order). */
    void add(long step, List<SimEvent> events) {
        for (SimEvent e : events) {
            add(step, e);
        }
    }

    /** Indexes {@code e} if it is a fault of step {@code step} (steps are added in order). */
    void add(long step, SimEvent e) {
        int kind = kindOf(e);
        if (kind != 0) {
            if (count == steps.length) {
                steps = Arrays.copyOf(steps, count * 2);
                pfns = Arrays.copyOf(pfns, count * 2);
                kinds = Arrays.copyOf(kinds, count * 2);
            }
            steps[count] = step;
            pfns[count] = e.pfn();
            kinds[count] = (byte) kind;
            count++;
        }
    }

    /** {@link #RMP}, {@link #NOT_PRESENT}, or 0 for an event that is not a fault. */
    static int kindOf(SimEvent e) {
        return e instanceof SimEvent.RmpFault ? RMP : e instanceof SimEvent.NotPresentFault ? NOT_PRESENT : 0;
    }

    /** The number of indexed faults in steps before {@code step}: binary search over the sorted steps. */
    int countBefore(long step) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Frames of the latest {@code max} faults of {@code kind} in steps before {@code step}, oldest first. */
    long[] latestBefore(int kind, long step, int max) {
        int end = countBefore(step);
        long[] out = new long[Math.min(max, end)];
        int n = 0;
        for (int i = end - 1; i >= 0 && n < out.length; i--) {
            if (kinds[i] == kind) {
                out[n++] = pfns[i];
            }
        }
        long[] result = new long[n];
        for (int i = 0; i < n; i++) {
            result[i] = out[n - 1 - i];
        }
        return result;
    }
}
