package org.splitscope.core.kernel;

/** Event counters, named as the kernel (vmstat) or the `run --json` output names them. */
public enum Counter {
    RMP_FAULTS("rmp_faults"),
    NOT_PRESENT_FAULTS("not_present_faults"),
    CPA_CALLS("cpa_calls"),
    FLUSH_TLB_ALL("flush_tlb_all"),
    FLUSH_TLB_PAGE("flush_tlb_page"),
    IPIS("ipis"),
    RMPUPDATES("rmpupdates"),
    PSMASH("psmash"),
    REJECTED_ASSIGNMENTS("rejected_assignments"),
    LEVEL2_SPLITS("direct_map_level2_splits"),
    LEVEL3_SPLITS("direct_map_level3_splits"),
    LEVEL2_COLLAPSES("direct_map_level2_collapses"),
    LEVEL3_COLLAPSES("direct_map_level3_collapses"),
    RMPUPDATE_FAILURES("rmpupdate_failures"),
    PVALIDATES("pvalidates"),
    HOST_ACCESSES("host_accesses"),
    TLB_FILLS("tlb_fills"),
    EVENTS("events"),
    /** set_memory_4k() calls (a subset of {@link #CPA_CALLS}; what a recording's kprobe counts). */
    SET_MEMORY_4K_CALLS("set_memory_4k_calls"),
    /** IPIs sent by per-page range flushes only (a subset of {@link #IPIS}). */
    RANGE_FLUSH_IPIS("range_flush_ipis");

    private final String key;

    Counter(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
