package org.splitscope.scenario.trace;

/**
 * What a replay compares for each step (TRACE.md "Validate"), by the name mismatches and the
 * {@code unrecorded} list use.
 */
public enum Figure {
    /** set_memory_4k() calls (kprobe set_memory_4k; Counter SET_MEMORY_4K_CALLS). */
    SET_MEMORY_4K("set_memory_4k"),
    /** __split_large_page() calls, 1G and 2M alike (kprobe split; vmstat level 2 + level 3 splits). */
    SPLITS("splits"),
    /**
     * flush_tlb_all() calls: the flush_all kprobe; without it, ipi_send_cpumask lines with callback
     * do_flush_tlb_all, i.e. only the calls that sent IPIs (none under 6.18 with INVLPGB, R18).
     */
    FLUSH_TLB_ALL("flush_tlb_all"),
    /** IPIs of per-page range flushes: CPUs in the cpumask of __cpa_flush_tlb / do_kernel_range_flush IPIs. */
    RANGE_FLUSH_IPIS("range_flush_ipis"),
    /** RMP #PFs of a page_fault_kernel step (bit 31 of error_code). */
    RMP_FAULTS("rmp_faults"),
    /** Not-present #PFs of a page_fault_kernel step. */
    NOT_PRESENT_FAULTS("not_present_faults"),
    /** The return value of rmp_make_private/rmp_make_shared/psmash, compared as success (0) or failure. */
    RET("ret");

    private final String id;

    Figure(String id) {
        this.id = id;
    }

    /** The name in mismatches and in {@code unrecorded}. */
    public String id() {
        return id;
    }
}
