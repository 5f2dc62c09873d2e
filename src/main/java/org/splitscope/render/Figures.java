package org.splitscope.render;

import java.util.Locale;
import org.splitscope.core.sim.RunSummary;

/** The one-line figures printed under exported pictures and in the app's status bar. */
public final class Figures {
    private Figures() {
    }

    public static String of(RunSummary s) {
        return String.format(Locale.ROOT,
                "DirectMap4k %d kB  2M %d kB  1G %d kB  |  splits 1G %d 2M %d  collapses %d  cpa %d  flush_tlb_all %d"
                        + "  IPIs %d  RMP #PF %d  np #PF %d  stale TLB %d",
                s.directMap4kKb(), s.directMap2mKb(), s.directMap1gKb(), s.level3Splits(), s.level2Splits(),
                s.level2Collapses() + s.level3Collapses(), s.cpaCalls(), s.flushTlbAll(), s.ipis(), s.rmpFaults(),
                s.notPresentFaults(), s.tlbStale());
    }
}
