package org.splitscope.core.sim;

/**
 * How {@link Simulation#runTo(long, RunMode)} gets to a position.
 *
 * <ul>
 *   <li>{@link #STEP}: one step at a time through the step path, the specification of what every
 *       step does; the app's stepping, the timeline's recording and every micro-event go this way.</li>
 *   <li>{@link #BULK}: for running to a position without stopping in between (run to the end,
 *       {@code reproduce}, {@code compare}, {@code bench}, replaying to a far position). Runs of lazy
 *       acceptance are settled in bulk (R20), per-page direct-map hooks in closed form, and events
 *       are only counted; wherever it stops, the state (and its hash), the counters and the simulated
 *       time are those of {@link #STEP}, to the nanosecond (R24, R25). Positions in between are not
 *       visited: nothing can be undone to them, and a sink that wants records of the events bulk mode
 *       only counts makes it fall back to {@link #STEP}. Bulk mode needs the journal off; with it on,
 *       it runs as {@link #STEP}.</li>
 * </ul>
 *
 * Like Ripes' "run" mode, which turns per-step signals off and lets the GUI poll.
 */
public enum RunMode {
    STEP,
    BULK
}
