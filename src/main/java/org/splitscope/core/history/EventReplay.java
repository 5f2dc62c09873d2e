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
        return eventsOf(step, step + 1).get(0);
    }

    /**
     * The steps replayed last, [{@link #cacheFrom}, {@link #cacheTo}): a page of the event log that
     * moves forward while playing replays only the steps it has not seen (the replayer stands at
     * {@code cacheTo}), and one inside them replays nothing.
     */
    private final java.util.ArrayList<List<SimEvent>> cache = new java.util.ArrayList<>();
    private long cacheFrom;
    private long cacheTo;
    /** Steps kept in {@link #cache} beyond the last range asked for. */
    static final int CACHE_STEPS = 4096;

    /** The events of steps [{@code from}, {@code to}), one list per step, in one pass. */
    List<List<SimEvent>> eventsOf(long from, long to) {
        if (!cache.isEmpty() && from >= cacheFrom && to <= cacheTo) {
            return List.copyOf(cache.subList((int) (from - cacheFrom), (int) (to - cacheFrom)));
        }
        if (!cache.isEmpty() && from >= cacheFrom && from <= cacheTo && replayer.position() == cacheTo) {
            capture(to, cache);
            cacheTo = to;
            int drop = (int) Math.max(0, Math.min(from - cacheFrom, cache.size() - CACHE_STEPS));
            cache.subList(0, drop).clear();
            cacheFrom += drop;
            return List.copyOf(cache.subList((int) (from - cacheFrom), (int) (to - cacheFrom)));
        }
        List<List<SimEvent>> out = replay(from, to);
        cache.clear();
        cache.addAll(out);
        cacheFrom = from;
        cacheTo = to;
        return out;
    }

    private List<List<SimEvent>> replay(long from, long to) {
        long step = from;
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
        List<List<SimEvent>> out = new ArrayList<>();
        capture(to, out);
        return out;
    }

    /** Runs the replayer from where it stands to step {@code to}, adding each step's events to {@code into}. */
    private void capture(long to, List<List<SimEvent>> into) {
        replayer.journal().setRecording(false);
        while (replayer.position() < to) {
            List<SimEvent> events = new ArrayList<>();
            replayer.setSink(events::add);
            replayer.executeNext();
            into.add(events);
        }
        replayer.setSink(EventSink.NONE);
    }

    /** Bytes the second simulation holds (0 before first use). */
    long bytes() {
        return replayer == null ? 0 : replayer.stateBytes();
    }
}
