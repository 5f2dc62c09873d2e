package org.splitscope.core.event;

import java.util.Locale;

/** The kinds of {@link SimEvent}, with the ids users type for filters and breakpoints. */
public enum EventKind {
    LAUNCH("launch", "guest launched"),
    TEARDOWN("teardown", "guest torn down"),
    PSC("psc", "page state change request"),
    GMEM_PREPARE("gmem-prepare", "gmem prepare"),
    CPA("cpa", "change_page_attr call"),
    SPLIT("split", "direct-map split"),
    COLLAPSE("collapse", "direct-map collapse"),
    PTE("pte", "leaf invalidated or restored"),
    KEEP4K("keep4k", "keep-4K mark"),
    FLUSH_ALL("flush-tlb-all", "flush_tlb_all"),
    FLUSH_RANGE("flush-range", "per-page TLB flush"),
    RMPUPDATE("rmpupdate", "RMPUPDATE"),
    PSMASH("psmash", "PSMASH"),
    PVALIDATE("pvalidate", "PVALIDATE"),
    REJECTED("rejected", "rejected assignment"),
    ACCESS("access", "host access"),
    TLB_FILL("tlb-fill", "TLB fill"),
    RMP_FAULT("rmp-fault", "RMP #PF (oops: RMP violation)"),
    NP_FAULT("np-fault", "not-present #PF (oops)");

    private final String id;
    private final String label;

    EventKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public static EventKind parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (EventKind e : values()) {
            if (e.id.equals(k) || e.name().equalsIgnoreCase(k)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown event kind '" + s + "'");
    }
}
