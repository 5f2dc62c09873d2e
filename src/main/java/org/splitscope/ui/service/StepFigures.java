package org.splitscope.ui.service;

import org.splitscope.core.history.StepSeries;
import org.splitscope.core.history.Timeline;
import org.splitscope.ui.service.Snapshot.ChartSeries;

/**
 * The per-step figures the view draws over the run: the chart series, downsampled to at most
 * {@link #POINTS} points ({@link #PLAYING_POINTS} while playing), and the timeline bar's markers,
 * one event-kind mask per pixel column.
 * Simulation thread only.
 */
final class StepFigures {
    static final int POINTS = 400;
    /** Points per series while playing: the charts are redrawn at every frame then. */
    static final int PLAYING_POINTS = 100;
    /** The charted columns, in the order the charts name them. */
    static final StepSeries.Column[] CHARTED = {StepSeries.Column.DIRECT_MAP_4K, StepSeries.Column.DIRECT_MAP_2M,
            StepSeries.Column.DIRECT_MAP_1G, StepSeries.Column.LEVEL2_SPLITS, StepSeries.Column.LEVEL3_SPLITS,
            StepSeries.Column.LEVEL2_COLLAPSES, StepSeries.Column.FLUSH_TLB_ALL, StepSeries.Column.IPIS,
            StepSeries.Column.RMP_FAULTS, StepSeries.Column.NOT_PRESENT_FAULTS, StepSeries.Column.SIM_TIME_NS,
            StepSeries.Column.LOCK_WAIT_NS};

    private StepFigures() {
    }

    /** The series over the steps run so far (boundary 0 to the frontier), at most {@code maxPoints} per series. */
    static ChartSeries chart(Timeline t, int maxPoints) {
        StepSeries s = t.series();
        int n = s.size();
        long tail = s.tailBoundary();
        int points = Math.min(n, maxPoints - (tail >= 0 ? 1 : 0));
        int all = points + (tail >= 0 ? 1 : 0);
        long[] x = new long[all];
        double[][] y = new double[CHARTED.length][all];
        for (int p = 0; p < points; p++) {
            int i = points == 1 ? 0 : (int) ((long) p * (n - 1) / (points - 1));
            x[p] = s.boundaryOf(i);
            for (int c = 0; c < CHARTED.length; c++) {
                y[c][p] = s.get(i, CHARTED[c]);
            }
        }
        if (tail >= 0) {
            // the last recorded boundary, which the stride of a long run's series does not keep
            x[points] = tail;
            for (int c = 0; c < CHARTED.length; c++) {
                y[c][points] = s.tail(CHARTED[c]);
            }
        }
        String[] names = new String[CHARTED.length];
        for (int c = 0; c < CHARTED.length; c++) {
            names[c] = CHARTED[c].name();
        }
        return new ChartSeries(x, names, y, t.totalSteps());
    }

    /** Per column of a strip {@code width} pixels wide: the event kinds of the steps it covers. */
    static int[] markers(Timeline t, int width) {
        int w = Math.max(1, width);
        int[] m = new int[w];
        StepSeries s = t.series();
        long total = Math.max(1, t.totalSteps());
        for (int i = 1; i < s.size(); i++) {
            // sample i holds the events of the step before it; the mark stands where they have happened
            // (the boundary after that step), where a click on it seeks and where the cursor then stands
            long after = s.boundaryOf(i);
            int col = (int) Math.min(w - 1, after * w / total);
            m[col] |= (int) s.get(i, StepSeries.Column.KIND_MASK);
        }
        if (s.tailBoundary() >= 0) {
            m[(int) Math.min(w - 1, s.tailBoundary() * w / total)] |= (int) s.tail(StepSeries.Column.KIND_MASK);
        }
        return m;
    }
}
