package org.splitscope.scenario.trace;

import org.splitscope.core.mem.PageSize;
import org.splitscope.core.workload.RecordedSteps;
import org.splitscope.core.workload.Step;

/**
 * The replayed steps of a recording, as the simulation and the app read them: each step built on
 * demand from {@link StepColumns}, its trace line, what the recording expects of it (a fault, a
 * failure) and the work observed in its window ({@link Observations}). A step's caption quotes its
 * trace line, read back from trace.txt when asked ({@link TraceText}).
 *
 * <p>Immutable once loaded; any thread may read it.
 */
public final class TraceSteps implements RecordedSteps {
    private final StepColumns columns;
    private final Observations observed;
    private final TraceText text;
    private final String file;

    TraceSteps(StepColumns columns, Observations observed, TraceText text, String file) {
        this.columns = columns;
        this.observed = observed;
        this.text = text;
        this.file = file;
    }

    @Override
    public long size() {
        return columns.size();
    }

    @Override
    public Step step(long k) {
        int kf = columns.kindAndFlags(k);
        PageSize level = (kf & StepColumns.F_2M) != 0 ? PageSize.M2 : PageSize.K4;
        long pfn = columns.pfn(k);
        return switch (kf & 7) {
            case StepColumns.ASSIGN -> new Step.Assign(columns.who(k), pfn, level, columns.gfn(k) << 12, null,
                    columns.cpu(k));
            case StepColumns.RELEASE -> new Step.Release(pfn, level, null, columns.cpu(k));
            case StepColumns.PSMASH -> new Step.Psmash(pfn, null, columns.cpu(k));
            case StepColumns.HOST_WRITE -> new Step.HostAccess(columns.who(k), pfn, true, null);
            default -> new Step.HostAccess(columns.who(k), pfn, false, null);
        };
    }

    /** {@code trace.txt:LINE: the line}, or without the quote when the file cannot be read again. */
    @Override
    public String caption(long k) {
        long line = line(k);
        String quote = text.line(line);
        return file + ":" + line + (quote == null ? "" : ": " + quote);
    }

    /** The 1-based trace.txt line step {@code k} was read from. */
    public long line(long k) {
        return columns.line(k);
    }

    /**
     * How many steps come from lines before {@code line}: where a line that is not replayed (a
     * kvm_rmp_fault, a warning's line) sits among the steps, for an event log. Binary search: step
     * lines only grow.
     */
    public long stepsBefore(long line) {
        long lo = 0;
        long hi = size();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (columns.line(mid) < line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The event of the line: rmp_private, rmp_shared, psmash or page_fault_kernel. */
    public String event(long k) {
        return switch (columns.kindAndFlags(k) & 7) {
            case StepColumns.ASSIGN -> TraceEvent.RMP_PRIVATE.id;
            case StepColumns.RELEASE -> TraceEvent.RMP_SHARED.id;
            case StepColumns.PSMASH -> TraceEvent.PSMASH.id;
            default -> TraceEvent.PAGE_FAULT_KERNEL.id;
        };
    }

    /** Whether step {@code k} is a page fault (a host access expected to fault) rather than an RMP operation. */
    public boolean isFault(long k) {
        return (columns.kindAndFlags(k) & 7) >= StepColumns.HOST_WRITE;
    }

    /** For a fault step: whether the recording says it was an RMP #PF (else a not-present #PF). */
    public boolean expectsRmpFault(long k) {
        return (columns.kindAndFlags(k) & StepColumns.F_RMP_FAULT) != 0;
    }

    /** Whether the operation's {@code _ret} line was recorded. */
    public boolean retSeen(long k) {
        return (columns.kindAndFlags(k) & StepColumns.F_RET) != 0;
    }

    /** The operation's return value (0 when it succeeded or its {@code _ret} was not recorded). */
    public int ret(long k) {
        return retSeen(k) ? observed.ret(k) : 0;
    }

    /** Observed work of RMP operation {@code k} of one of the {@link Observations} figures (0 when none). */
    int observed(long k, int figure) {
        return (columns.kindAndFlags(k) & StepColumns.F_OBSERVED) != 0 ? observed.figure(k, figure) : 0;
    }

    /** Heap bytes of the step list (columns and observations), to check R3-style compactness. */
    public long bytes() {
        return columns.bytes() + observed.bytes();
    }
}
