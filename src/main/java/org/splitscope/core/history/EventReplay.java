package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.sim.RunMode;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.event.SimEvent;

/**
 * Regenerates the events of a step whose records were released to stay within the history budget:
 * a second simulation, restored from the nearest checkpoint at or before the step and run to it
 * with the journal off (steps are deterministic, R24). It is created on first use and kept, so
 * reading the events of consecutive old steps replays only the steps in between.
 *
 * <p>Threading: confined to the timeline's thread.
 */
final class EventReplay {
    private final SimSpec spec;
    private final Checkpoints checkpoints;
    private Simulation replayer;

    EventReplay(SimSpec spec, Checkpoints checkpoints) {
        this.spec = spec;
        this.checkpoints = checkpoints;
    }

    List<SimEvent> eventsOf(long step) {
        boolean fresh = replayer == null;
        if (fresh) {
            replayer = Simulation.create(spec);          // not booted: must start from a checkpoint
        }
        Map.Entry<Long, Object[]> ck = checkpoints.floor(step);
        if (fresh || replayer.position() > step || replayer.position() < ck.getKey()) {
            replayer.restore(ck.getValue());
        }
        replayer.journal().setRecording(false);
        replayer.setSink(EventSink.NONE);
        replayer.runTo(step, RunMode.BULK);             // nothing kept before the step: bulk mode, same state
        List<SimEvent> out = new ArrayList<>();
        replayer.setSink(out::add);
        replayer.executeNext();
        replayer.setSink(EventSink.NONE);
        return out;
    }

    /** Bytes the second simulation holds (0 before first use). */
    long bytes() {
        return replayer == null ? 0 : replayer.stateBytes();
    }
}
