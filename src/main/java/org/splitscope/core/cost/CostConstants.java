package org.splitscope.core.cost;

/**
 * The one set of cost constants of the simulation (DOMAIN.md R25), in nanoseconds unless a name
 * says otherwise. Nothing here depends on the policy or on the experiment being reproduced; the
 * only switch, {@link #cpaLockSerializes()}, exists for the "no cpa_lock" what-if and is on in
 * every run that claims to model today's kernel.
 *
 * <p>Each constant carries its source or reason. "Fitted" marks the three constants chosen so that
 * the seed's measurements come out; README "Cost model" says against which rows, and which rows
 * were left out of the fit and still came out right. Everything else is an order-of-magnitude
 * figure for an EPYC host, with its source.
 *
 * @param guestWorkPer4k      the guest's own work per 4 KiB it faults in (the stress worker touching
 *                            the page, the guest's page fault), on the vCPU in parallel with the
 *                            others: ~1 us per 4 KiB, a guest writing memory at a few GB/s per vCPU.
 * @param pscExit             the host side of one page-state change of 2 MiB: the PSC VMGEXIT, the
 *                            exit to userspace and KVM_SET_MEMORY_ATTRIBUTES (xarray update and MMU
 *                            invalidation under kvm->slots_lock and mmu_lock). Fitted: seed table
 *                            S1 presplit-4k, 12.5 GB/s (mean of its two rows). A 4K folio pays 1/512
 *                            of it: one PSC covers the 2 MiB unit the guest accepts.
 * @param npfExit             one private #NPF handled by KVM up to kvm_gmem_get_pfn() (~2 us: exit,
 *                            fault handling, re-entry; SNP guests pay the VMSA save/restore).
 * @param clearBytesPerUs     host page clearing bandwidth of one CPU, bytes per microsecond: clear_page
 *                            with rep stosb on Zen 4 streams ~25 GB/s.
 * @param rmpupdate           one RMPUPDATE (microcoded; AMD quotes microseconds): 1.5 us.
 * @param psmash              one PSMASH (writes 512 RMP entries): 3 us.
 * @param pvalidate4k         one 4K PVALIDATE in the guest: 0.5 us.
 * @param pvalidate2m         one 2M PVALIDATE in the guest: 2 us.
 * @param cpaCall             one change_page_attr call on one page whose PTE is already 4K:
 *                            lookup_address(), the PTE update, cpa_lock and pgd_lock round trips.
 *                            Fitted: seed table S1 invalidate-noflush, 512 calls per 2M folio.
 * @param cpaPerExtraPage     each further page of a multi-page change_page_attr call.
 * @param split               __split_large_page(): allocate a page table and fill 512 entries (~2 us).
 * @param collapse            collapse_large_pages(): check 512 entries, free a page table (~3 us).
 * @param flushLocal          the local part of flush_tlb_all() (a full TLB flush of this CPU), 1 us.
 * @param ipiSendPerTarget    what a flush costs its sender per other CPU: smp_call_function_many()
 *                            queues, sends and waits for each target, and targets running SNP vCPUs
 *                            must exit first. Fitted: the seed's "completely cratered performance"
 *                            for invalidate-flush (it gives no number; we require at most half of
 *                            invalidate-noflush). So a flush grows with the CPU count.
 * @param ipiReceive          what each CPU running a vCPU loses per flush IPI it receives: VM exit,
 *                            handler, VM entry (~2 us).
 * @param flushPagePerPage    one INVLPG of a kernel address, per page, on each CPU (~0.1 us).
 * @param invlpgbFlushAll     flush_tlb_all() under kernel 6.18 on CPUs with INVLPGB (R18):
 *                            invlpgb_flush_all(), one broadcast INVLPGB then TLBSYNC, which waits
 *                            until every CPU has done the invalidation (arch/x86/mm/tlb.c). Rik van
 *                            Riel's series (2025) sends it "without needing to send IPIs, without
 *                            having to wait for remote CPUs to handle those interrupts"; no figure is
 *                            published for one flush, so this is an order-of-magnitude estimate of a
 *                            fabric round trip (~2 us). It is paid by the sender only, and does not
 *                            grow with the CPU count: remote CPUs are not interrupted.
 * @param walk                a page walk on a TLB miss (~60 ns).
 * @param access              a host read or write of one cache line (~10 ns).
 * @param smtSlowdownPermille how much longer work takes on a logical CPU whose SMT sibling is also
 *                            busy: two threads of one Zen core share it at ~1.2x the throughput of
 *                            one, so each runs ~1.65x slower (1650 per mille).
 * @param contextSwitch       switching a logical CPU between two vCPU threads (overcommit), ~3 us.
 * @param cpaLockSerializes   whether change_page_attr calls serialise on cpa_lock (R7); false only for
 *                            the what-if of the RFC that removes it.
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
        long invlpgbFlushAll,
        long walk,
        long access,
        int smtSlowdownPermille,
        long contextSwitch,
        boolean cpaLockSerializes) {

    /** The constants every run uses. */
    public static final CostConstants DEFAULT = new CostConstants(
            1_000,      // guestWorkPer4k
            66_000,     // pscExit, per 2 MiB (fitted: S1 presplit-4k)
            2_000,      // npfExit
            25_000,     // clearBytesPerUs = 25 GB/s
            1_500,      // rmpupdate
            3_000,      // psmash
            500,        // pvalidate4k
            2_000,      // pvalidate2m
            100,        // cpaCall (fitted: S1 invalidate-noflush)
            30,         // cpaPerExtraPage
            2_000,      // split
            3_000,      // collapse
            1_000,      // flushLocal
            500,        // ipiSendPerTarget (fitted: the invalidate-flush crater)
            2_000,      // ipiReceive
            100,        // flushPagePerPage
            2_000,      // invlpgbFlushAll (estimate: one broadcast + TLBSYNC)
            60,         // walk
            10,         // access
            1_650,      // smtSlowdownPermille
            3_000,      // contextSwitch
            true);      // cpaLockSerializes

    /** Time to clear {@code bytes} on one CPU. */
    public long clear(long bytes) {
        return bytes * 1000 / clearBytesPerUs;
    }

    /** The host side of the page-state change that brings {@code bytes} of guest memory in. */
    public long psc(long bytes) {
        return pscExit * bytes / (2L << 20);
    }

    /** The same constants without cpa_lock (what-if). */
    public CostConstants withoutCpaLock() {
        return new CostConstants(guestWorkPer4k, pscExit, npfExit, clearBytesPerUs, rmpupdate, psmash, pvalidate4k,
                pvalidate2m, cpaCall, cpaPerExtraPage, split, collapse, flushLocal, ipiSendPerTarget, ipiReceive,
                flushPagePerPage, invlpgbFlushAll, walk, access, smtSlowdownPermille, contextSwitch, false);
    }
}
