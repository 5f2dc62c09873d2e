package org.splitscope.core.rmp;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.state.Journal;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 1: frames whose owner the region cannot tell are kept in a map that grows. */
class RmpOverflowTest {
    @Test
    @DisplayName("issue 14.1: 60,000 4K assignments at non-linear GPAs (past the first 49,152) all keep their owner")
    void manyNonLinearAssignments() {
        Journal j = new Journal();
        long frames = 512L * 512;
        RmpTable rmp = new RmpTable(j, frames, 512, 1);
        j.setRecording(true);
        long start = j.position();
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            long pfn = 1024 + i;
            // gfn steps backwards: never linear with the region's first frame
            assertThat(rmp.rmpupdate(pfn, PageSize.K4, true, 1 + i % 3, 1_000_000 - 2L * i, false))
                    .isEqualTo(RmpTable.SUCCESS);
        }
        assertThat(rmp.overflowEntries()).isGreaterThan(49_152);
        for (int i = 0; i < n; i += 997) {
            RmpEntry e = rmp.entry(1024 + i);
            assertThat(e.asid()).isEqualTo(1 + i % 3);
            assertThat(e.gpa()).isEqualTo((1_000_000 - 2L * i) * 4096);
        }
        j.undoTo(start);
        assertThat(rmp.overflowEntries()).isZero();
        assertThat(rmp.assigned4kFrames()).isZero();
    }
}
