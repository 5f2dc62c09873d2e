package org.splitscope.scenario.trace;

import java.util.List;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PfnRange;

/**
 * Which frames of a machine are RAM (R1), as {@link MachineSpec#ramRanges()} gives them, without
 * building its direct map; answers "are these frames RAM" in O(1) for the usual neighbouring
 * lookups (the last range found is tried first), else by binary search.
 *
 * <p>Confined to the loading thread.
 */
final class RamRanges {
    private final long[] starts;
    private final long[] ends;
    private final long frames;
    private int last;

    RamRanges(MachineSpec m) {
        List<PfnRange> ranges = m.ramRanges();
        starts = new long[ranges.size()];
        ends = new long[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            starts[i] = ranges.get(i).start();
            ends[i] = ranges.get(i).end();
        }
        frames = m.frames();
    }

    long frames() {
        return frames;
    }

    /** Whether frames {@code [pfn, pfn + n)} are all RAM. */
    boolean allRam(long pfn, long n) {
        if (last < starts.length && starts[last] <= pfn && pfn + n <= ends[last]) {
            return true;
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] > pfn) {
                hi = mid - 1;
            } else if (ends[mid] <= pfn) {
                lo = mid + 1;
            } else {
                last = mid;
                return pfn + n <= ends[mid];
            }
        }
        return false;
    }
}
