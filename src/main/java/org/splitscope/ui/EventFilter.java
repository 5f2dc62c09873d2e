package org.splitscope.ui;

import org.splitscope.core.event.SimEvent;

/** What the event log shows: kinds (mask, 0 = all), a guest, a CPU and a frame range (-1 = any). */
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
}
