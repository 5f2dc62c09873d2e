package org.splitscope.core.sim;

import org.splitscope.core.cost.BulkCost;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.workload.AcceptCursor;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.StepProgram;

/**
 * {@link RunMode#BULK}: runs a simulation to a position, settling lazy-acceptance steps in windows
 * guest by guest where every step is plain ({@link BulkWindow}), else one at a time
 * ({@link BulkAccept}), guest teardowns with their per-page hooks in closed form
 * ({@link BulkTeardown}), and every other step on the step path, in step order. Before a step on the
 * step path, everything bulk mode tallied is written into the state, and before a step that could
 * make frames shared again, the TLB fills it deferred are applied (which keeps
 * {@code TlbBulk.deferMissFill4k}'s promise). On return the state is exactly the step path's.
 *
 * <p>Threading: confined to the simulation thread.
 */
final class BulkRunner {
    /** A window that settles fewer steps than this makes the next attempts wait (exponentially, up to 64 steps). */
    private static final int MIN_WINDOW = 8;

    private final Simulation sim;
    private final StepProgram program;
    private final BulkAccept accept;
    private final BulkWindow window;
    private final BulkTeardown teardown;
    /** Steps settled in bulk so far (the rest took the step path); tests check that bulk mode is exercised. */
    private long settled;
    /** Of those, steps settled in windows, guest by guest. */
    private long windowed;

    BulkRunner(Simulation sim) {
        this.sim = sim;
        this.program = sim.program();
        BulkCost cost = new BulkCost(sim.cost());
        this.accept = new BulkAccept(sim, cost);
        this.window = new BulkWindow(sim, accept, cost);
        this.teardown = new BulkTeardown(sim);
    }

    /** Runs steps until {@code position() == end}. */
    void runTo(long end) {
        long pos = sim.position();
        // a sink that wants the events bulk accept steps only count gets them built on the step path,
        // except in windows, which report them as SimEvent.Range
        boolean stepsInBulk = !wantsCounted(sim.kernel());
        AcceptCursor cur = null;
        long nextWindow = pos;
        int misses = 0;
        try {
            while (pos < end) {
                if (cur == null || cur.index() != pos || cur.done()) {
                    cur = program.acceptCursor(pos);
                }
                if (cur != null) {
                    if (pos >= nextWindow) {
                        accept.flushRuns();
                        long n = window.settle(cur, end);
                        accept.countPlain(window.takeSteps());
                        settled += n;
                        windowed += n;
                        pos += n;
                        // after a window that settles little, the next attempt waits 1, 2, 4, ... 64 steps
                        misses = n >= MIN_WINDOW ? 0 : Math.min(misses + 1, 7);
                        nextWindow = pos + (misses == 0 ? 0 : 1L << (misses - 1));
                        if (n > 0) {
                            continue;
                        }
                    }
                    if (stepsInBulk && accept.step(cur)) {
                        settled++;
                    } else {
                        sync(pos);
                        sim.execute(cur.step());
                    }
                    window.forget(cur.slot());
                    cur.advance();
                    pos++;
                    continue;
                }
                sync(pos);
                sim.tlb().settleDeferred();               // the step may make frames shared again
                Step step = program.step(pos);
                if (step instanceof Step.Teardown t) {
                    teardown.run(t);
                    settled++;
                } else {
                    sim.execute(step);
                }
                pos++;
                cur = null;
            }
        } finally {
            sync(pos);
            sim.tlb().settleDeferred();
        }
    }

    long settled() {
        return settled;
    }

    long windowed() {
        return windowed;
    }

    /** Writes what bulk steps tallied, and the position, into the state. */
    private void sync(long pos) {
        accept.flush();
        sim.setPosition(pos);
    }

    private static boolean wantsCounted(HostKernel k) {
        for (EventKind kind : BulkWindow.PLAIN_KINDS) {
            if (k.on(kind)) {
                return true;
            }
        }
        return false;
    }
}
