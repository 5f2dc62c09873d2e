package org.splitscope.core.history;

import org.splitscope.core.event.SimEvent;

/**
 * Which events an event log or its CSV export shows: kinds (a mask of {@code EventKind} bits, 0 =
 * all), a guest, a CPU and a frame range (-1 = any). All given parts must hold.
 */
public record EventFilter(int kinds, int guest, int cpu, long pfnFrom, long pfnTo) {
    public static final EventFilter ALL = new EventFilter(0, -1, -1, -1, -1);

    public boolean matches(SimEvent e) {
        if (kinds != 0 && (kinds & e.kind().bit()) == 0) {
            return false;
        }
        if (guest >= 0 && e.asid() != guest) {
            return false;
        }
        if (cpu >= 0 && e.cpu() != cpu) {
            return false;
        }
        if (pfnFrom >= 0) {
            long p = e.pfn();
            return p >= 0 && p <= pfnTo && p + Math.max(1, e.frames()) - 1 >= pfnFrom;
        }
        return true;
    }

    /**
     * Parses the breakpoint syntax without {@code tlb=}: kinds ({@code rmp-fault,split}) and
     * {@code pfn=A[-B]}, {@code guest=N}, {@code cpu=N}; blank is {@link #ALL}.
     */
    public static EventFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Breakpoint bp = Breakpoint.parse(text);
        if (bp.tlbClass() != 0) {
            throw new IllegalArgumentException("tlb= is a breakpoint condition, not an event filter");
        }
        return new EventFilter(bp.kinds(), bp.asid(), bp.cpu(), bp.pfnFrom(), bp.pfnTo());
    }

    /** The filter in the syntax {@link #parse} reads ("" for all events). */
    public String describe() {
        if (equals(ALL)) {
            return "";
        }
        return new Breakpoint(kinds, pfnFrom, pfnTo, guest, cpu, 0).describe();
    }
}
