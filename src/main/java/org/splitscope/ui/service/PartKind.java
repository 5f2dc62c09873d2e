package org.splitscope.ui.service;

/** The parts of a {@link Snapshot}, each with its dirty bit (an int mask; any thread). */
public enum PartKind {
    RUN, STEP, PLAY, MAP, STATUS, LOG, CHART, INSPECTOR, HOVER, MARKERS, COMPARE, MESSAGE, REPLAY;

    public int bit() {
        return 1 << ordinal();
    }

    /** Every bit set. */
    public static final int ALL = (1 << values().length) - 1;
}
