package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.tlb.TlbSet;

/**
 * A condition to run forward or backward to. Its parts combine (all must hold): an event of one of
 * {@code kinds}, touching frames in [{@code pfnFrom}, {@code pfnTo}], of guest {@code asid}, on
 * CPU {@code cpu}, at a step after which the number of TLB entries in conflict class
 * {@code tlbClass} (R19) has grown. Unset parts are {@code 0} (kinds, tlbClass) or {@code -1}.
 */
public record Breakpoint(int kinds, long pfnFrom, long pfnTo, int asid, int cpu, int tlbClass) {
    public Breakpoint {
        if (kinds == 0 && pfnFrom < 0 && asid < 0 && cpu < 0 && tlbClass == 0) {
            throw new IllegalArgumentException("a breakpoint needs at least one condition");
        }
    }

    public static Breakpoint onKinds(EventKind... ks) {
        int m = 0;
        for (EventKind k : ks) {
            m |= k.bit();
        }
        return new Breakpoint(m, -1, -1, -1, -1, 0);
    }

    /** Whether any condition is about events (as opposed to only the TLB class). */
    public boolean needsEvent() {
        return kinds != 0 || pfnFrom >= 0 || asid >= 0 || cpu >= 0;
    }

    public boolean matches(SimEvent e) {
        if (kinds != 0 && (kinds & e.kind().bit()) == 0) {
            return false;
        }
        if (pfnFrom >= 0) {
            long p = e.pfn();
            if (p < 0 || p > pfnTo || p + Math.max(1, e.frames()) - 1 < pfnFrom) {
                return false;
            }
        }
        if (asid >= 0 && e.asid() != asid) {
            return false;
        }
        return cpu < 0 || e.cpu() == cpu;
    }

    /** The kinds whose records a search must build (all when the kind is not constrained). */
    public int kindMask() {
        return kinds != 0 ? kinds : -1;
    }

    /**
     * Parses the text users type: kinds (comma-separated ids, e.g. {@code rmp-fault,split}) and
     * {@code pfn=A[-B]}, {@code guest=N}, {@code cpu=N}, {@code tlb=stale|mixed-size|rmp-hazard},
     * separated by spaces. Example: {@code "split pfn=0x40000-0x401ff cpu=1"}.
     */
    public static Breakpoint parse(String text) {
        int kinds = 0;
        long from = -1;
        long to = -1;
        int asid = -1;
        int cpu = -1;
        int tlb = 0;
        for (String tok : text.trim().split("\\s+")) {
            if (tok.isEmpty()) {
                continue;
            }
            int eq = tok.indexOf('=');
            if (eq < 0) {
                for (String k : tok.split(",")) {
                    if (!k.isBlank()) {
                        kinds |= EventKind.parse(k).bit();
                    }
                }
                continue;
            }
            String key = tok.substring(0, eq).toLowerCase(Locale.ROOT);
            String val = tok.substring(eq + 1);
            switch (key) {
                case "pfn" -> {
                    int dash = val.indexOf('-');
                    from = number(dash < 0 ? val : val.substring(0, dash), "pfn");
                    to = dash < 0 ? from : number(val.substring(dash + 1), "pfn");
                    if (to < from) {
                        throw new IllegalArgumentException("pfn range " + val + " ends before it starts");
                    }
                }
                case "guest", "asid" -> asid = (int) within(number(val, key), key, 1, RmpTable.MAX_ASID);
                case "cpu" -> cpu = (int) within(number(val, key), key, 0, MachineSpec.MAX_CPUS - 1);
                case "tlb" -> tlb = switch (val.toLowerCase(Locale.ROOT)) {
                    case "stale" -> TlbSet.STALE;
                    case "mixed-size", "mixed" -> TlbSet.MIXED_SIZE;
                    case "rmp-hazard", "hazard" -> TlbSet.RMP_HAZARD;
                    default -> throw new IllegalArgumentException("unknown TLB conflict class '" + val
                            + "' (stale, mixed-size, rmp-hazard)");
                };
                default -> throw new IllegalArgumentException("unknown breakpoint condition '" + key
                        + "' (use kinds, pfn=, guest=, cpu=, tlb=)");
            }
        }
        return new Breakpoint(kinds, from, to, asid, cpu, tlb);
    }

    /** {@code v} if in [min, max], checked before narrowing (cpu=4294967296 is not cpu 0; issue 14 item 4). */
    private static long within(long v, String what, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + "=" + v + ": must be from " + min + " to " + max);
        }
        return v;
    }

    private static long number(String s, String what) {
        try {
            return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s + "' is not a number");
        }
    }

    /** The condition in the syntax {@link #parse} reads. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (kinds != 0) {
            List<String> ks = new ArrayList<>();
            for (EventKind k : EventKind.values()) {
                if ((kinds & k.bit()) != 0) {
                    ks.add(k.id());
                }
            }
            parts.add(String.join(",", ks));
        }
        if (pfnFrom >= 0) {
            parts.add("pfn=" + Pfns.hex(pfnFrom) + (pfnTo != pfnFrom ? "-" + Pfns.hex(pfnTo) : ""));
        }
        if (asid >= 0) {
            parts.add("guest=" + asid);
        }
        if (cpu >= 0) {
            parts.add("cpu=" + cpu);
        }
        if (tlbClass != 0) {
            parts.add("tlb=" + (tlbClass == TlbSet.STALE ? "stale" : tlbClass == TlbSet.MIXED_SIZE ? "mixed-size" : "rmp-hazard"));
        }
        return String.join(" ", parts);
    }
}
