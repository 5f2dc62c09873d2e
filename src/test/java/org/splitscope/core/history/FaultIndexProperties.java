package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.mem.PageSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault index's binary search answers as a scan over every fault would. */
class FaultIndexProperties {
    @Property(tries = 200)
    void latestBeforeEqualsAScan(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3) Integer> faultsPerStep,
                                 @ForAll @IntRange(min = 0, max = 70) int before,
                                 @ForAll @IntRange(min = 0, max = 40) int max) {
        FaultIndex index = new FaultIndex();
        List<long[]> all = new ArrayList<>();                 // {step, pfn, kind}
        for (int step = 0; step < faultsPerStep.size(); step++) {
            List<SimEvent> events = new ArrayList<>();
            for (int i = 0; i < faultsPerStep.get(step); i++) {
                long pfn = step * 16L + i;
                boolean rmp = (step + i) % 2 == 0;
                events.add(rmp ? new SimEvent.RmpFault(0, pfn, null, PageSize.K4, false, pfn, pfn, 1, 1)
                        : new SimEvent.NotPresentFault(0, pfn, true, PageSize.K4, pfn));
                all.add(new long[] {step, pfn, rmp ? FaultIndex.RMP : FaultIndex.NOT_PRESENT});
            }
            index.add(step, events);
        }
        for (int kind : new int[] {FaultIndex.RMP, FaultIndex.NOT_PRESENT}) {
            List<Long> scan = new ArrayList<>();
            for (long[] f : all) {
                if (f[0] < before && f[2] == kind) {
                    scan.add(f[1]);
                }
            }
            List<Long> expected = scan.subList(Math.max(0, scan.size() - max), scan.size());
            long[] got = index.latestBefore(kind, before, max);
            assertThat(got).containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
        }
        assertThat(index.countBefore(before)).isEqualTo((int) all.stream().filter(f -> f[0] < before).count());
    }
}
