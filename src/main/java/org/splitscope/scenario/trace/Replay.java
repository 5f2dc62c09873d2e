package org.splitscope.scenario.trace;

import java.util.concurrent.CancellationException;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.kernel.Counters;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;

/**
 * Replays a recording against the simulation and compares, step by step, what the host did with
 * what the simulation predicts (TRACE.md "Validate"): set_memory_4k calls, splits, flush_tlb_all
 * calls, range-flush IPIs, the fault of a page-fault step and the success of an operation whose
 * {@code _ret} was recorded. A figure the trace never recorded is not compared. At the end the
 * after-files are compared ({@link FinalCheck}).
 *
 * <p>Runs as the traced kernel with {@link Recording#scenario()}'s spec, or as a what-if with a spec
 * of another policy or kernel profile: the mismatches then say what that choice would change.
 * Runs on the caller's thread; {@link Progress} reports steps and can cancel.
 */
public final class Replay {
    /** rmpupdate() in arch/x86/virt/svm/sev.c returns -EFAULT when RMPUPDATE fails. */
    static final int EFAULT = -14;
    private static final int PROGRESS_EVERY = 4096;

    private final Recording rec;
    private final SimSpec spec;
    private final Simulation sim;

    private Replay(Recording rec, SimSpec spec) {
        this.rec = rec;
        this.spec = spec;
        this.sim = Simulation.create(spec);
        sim.journal().setRecording(false);                // one pass forward: nothing to undo
    }

    /**
     * Prepares a replay of {@code rec} under {@code spec}: the recording's own scenario spec
     * ({@code rec.scenario().toSpec()}), or one with another policy or kernel profile for a what-if.
     * Throws IllegalArgumentException when the spec cannot run.
     */
    public static Replay of(Recording rec, SimSpec spec) {
        return new Replay(rec, spec);
    }

    /** The simulation the replay drives (not yet booted until {@link #run}); for sinks that need it. */
    public Simulation simulation() {
        return sim;
    }

    /**
     * Boots and runs the whole recording once. {@code also} receives the simulation's events as
     * well (e.g. the command line's fault log).
     */
    public ReplayResult run(EventSink also, Progress progress) {
        Outcome outcome = new Outcome(also);
        sim.setSink(outcome);
        sim.boot();
        TraceSteps steps = rec.steps();
        Mismatches mismatches = new Mismatches(steps);
        Counters c = sim.counters();
        boolean kprobeFlushes = rec.flushFromKprobe();
        boolean flushesSendIpis = !spec.machine().broadcastFlushAll() && spec.machine().cpus() > 1;
        boolean[] compare = new boolean[Figure.values().length];
        for (Figure f : Figure.values()) {
            compare[f.ordinal()] = !rec.unrecorded().contains(f);
        }
        long n = sim.stepCount();
        for (long k = 0; k < n; k++) {
            if (k % PROGRESS_EVERY == 0) {
                if (progress.cancelled()) {
                    throw new CancellationException("the replay was cancelled at step " + k);
                }
                progress.update(k, n);
            }
            long sm4k = c.get(Counter.SET_MEMORY_4K_CALLS);
            long splits = c.get(Counter.LEVEL2_SPLITS) + c.get(Counter.LEVEL3_SPLITS);
            long flushes = c.get(Counter.FLUSH_TLB_ALL);
            long rangeIpis = c.get(Counter.RANGE_FLUSH_IPIS);
            long rmpFaults = c.get(Counter.RMP_FAULTS);
            long npFaults = c.get(Counter.NOT_PRESENT_FAULTS);
            outcome.reset();
            sim.executeNext();
            if (steps.isFault(k)) {
                boolean rmp = steps.expectsRmpFault(k);
                check(mismatches, compare, k, Figure.RMP_FAULTS, rmp ? 1 : 0, c.get(Counter.RMP_FAULTS) - rmpFaults);
                check(mismatches, compare, k, Figure.NOT_PRESENT_FAULTS, rmp ? 0 : 1,
                        c.get(Counter.NOT_PRESENT_FAULTS) - npFaults);
                continue;
            }
            check(mismatches, compare, k, Figure.SET_MEMORY_4K, steps.observed(k, Observations.SET_MEMORY_4K),
                    c.get(Counter.SET_MEMORY_4K_CALLS) - sm4k);
            check(mismatches, compare, k, Figure.SPLITS, steps.observed(k, Observations.SPLITS),
                    c.get(Counter.LEVEL2_SPLITS) + c.get(Counter.LEVEL3_SPLITS) - splits);
            long calls = c.get(Counter.FLUSH_TLB_ALL) - flushes;
            if (kprobeFlushes) {
                check(mismatches, compare, k, Figure.FLUSH_TLB_ALL, steps.observed(k, Observations.FLUSH_ALL), calls);
            } else {
                // without the kprobe only the calls that sent IPIs show (R18: none under 6.18 with INVLPGB)
                check(mismatches, compare, k, Figure.FLUSH_TLB_ALL, steps.observed(k, Observations.FLUSH_ALL_IPI_LINES),
                        flushesSendIpis ? calls : 0);
            }
            check(mismatches, compare, k, Figure.RANGE_FLUSH_IPIS, steps.observed(k, Observations.RANGE_FLUSH_IPIS),
                    c.get(Counter.RANGE_FLUSH_IPIS) - rangeIpis);
            if (compare[Figure.RET.ordinal()] && steps.retSeen(k)) {
                int observed = steps.ret(k);
                int predicted = outcome.ret(steps.event(k).equals(TraceEvent.PSMASH.id));
                if ((observed == 0) != (predicted == 0)) {
                    mismatches.add(k, Figure.RET, observed, predicted);
                }
            }
        }
        progress.update(n, n);
        return new ReplayResult(rec, sim, mismatches, FinalCheck.of(rec.after(), sim));
    }

    private static void check(Mismatches out, boolean[] compare, long k, Figure f, long observed, long predicted) {
        if (compare[f.ordinal()] && observed != predicted) {
            out.add(k, f, observed, predicted);
        }
    }

    /** The status of the step's RMP instructions, as the kernel function would return it; forwards everything. */
    private static final class Outcome implements EventSink {
        private final EventSink also;
        private final int mask;
        private int rmpupdate;
        private int psmash;

        Outcome(EventSink also) {
            this.also = also;
            int own = EventKind.RMPUPDATE.bit() | EventKind.REJECTED.bit() | EventKind.PSMASH.bit();
            this.mask = own | (also.wants() ? also.kindMask() : 0);
        }

        void reset() {
            rmpupdate = 0;
            psmash = 0;
        }

        /**
         * rmp_make_private/shared: 0, or -EFAULT when RMPUPDATE failed or the policy refused (a
         * hypothetical refusal is reported as the kernel reports a failed update); psmash(): the
         * instruction's status.
         */
        int ret(boolean ofPsmash) {
            if (ofPsmash) {
                return psmash;
            }
            return rmpupdate == RmpTable.SUCCESS ? 0 : EFAULT;
        }

        @Override
        public void accept(SimEvent e) {
            switch (e) {
                case SimEvent.RmpUpdate u -> rmpupdate = u.status();
                case SimEvent.AssignmentRejected r -> rmpupdate = HostKernel.REJECTED;
                case SimEvent.Psmash p -> psmash = p.status();
                default -> {
                }
            }
            if (also.wants() && (also.kindMask() & e.kind().bit()) != 0) {
                also.accept(e);
            }
        }

        @Override
        public int kindMask() {
            return mask;
        }
    }
}
