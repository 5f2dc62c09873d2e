package org.splitscope.ui.service;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.event.FlushReason;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.mem.PageSize;

import static org.assertj.core.api.Assertions.assertThat;

class StepTextsTest {
    @Test
    @DisplayName("a step's outcome names its work in the order the event log lists it (PSMASH before the split it needed)")
    void outcomeInEventOrder() {
        List<SimEvent> events = List.of(new SimEvent.Psmash(0, 0x3c000, 0), new SimEvent.Split(0, 0x3c000, PageSize.M2),
                new SimEvent.FlushTlbAll(0, FlushReason.AFTER_SPLIT, 0, 3, true),
                new SimEvent.RmpUpdate(0, 0x3c010, PageSize.K4, false, 1, 0, 0, null));
        assertThat(StepTexts.outcome(events)).isEqualTo("PSMASH, direct-map split, flush_tlb_all, RMPUPDATE; no fault");
        List<SimEvent> other = List.of(new SimEvent.Split(0, 0x3c000, PageSize.M2),
                new SimEvent.FlushTlbAll(0, FlushReason.AFTER_SPLIT, 0, 3, true), new SimEvent.Psmash(0, 0x3c000, 0),
                new SimEvent.Psmash(0, 0x3e000, 0));
        assertThat(StepTexts.outcome(other)).isEqualTo("direct-map split, flush_tlb_all, 2 x PSMASH; no fault");
    }
}
