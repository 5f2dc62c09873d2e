package org.splitscope.ui.service;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.kernel.Counter;
import org.splitscope.scenario.BuiltinScenarios;

import static org.assertj.core.api.Assertions.assertThat;

class StepFiguresTest {
    @Test
    @DisplayName("a timeline mark stands after the step whose event it marks: seeking where it is drawn shows that event done")
    void markAfterItsStep() throws Exception {
        Timeline t = Timeline.open(BuiltinScenarios.load("overlap-crash").toSpec("none", null));
        t.seek(t.totalSteps());
        long total = t.totalSteps();
        int width = (int) total;                                 // one column per boundary step
        int[] m = StepFigures.markers(t, width + 1);
        int faultBit = EventKind.RMP_FAULT.bit();
        int col = -1;
        for (int c = 0; c < m.length; c++) {
            if ((m[c] & faultBit) != 0) {
                col = c;
                break;
            }
        }
        assertThat(col).as("an RMP #PF mark").isPositive();
        long step = col * total / width;                          // where a click on that column seeks (TimelineBar)
        t.seek(step);
        assertThat(t.simulation().counters().get(Counter.RMP_FAULTS)).as("RMP #PF done at the mark's step %d", step).isEqualTo(1);
        t.seek(step - 1);
        assertThat(t.simulation().counters().get(Counter.RMP_FAULTS)).isZero();
    }
}
