package org.splitscope.core.sim;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.SimEvent;

/**
 * Builds the events a {@link SimEvent.Range} stands for, on demand: bulk mode counted them instead of
 * building them. It replays the range's steps on the step path from a state at or before them and
 * keeps the events of the range's kind made by its guest over its frames. Steps are deterministic
 * (R24), so these are exactly the events the step path makes for those steps. An event log that
 * stores ranges expands them with this, from its nearest checkpoint.
 */
public final class EventExpansion {
    private EventExpansion() {
    }

    /**
     * The events {@code range} stands for, in step order. {@code snapshot} is a state of a simulation
     * of {@code spec} ({@link Simulation#snapshot()}) at a position no later than the range's first step.
     */
    public static List<SimEvent> expand(SimSpec spec, Object[] snapshot, SimEvent.Range range) {
        Simulation sim = Simulation.create(spec);
        sim.restore(snapshot);
        if (sim.position() > range.fromStep()) {
            throw new IllegalArgumentException("the snapshot is at step " + sim.position() + ", after the range's first step "
                    + range.fromStep());
        }
        sim.runTo(range.fromStep(), RunMode.BULK);
        List<SimEvent> out = new ArrayList<>();
        sim.setSink(e -> {
            if (e.kind() == range.of() && (e.asid() == range.asid() || e.asid() == 0)
                    && (e.pfn() < 0 || (e.pfn() >= range.pfn() && e.pfn() < range.pfn() + range.frames()))) {
                out.add(e);
            }
        });
        sim.runTo(range.toStep(), RunMode.STEP);
        sim.setSink(EventSink.NONE);
        return out;
    }
}
