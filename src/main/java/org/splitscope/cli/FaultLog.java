package org.splitscope.cli;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.sim.Simulation;

/** Keeps the first faults of a run with the step they happened in (1-based); builds no other records. */
final class FaultLog implements EventSink {
    static final int KEEP = 20;
    private final Simulation sim;
    final List<Entry> first = new ArrayList<>();

    record Entry(long step, SimEvent event) {
    }

    FaultLog(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public void accept(SimEvent e) {
        if (first.size() < KEEP) {
            first.add(new Entry(sim.position() + 1, e));
        }
    }

    @Override
    public int kindMask() {
        return EventKind.RMP_FAULT.bit() | EventKind.NP_FAULT.bit();
    }
}
