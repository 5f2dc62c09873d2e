package org.splitscope.scenario;

import java.util.List;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PfnRange;
import org.splitscope.core.mem.Pfns;

/** Which frames are RAM, as sorted ranges, without building the machine (the loader's checks). */
record RamMap(List<PfnRange> ranges) {
    static RamMap of(MachineSpec m) {
        return new RamMap(m.ramRanges());
    }

    /** RAM frames in all. */
    long frames() {
        long n = 0;
        for (PfnRange r : ranges) {
            n += r.length();
        }
        return n;
    }

    boolean allRam(long pfn, long n) {
        for (PfnRange r : ranges) {
            if (r.start() <= pfn && pfn + n <= r.end()) {
                return true;
            }
        }
        return false;
    }

    long fullRegionsAbove(long firstRegion) {
        long count = 0;
        for (PfnRange r : ranges) {
            long first = Math.max(firstRegion, (r.start() + Pfns.FRAMES_PER_2M - 1) / Pfns.FRAMES_PER_2M);
            long last = r.end() / Pfns.FRAMES_PER_2M;
            count += Math.max(0, last - first);
        }
        return count;
    }
}
