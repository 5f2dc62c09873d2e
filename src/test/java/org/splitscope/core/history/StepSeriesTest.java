package org.splitscope.core.history;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The series keeps every 2nd, 4th, ... boundary once full; the event kinds of the steps it does
 * not keep go into the next kept sample, so a marker on the scrubber is never lost (a differential
 * test of bulk recording found kinds of steps between kept samples dropped).
 */
class StepSeriesTest {
    static long[] sample(long boundary, long mask) {
        long[] s = StepSeries.newSample();
        s[StepSeries.Column.EVENTS.ordinal()] = boundary;
        s[StepSeries.Column.KIND_MASK.ordinal()] = mask;
        return s;
    }

    @ParameterizedTest
    @ValueSource(longs = {1024, 1025, 1500, 2047})
    @DisplayName("each kept sample has the kinds of every step since the previous kept one")
    void kindsOfEveryStep(long capacitySamples) {
        StepSeries series = new StepSeries(capacitySamples * StepSeries.Column.values().length * 8L);
        int steps = 40_000;
        long[] kindOf = new long[steps + 1];
        series.add(0, sample(0, 0));
        for (int b = 1; b <= steps; b++) {
            kindOf[b] = 1L << (b * 7919 % 13);          // one kind per step, spread over 13 kinds
            series.add(b, sample(b, kindOf[b]));
        }
        assertThat(series.stride()).isGreaterThan(16);
        for (int i = 1; i < series.size(); i++) {
            long to = series.boundaryOf(i);
            long expected = 0;
            for (long b = series.boundaryOf(i - 1) + 1; b <= to; b++) {
                expected |= kindOf[(int) b];
            }
            assertThat(series.get(i, StepSeries.Column.KIND_MASK)).as("sample %d (boundary %d)", i, to).isEqualTo(expected);
            assertThat(series.get(i, StepSeries.Column.EVENTS)).isEqualTo(to);
        }
    }

    @Test
    @DisplayName("a rare kind between kept samples reaches the next kept one")
    void rareKind() {
        StepSeries series = new StepSeries(1024L * StepSeries.Column.values().length * 8);
        for (int b = 0; b <= 5000; b++) {
            series.add(b, sample(b, b == 4097 ? 1L << 20 : 1));
        }
        long stride = series.stride();
        int kept = (int) ((4097 + stride - 1) / stride);
        assertThat(series.get(kept, StepSeries.Column.KIND_MASK)).isEqualTo((1L << 20) | 1);
        assertThat(series.get(kept - 1, StepSeries.Column.KIND_MASK)).isEqualTo(1);
    }
}
