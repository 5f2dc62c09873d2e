package org.splitscope.render;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;

/**
 * What a step came to under the run's policy, in a few words ("RMP #PF (oops: ...)", "split 2M,
 * flush_tlb_all, RMPUPDATE; no fault"): captions are written once for every policy, so the app's step
 * line and an exported picture add this. Also the names shown for the two fault kinds, which end in
 * page_fault_oops() (DOMAIN.md R16), the RMP #PF being what the thread calls the host crash. Immutable.
 */
public final class StepOutcome {
    /** An RMP #PF, as SplitScope names it (step outcome, event log, legend). */
    public static final String RMP_FAULT = "RMP #PF (oops: RMP violation; the thread's host crash)";
    /** A not-present #PF, as SplitScope names it. */
    public static final String NP_FAULT = "not-present #PF (oops)";

    private StepOutcome() {
    }

    /** The name shown for events of kind {@code k}. */
    public static String label(EventKind k) {
        return switch (k) {
            case RMP_FAULT -> RMP_FAULT;
            case NP_FAULT -> NP_FAULT;
            default -> k.label();
        };
    }

    /** What a step with these events came to: faults and refusals first, then the work in its order. */
    public static String of(List<SimEvent> events) {
        EnumMap<EventKind, Integer> n = new EnumMap<>(EventKind.class);
        LinkedHashSet<EventKind> order = new LinkedHashSet<>();
        for (SimEvent e : events) {
            n.merge(e.kind(), 1, Integer::sum);
            order.add(e.kind());
        }
        List<EventKind> kinds = new ArrayList<>(List.of(EventKind.RMP_FAULT, EventKind.NP_FAULT, EventKind.REJECTED));
        for (EventKind k : order) {
            if (k == EventKind.SPLIT || k == EventKind.COLLAPSE || k == EventKind.FLUSH_ALL || k == EventKind.FLUSH_RANGE
                    || k == EventKind.PSMASH || k == EventKind.RMPUPDATE) {
                kinds.add(k);
            }
        }
        List<String> parts = new ArrayList<>();
        for (EventKind k : kinds) {
            Integer c = n.get(k);
            if (c != null) {
                parts.add((c > 1 ? c + " x " : "") + label(k));
            }
        }
        if (n.containsKey(EventKind.RMP_FAULT) || n.containsKey(EventKind.NP_FAULT)) {
            return String.join(", ", parts);
        }
        return parts.isEmpty() ? "no fault" : String.join(", ", parts) + "; no fault";
    }
}
