package org.splitscope.core.cost;

/**
 * The one set of cost constants of the simulation (DOMAIN.md R25), in nanoseconds unless a name
 * says otherwise. Nothing here depends on the policy or on the experiment being reproduced.
 *
 * <p>Each constant carries its source or reason. "Fitted" means the value was chosen so that the
 * seed's measurements come out (README "Cost model" says against which rows); everything else is
 * an order-of-magnitude figure for an EPYC host from the source named.
 *
 * @param guestWorkPer4k      the guest's own work per 4 KiB it faults in: the stress worker's page
 *                            faults in the guest, zeroing and bookkeeping, excluding everything the
 *                            host does. Fitted: seed table S1 presplit-4k, 12.5 GB/s over 128 vCPUs.
 * @param pscExit             one Page State Change VMGEXIT round trip, including the exit to
 *                            userspace and KVM_SET_MEMORY_ATTRIBUTES (SNP GHCB spec; KVM).
 * @param npfExit             one private #NPF handled by KVM up to kvm_gmem_get_pfn().
 * @param clearBytesPerUs     host page clearing bandwidth of one CPU (clear_page with rep stosb),
 *                            bytes per microsecond: ~10 GB/s per core on Zen 3/4.
 * @param rmpupdate           one RMPUPDATE instruction (microcoded, checks and writes RMP entries).
 * @param psmash              one PSMASH (writes 512 RMP entries).
 * @param pvalidate4k         one 4K PVALIDATE executed by the guest.
 * @param pvalidate2m         one 2M PVALIDATE executed by the guest.
 * @param cpaCall             one change_page_attr call on one page: lookup_address(), pte update,
 *                            cpa_lock and pgd_lock round trips. Fitted: seed table S1
 *                            invalidate-noflush (512 calls per 2M folio under one global lock).
 * @param cpaPerExtraPage     each further page of a multi-page change_page_attr call.
 * @param split               __split_large_page(): allocate a page table and fill 512 entries.
 * @param collapse            collapse_large_pages(): check 512 entries and free a page table.
 * @param flushLocal          the local part of flush_tlb_all() (a full flush of this CPU).
 * @param ipiSendPerTarget    smp_call_function_many(): queue, send and wait for one target CPU;
 *                            the sender pays it for every other CPU (so flush cost grows with CPUs).
 * @param ipiReceive          what each CPU running a vCPU loses per flush IPI it receives: VM exit,
 *                            handler, VM entry, and refilling the TLB entries the flush dropped.
 * @param flushPagePerPage    one INVLPG of a kernel address, per page, on each CPU.
 * @param walk                a page walk on a TLB miss.
 * @param access              a host read or write of one cache line.
 * @param smtSlowdownPermille how much longer work takes on a logical CPU whose SMT sibling is also
 *                            busy, in per mille (EPYC SMT2: ~1.6x per thread at full load).
 * @param contextSwitch       switching a logical CPU between two vCPU threads (overcommit).
 */
public record CostConstants(
        long guestWorkPer4k,
        long pscExit,
        long npfExit,
        long clearBytesPerUs,
        long rmpupdate,
        long psmash,
        long pvalidate4k,
        long pvalidate2m,
        long cpaCall,
        long cpaPerExtraPage,
        long split,
        long collapse,
        long flushLocal,
        long ipiSendPerTarget,
        long ipiReceive,
        long flushPagePerPage,
        long walk,
        long access,
        int smtSlowdownPermille,
        long contextSwitch) {

    /** The constants every run uses. */
    public static final CostConstants DEFAULT = new CostConstants(
            37_000,     // guestWorkPer4k (fitted, S1 presplit-4k)
            20_000,     // pscExit
            3_000,      // npfExit
            10_000,     // clearBytesPerUs = 10 GB/s
            1_200,      // rmpupdate
            3_000,      // psmash
            400,        // pvalidate4k
            2_000,      // pvalidate2m
            480,        // cpaCall (fitted, S1 invalidate-noflush)
            30,         // cpaPerExtraPage
            2_000,      // split
            3_000,      // collapse
            1_000,      // flushLocal
            150,        // ipiSendPerTarget
            2_000,      // ipiReceive
            100,        // flushPagePerPage
            60,         // walk
            10,         // access
            1_650,      // smtSlowdownPermille
            3_000);     // contextSwitch

    /** Time to clear {@code bytes} on one CPU. */
    public long clear(long bytes) {
        return bytes * 1000 / clearBytesPerUs;
    }
}
