package org.splitscope.scenario.trace;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PfnRange;

/**
 * Which frames of a machine are RAM (R1), as sorted ranges, without building its direct map: the
 * leaves of an imported layout, else everything but the holes. Answers in O(1) for the usual
 * neighbouring lookups (the last range found is tried first).
 *
 * <p>Confined to the loading thread.
 */
final class RamRanges {
    private final long[] starts;
    private final long[] ends;
    private final long frames;
    private int last;

    RamRanges(MachineSpec m) {
        List<long[]> out = new ArrayList<>();
        if (m.boot() instanceof BootLayout.Imported imp) {
            for (BootLayout.Imported.Leaf l : imp.leaves()) {
                if (!out.isEmpty() && out.get(out.size() - 1)[1] == l.start()) {
                    out.get(out.size() - 1)[1] = l.end();
                } else {
                    out.add(new long[] {l.start(), l.end()});
                }
            }
        } else {
            long at = 0;
            for (PfnRange h : m.holes()) {
                if (h.start() > at) {
                    out.add(new long[] {at, h.start()});
                }
                at = h.end();
            }
            if (at < m.frames()) {
                out.add(new long[] {at, m.frames()});
            }
        }
        starts = new long[out.size()];
        ends = new long[out.size()];
        for (int i = 0; i < out.size(); i++) {
            starts[i] = out.get(i)[0];
            ends[i] = out.get(i)[1];
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
