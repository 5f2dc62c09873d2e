package org.splitscope.scenario.trace;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.splitscope.scenario.Scenario;

/**
 * A loaded host recording (TRACE.md): the same kind of object a scenario gives ({@link #scenario()}:
 * the machine, the traced policy and kernel, the guests seen, one replayed step per RMP operation
 * and kernel page fault), plus what only a recording has: each step's trace line and what the
 * host was observed to do ({@link #steps()}), which figures the trace never recorded, the warnings
 * of the load and the files compared at the end.
 *
 * <p>Immutable; any thread may read it. {@link Replay} runs it against the simulation.
 */
public final class Recording {
    private final String id;
    private final String source;
    private final HostFile host;
    private final Scenario scenario;
    private final TraceSteps steps;
    private final long lines;
    private final Set<Figure> unrecorded;
    private final boolean flushFromKprobe;
    private final List<String> warnings;
    private final AfterFiles after;
    private final long kvmPageFaults;
    private final long[] kvmRmpFaultLines;
    private final long unattributedLines;

    Recording(String id, String source, HostFile host, Scenario scenario, TraceSteps steps, long lines,
              Set<Figure> unrecorded, boolean flushFromKprobe, List<String> warnings, AfterFiles after,
              long kvmPageFaults, long[] kvmRmpFaultLines, long unattributedLines) {
        this.id = id;
        this.source = source;
        this.host = host;
        this.scenario = scenario;
        this.steps = steps;
        this.lines = lines;
        this.unrecorded = java.util.Collections.unmodifiableSet(unrecorded.isEmpty() ? EnumSet.noneOf(Figure.class)
                : EnumSet.copyOf(unrecorded));
        this.flushFromKprobe = flushFromKprobe;
        this.warnings = List.copyOf(warnings);
        this.after = after;
        this.kvmPageFaults = kvmPageFaults;
        this.kvmRmpFaultLines = kvmRmpFaultLines.clone();
        this.unattributedLines = unattributedLines;
    }

    /** The directory's name, or the built-in recording's name. */
    public String id() {
        return id;
    }

    /** Where it was read from: the directory, or {@code builtin:NAME}. */
    public String source() {
        return source;
    }

    public HostFile host() {
        return host;
    }

    /** The recording as a scenario: run it, export it or compare policies on it like any other. */
    public Scenario scenario() {
        return scenario;
    }

    public TraceSteps steps() {
        return steps;
    }

    /** Lines in trace.txt. */
    public long lines() {
        return lines;
    }

    /** Figures no line of the trace recorded, in {@link Figure} order: not compared (TRACE.md "Validate"). */
    public Set<Figure> unrecorded() {
        return unrecorded;
    }

    /** Whether flush_tlb_all() calls come from the flush_all kprobe (else from do_flush_tlb_all IPI lines). */
    public boolean flushFromKprobe() {
        return flushFromKprobe;
    }

    /** One line each: what the load noticed but could live with. */
    public List<String> warnings() {
        return warnings;
    }

    public AfterFiles after() {
        return after;
    }

    /** kvm_page_fault lines (not replayed). */
    public long kvmPageFaults() {
        return kvmPageFaults;
    }

    /** Lines of the kvm_rmp_fault events (shown with the replay, not replayed). */
    public long[] kvmRmpFaultLines() {
        return kvmRmpFaultLines.clone();
    }

    /** Lines of observed work (set_memory_4k, split, flush_all, flush IPIs) outside any RMP operation's window: not compared. */
    public long unattributedLines() {
        return unattributedLines;
    }
}
