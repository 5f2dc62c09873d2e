package org.splitscope.core.history;

/**
 * A place on the timeline: {@code step} steps have completed and, within the next step, the first
 * {@code micro} of its micro-events have happened. {@code micro == 0} is a step boundary; the
 * state after all micro-events of step {@code s} is the boundary {@code (s + 1, 0)}.
 */
public record Position(long step, int micro) implements Comparable<Position> {
    public static final Position START = new Position(0, 0);

    public Position {
        if (step < 0 || micro < 0) {
            throw new IllegalArgumentException("bad position " + step + "." + micro);
        }
    }

    public static Position at(long step) {
        return new Position(step, 0);
    }

    public boolean boundary() {
        return micro == 0;
    }

    @Override
    public int compareTo(Position o) {
        int c = Long.compare(step, o.step);
        return c != 0 ? c : Integer.compare(micro, o.micro);
    }

    /**
     * The position in the app's words, the same as the event log's columns: "step 5" at a boundary
     * (five steps done), "step 6, event 2" inside a step (its second event has happened).
     */
    public String label() {
        return micro == 0 ? "step " + step : "step " + (step + 1) + ", event " + micro;
    }

    @Override
    public String toString() {
        return micro == 0 ? Long.toString(step) : step + "." + micro;
    }
}
