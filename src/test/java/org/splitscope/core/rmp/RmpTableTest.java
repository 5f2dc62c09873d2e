package org.splitscope.core.rmp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.state.Journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.core.rmp.RmpTable.FAIL_INPUT;
import static org.splitscope.core.rmp.RmpTable.FAIL_OVERLAP;
import static org.splitscope.core.rmp.RmpTable.FAIL_PERMISSION;
import static org.splitscope.core.rmp.RmpTable.FAIL_SIZEMISMATCH;
import static org.splitscope.core.rmp.RmpTable.SUCCESS;

class RmpTableTest {
    private RmpTable rmp;

    @BeforeEach
    void setUp() {
        rmp = new RmpTable(new Journal(), 4 * 512 * 512, 4 * 512, 4);
    }

    @Test
    @DisplayName("R10: named states follow assigned / ASID / validated / immutable")
    void namedStates() {
        assertThat(RmpState.of(false, 0, false, false)).isEqualTo(RmpState.HYPERVISOR);
        assertThat(RmpState.of(false, 0, false, true)).isEqualTo(RmpState.HV_FIXED);
        assertThat(RmpState.of(true, 0, false, true)).isEqualTo(RmpState.FIRMWARE);
        assertThat(RmpState.of(true, 5, false, false)).isEqualTo(RmpState.GUEST_INVALID);
        assertThat(RmpState.of(true, 5, true, false)).isEqualTo(RmpState.GUEST_VALID);
        assertThat(RmpState.of(true, 5, false, true)).isEqualTo(RmpState.PRE_GUEST);
    }

    @Test
    @DisplayName("R10/R12: RMPUPDATE assigns a 4K entry not validated; PVALIDATE validates it; shared again is HYPERVISOR")
    void assign4k() {
        assertThat(rmp.rmpupdate(1000, PageSize.K4, true, 3, 77, false)).isEqualTo(SUCCESS);
        RmpEntry e = rmp.entry(1000);
        assertThat(e.state()).isEqualTo(RmpState.GUEST_INVALID);
        assertThat(e.asid()).isEqualTo(3);
        assertThat(e.gpa()).isEqualTo(77 * 4096L);
        assertThat(rmp.pvalidate(1000, PageSize.K4, true)).isEqualTo(SUCCESS);
        assertThat(rmp.state(1000)).isEqualTo(RmpState.GUEST_VALID);
        assertThat(rmp.assigned4kFrames()).isEqualTo(1);
        assertThat(rmp.rmpupdate(1000, PageSize.K4, false, 0, 0, false)).isEqualTo(SUCCESS);
        assertThat(rmp.state(1000)).isEqualTo(RmpState.HYPERVISOR);
        assertThat(rmp.assigned4kFrames()).isZero();
    }

    @Test
    @DisplayName("R11: a 2M entry is authoritative for its whole region; R12: 4K RMPUPDATE inside it fails with FAIL_OVERLAP (4)")
    void twoMegEntry() {
        long base = 512 * 7;
        assertThat(rmp.rmpupdate(base + 1, PageSize.M2, true, 2, 0, false)).isEqualTo(FAIL_INPUT);
        assertThat(rmp.rmpupdate(base, PageSize.M2, true, 2, 1024, false)).isEqualTo(SUCCESS);
        RmpEntry e = rmp.entry(base + 300);
        assertThat(e.pageSize()).isEqualTo(PageSize.M2);
        assertThat(e.entryPfn()).isEqualTo(base);
        assertThat(e.asid()).isEqualTo(2);
        assertThat(e.gpa()).isEqualTo((1024 + 300) * 4096L);
        assertThat(rmp.assigned(base + 511)).isTrue();
        assertThat(rmp.rmpupdate(base + 5, PageSize.K4, false, 0, 0, false)).isEqualTo(FAIL_OVERLAP);
        assertThat(RmpTable.FAIL_OVERLAP).isEqualTo(4);
        assertThat(rmp.private2mEntries()).isEqualTo(1);
        assertThat(rmp.assigned4kFrames()).isZero();
    }

    @Test
    @DisplayName("R12: a 2M RMPUPDATE over any assigned 4K entry fails with FAIL_OVERLAP and changes nothing; 512 4K entries never merge")
    void twoMegNeedsNoAssigned4k() {
        long base = 512 * 3;
        assertThat(rmp.rmpupdate(base + 9, PageSize.K4, true, 1, 9, false)).isEqualTo(SUCCESS);
        assertThat(rmp.rmpupdate(base, PageSize.M2, true, 1, 0, false)).isEqualTo(FAIL_OVERLAP);
        assertThat(rmp.rmpupdate(base, PageSize.M2, false, 0, 0, false)).isEqualTo(FAIL_OVERLAP);
        // even 512 frames assigned alike (same guest, consecutive GPAs) are never merged into a 2M entry
        for (int i = 0; i < 512; i++) {
            if (i != 9) {
                rmp.rmpupdate(base + i, PageSize.K4, true, 1, i, false);
            }
        }
        assertThat(rmp.rmpupdate(base, PageSize.M2, true, 1, 0, false)).isEqualTo(FAIL_OVERLAP);
        assertThat(rmp.rmpupdate(base, PageSize.M2, false, 0, 0, false)).isEqualTo(FAIL_OVERLAP);
        assertThat(rmp.has2m((int) (base / 512))).isFalse();
        assertThat(rmp.assigned4kIn((int) (base / 512))).isEqualTo(512);
        assertThat(rmp.failureReason(base, PageSize.M2, FAIL_OVERLAP)).startsWith("512 frames of the 2M region");
    }

    @Test
    @DisplayName("R13: PSMASH gives 512 4K entries with the same ASID, consecutive GPAs and validated bit")
    void psmash() {
        long base = 512 * 9;
        assertThat(rmp.psmash(base)).isEqualTo(FAIL_INPUT);
        rmp.rmpupdate(base, PageSize.M2, true, 4, 2048, false);
        rmp.pvalidate(base, PageSize.M2, true);
        assertThat(rmp.pvalidate(base + 1, PageSize.K4, true)).isEqualTo(FAIL_SIZEMISMATCH);
        assertThat(rmp.psmash(base)).isEqualTo(SUCCESS);
        for (long f : new long[] {base, base + 1, base + 511}) {
            RmpEntry e = rmp.entry(f);
            assertThat(e.pageSize()).isEqualTo(PageSize.K4);
            assertThat(e.asid()).isEqualTo(4);
            assertThat(e.gpa()).isEqualTo((2048 + f - base) * 4096);
            assertThat(e.validated()).isTrue();
        }
        assertThat(rmp.assigned4kIn((int) (base / 512))).isEqualTo(512);
        assertThat(rmp.has2m((int) (base / 512))).isFalse();
        // now a single frame can go back to shared
        assertThat(rmp.rmpupdate(base + 2, PageSize.K4, false, 0, 0, false)).isEqualTo(SUCCESS);
    }

    @Test
    @DisplayName("R10: immutable entries refuse RMPUPDATE (FAIL_PERMISSION)")
    void immutable() {
        assertThat(rmp.rmpupdate(50, PageSize.K4, true, 0, 0, true)).isEqualTo(SUCCESS);
        assertThat(rmp.state(50)).isEqualTo(RmpState.FIRMWARE);
        assertThat(rmp.rmpupdate(50, PageSize.K4, false, 0, 0, false)).isEqualTo(FAIL_PERMISSION);
    }

    @Test
    @DisplayName("Owners: two guests in one region and non-linear GPAs are kept exactly (overflow map)")
    void mixedOwners() {
        rmp.rmpupdate(5000, PageSize.K4, true, 1, 100, false);
        rmp.rmpupdate(5001, PageSize.K4, true, 2, 7, false);
        rmp.rmpupdate(5002, PageSize.K4, true, 1, 999, false);
        rmp.rmpupdate(5003, PageSize.K4, true, 1, 103, false);          // linear with the first
        assertThat(rmp.entry(5000).asid()).isEqualTo(1);
        assertThat(rmp.entry(5001).asid()).isEqualTo(2);
        assertThat(rmp.entry(5001).gpa()).isEqualTo(7 * 4096L);
        assertThat(rmp.entry(5002).gpa()).isEqualTo(999 * 4096L);
        assertThat(rmp.entry(5003).gpa()).isEqualTo(103 * 4096L);
        assertThat(rmp.regionAsid(5000 / 512)).isEqualTo(-1);
        assertThat(rmp.overflowEntries()).isEqualTo(2);
        rmp.rmpupdate(5001, PageSize.K4, false, 0, 0, false);
        rmp.rmpupdate(5002, PageSize.K4, false, 0, 0, false);
        assertThat(rmp.overflowEntries()).isZero();
        assertThat(rmp.regionAsid(5000 / 512)).isEqualTo(1);
    }

    @Test
    @DisplayName("dump: the raw entry uses the PPR layout dump_rmpentry() prints")
    void rawDump() {
        rmp.rmpupdate(512, PageSize.M2, true, 5, 0x400, false);
        rmp.pvalidate(512, PageSize.M2, true);
        RmpEntry e = rmp.entry(512);
        assertThat(e.rawLo() & 1).isEqualTo(1);                  // assigned
        assertThat((e.rawLo() >>> 1) & 1).isEqualTo(1);          // page size 2M
        assertThat((e.rawLo() >>> 12) & ((1L << 39) - 1)).isEqualTo(0x400);
        assertThat((e.rawLo() >>> 51) & 0x3FF).isEqualTo(5);
        assertThat((e.rawLo() >>> 62) & 1).isEqualTo(1);         // validated
        assertThat(e.dump()).startsWith("PFN 0x200, RMP entry: [0x");
    }
}
