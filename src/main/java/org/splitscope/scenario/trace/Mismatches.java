package org.splitscope.scenario.trace;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every step at which the host and the simulation disagree, in step order, kept as packed columns
 * (a what-if over a long recording can disagree millions of times; 25 bytes each).
 *
 * <p>Filled by the replaying thread, then only read.
 */
public final class Mismatches {
    /** One disagreement: at replayed step {@code step} (0-based), from trace line {@code line}. */
    public record Mismatch(long step, long line, String event, Figure what, long observed, long predicted) {
    }

    private static final Figure[] FIGURES = Figure.values();
    private final TraceSteps steps;
    private long[] step = new long[16];
    private byte[] what = new byte[16];
    private long[] observed = new long[16];
    private long[] predicted = new long[16];
    private int size;
    private final long[] byFigure = new long[FIGURES.length];

    Mismatches(TraceSteps steps) {
        this.steps = steps;
    }

    void add(long k, Figure f, long obs, long pred) {
        if (size == step.length) {
            int n = size * 2;
            step = Arrays.copyOf(step, n);
            what = Arrays.copyOf(what, n);
            observed = Arrays.copyOf(observed, n);
            predicted = Arrays.copyOf(predicted, n);
        }
        step[size] = k;
        what[size] = (byte) f.ordinal();
        observed[size] = obs;
        predicted[size] = pred;
        size++;
        byFigure[f.ordinal()]++;
    }

    public int size() {
        return size;
    }

    public Mismatch get(int i) {
        long k = step[i];
        return new Mismatch(k, steps.line(k), steps.event(k), FIGURES[what[i]], observed[i], predicted[i]);
    }

    /** The replayed step of mismatch {@code i} (for a timeline mark without building the record). */
    public long stepOf(int i) {
        return step[i];
    }

    /** How many mismatches each figure has (figures with none left out), in {@link Figure} order. */
    public Map<Figure, Long> byFigure() {
        Map<Figure, Long> out = new EnumMap<>(Figure.class);
        for (Figure f : FIGURES) {
            if (byFigure[f.ordinal()] > 0) {
                out.put(f, byFigure[f.ordinal()]);
            }
        }
        return out;
    }
}
