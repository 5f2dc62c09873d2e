package org.splitscope.render;

import java.util.List;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;

/** Builds the heat map's {@link Overlay} from a timeline at its current position. */
public final class OverlayBuilder {
    /** Faults drawn at most (the most recent ones). */
    public static final int MAX_FAULTS = 20_000;
    private static final int MAX_ACTIVITY = 100_000;

    private OverlayBuilder() {
    }

    /** Faults so far, and the frames touched in the last {@code window} steps, fading with age. */
    public static Overlay build(Timeline t, int window) {
        long[] rmp = t.faultFrames(1, MAX_FAULTS);
        long[] np = t.faultFrames(2, MAX_FAULTS);
        Position p = t.position();
        long[] act = new long[256];
        int[] age = new int[256];
        int[] count = new int[256];
        int n = 0;
        long lastStep = p.boundary() ? p.step() - 1 : p.step();
        for (long s = lastStep; s >= 0 && s > p.step() - 1 - window && n < MAX_ACTIVITY; s--) {
            if (s >= t.totalSteps()) {
                continue;
            }
            List<SimEvent> ev = t.eventsOf(s);
            int limit = s == p.step() ? p.micro() : ev.size();
            int a = (int) (p.step() - 1 - s + (p.boundary() ? 0 : 1));
            for (int i = 0; i < limit && n < MAX_ACTIVITY; i++) {
                SimEvent e = ev.get(i);
                if (e.pfn() < 0 || e.kind() == EventKind.TLB_FILL || e.kind() == EventKind.FLUSH_ALL) {
                    continue;
                }
                if (n == act.length) {
                    act = java.util.Arrays.copyOf(act, n * 2);
                    age = java.util.Arrays.copyOf(age, n * 2);
                    count = java.util.Arrays.copyOf(count, n * 2);
                }
                act[n] = e.pfn();
                count[n] = (int) Math.max(1, Math.min(e.frames(), Integer.MAX_VALUE));
                age[n] = Math.max(0, a);
                n++;
            }
        }
        return new Overlay(rmp, np, java.util.Arrays.copyOf(act, n),
                java.util.Arrays.copyOf(count, n), java.util.Arrays.copyOf(age, n), window,
                -1, -1, -1, -1, -1);
    }
}
