package org.splitscope.core.workload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.core.guest.GuestSpec;

/**
 * How many steps each item of a scenario expands to, computed from the items and the guests alone,
 * before any machine is built: the same counts {@link StepProgram#expand} gives (a test compares
 * them). A loader uses it to refuse a scenario of more than {@link #MAX} steps at once, with the
 * count (issue 14 item 3: 1,000 workload lines of 10^8 steps are 10^11 steps, days of simulation).
 */
public final class StepCount {
    /** Most steps a scenario may expand to: a 2 TiB host's guests accepting every 4K folio is 5.4 * 10^8. */
    public static final long MAX = 1_000_000_000L;

    private StepCount() {
    }

    /** Steps of each item, in order; an item naming an undeclared guest counts 0 (the loader reports it). */
    public static long[] perItem(List<ProgramItem> items, List<GuestSpec> guests) {
        Map<Integer, GuestSpec> byAsid = new HashMap<>();
        for (GuestSpec g : guests) {
            byAsid.put(g.asid(), g);
        }
        Map<Integer, Long> accepted = new HashMap<>();
        long[] out = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            ProgramItem item = items.get(i);
            out[i] = switch (item) {
                case ProgramItem.Fixed f -> {
                    if (f.step() instanceof Step.Teardown t) {
                        accepted.remove(t.asid());      // a relaunched guest starts afresh (as StepProgram)
                    }
                    yield 1;
                }
                case ProgramItem.Generated g -> switch (g.spec()) {
                    case WorkloadSpec.LazyAccept la -> lazyAccept(la, byAsid, accepted);
                    case WorkloadSpec.Conversions cv -> cv.count();
                    case WorkloadSpec.HostActivity ha -> ha.count();
                };
                case ProgramItem.Recorded r -> r.steps().size();
            };
        }
        return out;
    }

    /** As LazyAcceptBlock: each guest touches min(left, max(1, round(fraction * folios))) folios. */
    private static long lazyAccept(WorkloadSpec.LazyAccept la, Map<Integer, GuestSpec> byAsid, Map<Integer, Long> accepted) {
        long n = 0;
        for (int asid : la.asids()) {
            GuestSpec g = byAsid.get(asid);
            if (g == null) {
                continue;
            }
            long done = accepted.getOrDefault(asid, 0L);
            long c = Math.min(g.folios() - done, Math.max(1, Math.round(la.fraction() * g.folios())));
            accepted.put(asid, done + c);
            n += c;
        }
        return n;
    }

    /** The total, saturating at Long.MAX_VALUE. */
    public static long total(long[] perItem) {
        long t = 0;
        for (long c : perItem) {
            t = c > Long.MAX_VALUE - t ? Long.MAX_VALUE : t + c;
        }
        return t;
    }
}
