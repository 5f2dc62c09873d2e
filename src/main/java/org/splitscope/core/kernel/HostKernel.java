package org.splitscope.core.kernel;

import org.splitscope.core.cost.CostKind;
import org.splitscope.core.cost.CostModel;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.event.AccessPurpose;
import org.splitscope.core.event.CpaKind;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.FlushReason;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.event.Via;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.tlb.TlbSet;

/**
 * The host kernel functions the seed thread argues about, acting on the machine state and
 * emitting {@link SimEvent}s: change_page_attr calls (set_memory_4k, set_direct_map_*_noflush,
 * folio invalidation, collapse) under cpa_lock, splits with their flush_tlb_all, range flushes,
 * rmp_make_private / rmp_make_shared through the {@link Policy} hook, PSMASH, and host reads and
 * writes through each CPU's TLB (DOMAIN.md R6-R9, R12-R18).
 *
 * <p>Every method takes the logical CPU doing the work; its cost is charged to that CPU's clock in
 * the {@link CostModel}. What set_memory_4k() flushes and how flush_tlb_all() reaches the other CPUs
 * depend on the machine's {@link KernelProfile} and INVLPGB (R8, R18, R27).
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class HostKernel {
    /** rmp_make_* result when the policy refused the update. */
    public static final int REJECTED = -1;
    /** tlb_single_page_flush_ceiling (arch/x86/mm/tlb.c). */
    public static final int SINGLE_PAGE_FLUSH_CEILING = 33;

    /** Outcome of a host access. */
    public enum AccessResult { OK, RMP_FAULT, NOT_PRESENT_FAULT }

    private final DirectMap dm;
    private final RmpTable rmp;
    private final TlbSet tlb;
    private final Counters counters;
    private final CostModel cost;
    private final Policy policy;
    private final int cpus;
    private final KernelProfile profile;
    /** flush_tlb_all() is one broadcast INVLPGB + TLBSYNC (6.18 with INVLPGB), else IPIs (R18). */
    private final boolean broadcastFlushAll;
    private EventSink sink = EventSink.NONE;
    private int mask;
    /** The step being executed (its 0-based index), for "not present since" (R28); -1 at boot. */
    private long step = -1;

    public HostKernel(DirectMap dm, RmpTable rmp, TlbSet tlb, Counters counters, CostModel cost, Policy policy,
                      MachineSpec machine) {
        this.dm = dm;
        this.rmp = rmp;
        this.tlb = tlb;
        this.counters = counters;
        this.cost = cost;
        this.policy = policy;
        this.cpus = machine.cpus();
        this.profile = machine.kernel();
        this.broadcastFlushAll = machine.broadcastFlushAll();
    }

    /** Called by the simulation before it executes step {@code index}. */
    public void beginStep(long index) {
        this.step = index;
    }

    public KernelProfile profile() {
        return profile;
    }

    public void setSink(EventSink sink) {
        this.sink = sink;
        this.mask = sink.wants() ? sink.kindMask() : 0;
    }

    public EventSink sink() {
        return sink;
    }

    /** Whether the sink wants records of this kind; callers build a record only then. */
    public boolean on(EventKind kind) {
        return (mask & kind.bit()) != 0;
    }

    /** Events emitted in the current step, added to {@link Counter#EVENTS} by {@link #endStep()}. */
    private long pendingEvents;

    /** Emits an event; callers build the record only when {@link #on(EventKind)} is true. */
    public void emit(SimEvent e) {
        pendingEvents++;
        sink.accept(e);
    }

    /** Counts an event that was not built because nobody wants records. */
    public void countOnly() {
        pendingEvents++;
    }

    /** Counts {@code n} events that were not built because nobody wants records (bulk mode). */
    public void countOnly(long n) {
        pendingEvents += n;
    }

    /** Called at the end of every step (and after boot): settles per-step tallies into the state. */
    public void endStep() {
        if (pendingEvents != 0) {
            counters.add(Counter.EVENTS, pendingEvents);
            pendingEvents = 0;
        }
        counters.settle();
        cost.endStep();
    }

    /** Whether the sink wants any records at all. */
    public boolean wants() {
        return mask != 0;
    }

    public DirectMap directMap() {
        return dm;
    }

    public RmpTable rmp() {
        return rmp;
    }

    public TlbSet tlb() {
        return tlb;
    }

    public Counters counters() {
        return counters;
    }

    public CostModel cost() {
        return cost;
    }

    public Policy policy() {
        return policy;
    }

    public int cpus() {
        return cpus;
    }

    // ---- change_page_attr ------------------------------------------------------------------

    private void cpaBegin(int cpu, CpaKind kind, long pfn, long npages) {
        long wait = cost.lockAcquire(cpu);
        counters.inc(Counter.CPA_CALLS);
        cost.work(cpu, CostKind.CPA, cost.constants().cpaCall()
                + cost.constants().cpaPerExtraPage() * Math.max(0, npages - 1));
        if (on(EventKind.CPA)) {
            emit(new SimEvent.CpaCall(cpu, kind, pfn, npages, wait));
        } else {
            countOnly();
        }
    }

    private void cpaEnd(int cpu) {
        cost.lockRelease(cpu);
    }

    /** Splits whatever large leaves cover {@code pfn} down to 4K (R6); each split flushes all TLBs. */
    private void splitTo4k(int cpu, long pfn) {
        int gig = Pfns.gig(pfn);
        if (dm.gigKind(gig) == DirectMap.LEAF_1G) {
            split1G(cpu, gig);
        }
        int region = Pfns.region(pfn);
        if (dm.regionKind(region) == DirectMap.LEAF_2M) {
            split2M(cpu, region);
        }
    }

    /** __split_large_page() of a 1G leaf: 512 2M leaves, then flush_tlb_all() (R6). */
    private void split1G(int cpu, int gig) {
        dm.split1G(gig);
        counters.inc(Counter.LEVEL3_SPLITS);
        cost.work(cpu, CostKind.SPLIT_COLLAPSE, cost.constants().split());
        if (on(EventKind.SPLIT)) {
            emit(new SimEvent.Split(cpu, Pfns.gigBase(gig), PageSize.G1));
        } else {
            countOnly();
        }
        flushTlbAll(cpu, FlushReason.AFTER_SPLIT);
    }

    /** __split_large_page() of a 2M leaf: 512 PTEs, then flush_tlb_all() (R6). */
    private void split2M(int cpu, int region) {
        dm.split2M(region);
        counters.inc(Counter.LEVEL2_SPLITS);
        cost.work(cpu, CostKind.SPLIT_COLLAPSE, cost.constants().split());
        if (on(EventKind.SPLIT)) {
            emit(new SimEvent.Split(cpu, Pfns.regionBase(region), PageSize.M2));
        } else {
            countOnly();
        }
        flushTlbAll(cpu, FlushReason.AFTER_SPLIT);
    }

    private void splitRangeTo4k(int cpu, long pfn, long npages) {
        long end = pfn + npages;
        for (long p = pfn; p < end; p = Pfns.regionBase(Pfns.region(p)) + Pfns.FRAMES_PER_2M) {
            if (dm.leafSize(p) != PageSize.K4 && dm.leafSize(p) != null) {
                splitTo4k(cpu, p);
            }
        }
    }

    /**
     * set_memory_4k(pfn, n) (R8): split as needed (force_split: even a range that covers a whole
     * large leaf splits it). Under kernel 6.18 it then sets _PAGE_KERNEL_4K ("keep 4K") on each PTE
     * of the range, and when that changed at least one PTE, cpa_flush() flushes the whole range (per
     * page when n <= 33, else flush_tlb_all()); a range already all marked costs only the call.
     * Under 6.8 set_memory_4k() sets no bit, so nothing is flushed beyond the splits' own
     * flush_tlb_all(). {@code markKeep4k} false is split-and-restore's hypothetical split, which
     * never marks and so never flushes a range.
     */
    public void setMemory4k(int cpu, long pfn, long npages, boolean markKeep4k) {
        cpaBegin(cpu, markKeep4k ? CpaKind.SET_MEMORY_4K : CpaKind.SPLIT_NO_KEEP, pfn, npages);
        if (markKeep4k) {
            counters.inc(Counter.SET_MEMORY_4K_CALLS);
        }
        splitRangeTo4k(cpu, pfn, npages);
        long changed = 0;
        if (markKeep4k && profile.marksKeep4k()) {
            changed = dm.markKeep4kRange(pfn, npages);
            if (changed > 0) {
                if (on(EventKind.KEEP4K)) {
                    emit(new SimEvent.Keep4kMarked(pfn, npages));
                } else {
                    countOnly();
                }
            }
        }
        cpaEnd(cpu);
        if (changed > 0) {
            flushRange(cpu, pfn, npages);
        }
    }

    /** set_direct_map_invalid_noflush(pfn) (R8): split down to 4K, mark the PTE not present; no flush. */
    public void setDirectMapInvalidNoflush(int cpu, long pfn) {
        cpaBegin(cpu, CpaKind.INVALID_NOFLUSH, pfn, 1);
        if (dm.isRam(pfn)) {
            // a hole has no PTE: __cpa_process_fault() ignores it ("the kernel identity mapping ... is
            // expected to have holes"), so the call costs only itself
            splitTo4k(cpu, pfn);
            setPresent(cpu, pfn, false);
        }
        cpaEnd(cpu);
    }

    /** set_direct_map_default_noflush(pfn) (R8): the PTE is present again (and stays 4K). */
    public void setDirectMapDefaultNoflush(int cpu, long pfn) {
        cpaBegin(cpu, CpaKind.DEFAULT_NOFLUSH, pfn, 1);
        if (dm.frameState(pfn) == DirectMap.PTE_NOT_PRESENT) {
            setPresent(cpu, pfn, true);
        }
        cpaEnd(cpu);
    }

    /**
     * set_direct_map_valid_noflush(pfn, n, valid) (R8, R28): one change_page_attr call over n frames
     * that marks them present or not present. It walks the range as __change_page_attr() does: a
     * large leaf already in the requested state is left alone whatever the range covers of it
     * (__should_split_large_page(): "if (pgprot_val(req_prot) == pgprot_val(old_prot)) ... return 0");
     * a whole aligned 1G or 2M leaf inside what is left of the range is changed in place and keeps
     * its size ("All checks passed. Update the large page mapping"); a large leaf the range covers only
     * in part is split first (with its flush). Makes no flush; callers flush.
     */
    public void setDirectMapValidNoflush(int cpu, long pfn, long npages, boolean valid) {
        cpaBegin(cpu, CpaKind.VALID_NOFLUSH_RANGE, pfn, npages);
        long end = pfn + npages;
        long p = pfn;
        while (p < end) {
            int gig = Pfns.gig(p);
            if (dm.gigKind(gig) == DirectMap.LEAF_1G) {
                if (dm.gigLeafPresent(gig) == valid) {
                    p = Pfns.gigBase(gig) + Pfns.FRAMES_PER_1G;           // same protections: nothing to do
                    continue;
                }
                if (p == Pfns.gigBase(gig) && end - p >= Pfns.FRAMES_PER_1G) {
                    if (dm.gigLeafPresent(gig) != valid) {
                        dm.setLeafPresent1g(gig, valid, step);
                        leafChanged(cpu, p, PageSize.G1, valid);
                    }
                    p += Pfns.FRAMES_PER_1G;
                    continue;
                }
                split1G(cpu, gig);
            }
            int region = Pfns.region(p);
            long regionEnd = Pfns.regionBase(region) + Pfns.FRAMES_PER_2M;
            byte kind = dm.regionKind(region);
            if (kind == DirectMap.LEAF_2M) {
                if (dm.regionLeafPresent(region) == valid) {
                    p = regionEnd;                                         // same protections
                    continue;
                }
                if (p == Pfns.regionBase(region) && end >= regionEnd) {
                    if (dm.regionLeafPresent(region) != valid) {
                        dm.setLeafPresent2m(region, valid, step);
                        leafChanged(cpu, p, PageSize.M2, valid);
                    }
                    p = regionEnd;
                    continue;
                }
                split2M(cpu, region);
                kind = DirectMap.TABLE;
            }
            long stop = Math.min(end, regionEnd);
            if (kind == DirectMap.TABLE) {
                for (; p < stop; p++) {
                    int st = dm.frameState(p);
                    if (valid ? st == DirectMap.PTE_NOT_PRESENT : st == DirectMap.PTE_PRESENT) {
                        setPresent(cpu, p, valid);
                    }
                }
            }
            p = stop;
        }
        cpaEnd(cpu);
    }

    private void setPresent(int cpu, long pfn, boolean present) {
        dm.setPresent(pfn, present);
        leafChanged(cpu, pfn, PageSize.K4, present);
    }

    private void leafChanged(int cpu, long base, PageSize size, boolean present) {
        if (on(EventKind.PTE)) {
            emit(new SimEvent.PteChange(cpu, base, size, present));
        } else {
            countOnly();
        }
    }

    /**
     * A change_page_attr call that collapses the region of {@code pfn} back into a 2M leaf, and then
     * its 1G region into a 1G leaf, where R9 allows it (cpa_collapse_large_pages() ->
     * collapse_large_pages(): collapse_pmd_page(), then collapse_pud_page()). One flush_tlb_all()
     * follows all the collapses of the call, after the lock is dropped. Returns whether anything
     * collapsed; a call that collapses nothing still costs the call.
     */
    public boolean collapse(int cpu, long pfn) {
        int region = Pfns.region(pfn);
        cpaBegin(cpu, CpaKind.COLLAPSE, Pfns.regionBase(region), Pfns.FRAMES_PER_2M);
        boolean collapsed = false;
        if (dm.canCollapse2M(region)) {
            dm.collapse2M(region);
            collapsed = true;
            counters.inc(Counter.LEVEL2_COLLAPSES);
            cost.work(cpu, CostKind.SPLIT_COLLAPSE, cost.constants().collapse());
            if (on(EventKind.COLLAPSE)) {
                emit(new SimEvent.Collapse(cpu, Pfns.regionBase(region), PageSize.M2));
            } else {
                countOnly();
            }
            int gig = Pfns.gigOfRegion(region);
            if (dm.canCollapse1G(gig)) {
                dm.collapse1G(gig);
                counters.inc(Counter.LEVEL3_COLLAPSES);
                cost.work(cpu, CostKind.SPLIT_COLLAPSE, cost.constants().collapse());
                if (on(EventKind.COLLAPSE)) {
                    emit(new SimEvent.Collapse(cpu, Pfns.gigBase(gig), PageSize.G1));
                } else {
                    countOnly();
                }
            }
        }
        cpaEnd(cpu);
        if (collapsed) {
            flushTlbAll(cpu, FlushReason.AFTER_COLLAPSE);
        }
        return collapsed;
    }

    // ---- TLB flushes -----------------------------------------------------------------------

    /**
     * flush_tlb_all() (R18, arch/x86/mm/tlb.c): every CPU's TLB emptied. Under kernel 6.8, or on CPUs
     * without INVLPGB, on_each_cpu(do_flush_tlb_all): one IPI per other CPU, each of which the
     * receivers pay for. Under 6.18 with INVLPGB, invlpgb_flush_all(): one broadcast INVLPGB +
     * TLBSYNC paid by the sender alone, and no IPI.
     */
    public void flushTlbAll(int cpu, FlushReason reason) {
        int dropped = on(EventKind.FLUSH_ALL) ? tlb.liveEntries() : 0;
        tlb.flushAll();
        counters.inc(Counter.FLUSH_TLB_ALL);
        int ipis = broadcastFlushAll ? 0 : cpus - 1;
        if (broadcastFlushAll) {
            cost.work(cpu, CostKind.FLUSH_SEND, cost.constants().invlpgbFlushAll());
        } else {
            counters.add(Counter.IPIS, ipis);
            cost.broadcast(cpu, cost.constants().flushLocal(), cost.constants().ipiReceive());
        }
        if (on(EventKind.FLUSH_ALL)) {
            emit(new SimEvent.FlushTlbAll(cpu, reason, ipis, dropped, broadcastFlushAll));
        } else {
            countOnly();
        }
    }

    /**
     * Flushes a range as cpa_flush() does (R8): one on_each_cpu(__cpa_flush_tlb) that flushes each
     * page when {@code npages <= 33} (IPIs under both kernel profiles, as DOMAIN.md R18 says), else
     * flush_tlb_all(). The guest_memfd series flushes with flush_tlb_kernel_range(), which on 6.18
     * with INVLPGB would broadcast instead; DOMAIN.md's gmem-no-direct-map row asks for this flush.
     */
    public void flushRange(int cpu, long pfn, long npages) {
        if (npages > SINGLE_PAGE_FLUSH_CEILING) {
            flushTlbAll(cpu, FlushReason.RANGE);
            return;
        }
        int dropped = 0;
        for (long p = pfn; p < pfn + npages; p++) {
            dropped += tlb.flushPage(p);
        }
        counters.add(Counter.FLUSH_TLB_PAGE, npages);
        counters.add(Counter.IPIS, cpus - 1);
        counters.add(Counter.RANGE_FLUSH_IPIS, cpus - 1);
        long perPage = cost.constants().flushPagePerPage() * npages;
        cost.broadcast(cpu, perPage, cost.constants().ipiReceive() + perPage);
        if (on(EventKind.FLUSH_RANGE)) {
            emit(new SimEvent.FlushTlbRange(cpu, pfn, npages, cpus - 1, dropped));
        } else {
            countOnly();
        }
    }

    // ---- RMP -------------------------------------------------------------------------------

    /** rmp_make_private (R12): the policy hook, then RMPUPDATE. Returns its status or {@link #REJECTED}. */
    public int rmpMakePrivate(int cpu, long pfn, PageSize level, int asid, long gfn, PageSize folio) {
        return rmpChange(new RmpRequest(cpu, pfn, level, true, asid, folio), gfn);
    }

    /** rmp_make_shared (R12): the policy hook, then RMPUPDATE. */
    public int rmpMakeShared(int cpu, long pfn, PageSize level, int asid, PageSize folio) {
        return rmpChange(new RmpRequest(cpu, pfn, level, false, asid, folio), 0);
    }

    private int rmpChange(RmpRequest req, long gfn) {
        int cpu = req.cpu();
        if (!policy.beforeRmpUpdate(this, req)) {
            counters.inc(Counter.REJECTED_ASSIGNMENTS);
            if (on(EventKind.REJECTED)) {
                emit(new SimEvent.AssignmentRejected(req.asid(), req.pfn(), req.level(), policy.id()));
            } else {
                countOnly();
            }
            return REJECTED;
        }
        int status = rmp.rmpupdate(req.pfn(), req.level(), req.assign(), req.asid(), gfn, false);
        counters.inc(Counter.RMPUPDATES);
        if (status != RmpTable.SUCCESS) {
            counters.inc(Counter.RMPUPDATE_FAILURES);
        }
        cost.work(cpu, CostKind.RMP_INSTR, cost.constants().rmpupdate());
        if (on(EventKind.RMPUPDATE)) {
            emit(new SimEvent.RmpUpdate(cpu, req.pfn(), req.level(), req.assign(), req.asid(),
                    gfn * Pfns.FRAME_BYTES, status, rmp.failureReason(req.pfn(), req.level(), status)));
        } else {
            countOnly();
        }
        policy.afterRmpUpdate(this, req, status);
        return status;
    }

    /**
     * Guest teardown of one region: rmp_make_shared at 4K of every frame of the region the guest
     * owns. When the policy's hook provably does nothing for these releases and every entry is a
     * plain linear 4K entry of the guest, the entries are released in one go with exactly the
     * effects (state, counters, time, events in order) of releasing them one by one; otherwise one by
     * one. Returns the frames released.
     */
    public int releaseRegion4k(int cpu, int region, int asid, PageSize folio) {
        if (rmp.canReleaseAll4k(region, asid) && policy.releaseNeedsNoHook(this, region)) {
            long[] frames = on(EventKind.RMPUPDATE) ? rmp.assigned4kFrames(region) : null;
            int n = rmp.releaseAll4k(region);
            counters.add(Counter.RMPUPDATES, n);
            cost.work(cpu, CostKind.RMP_INSTR, cost.constants().rmpupdate() * n);
            if (frames != null) {
                for (long f : frames) {
                    emit(new SimEvent.RmpUpdate(cpu, f, PageSize.K4, false, asid, 0, RmpTable.SUCCESS));
                }
            } else {
                pendingEvents += n;
            }
            long last = Pfns.regionBase(region) + Pfns.FRAMES_PER_2M - 1;
            policy.afterRmpUpdate(this, new RmpRequest(cpu, last, PageSize.K4, false, asid, folio), RmpTable.SUCCESS);
            return n;
        }
        int owner = rmp.regionAsid(region);
        if (owner != asid && owner != -1) {
            return 0;                                  // the region's frames all belong to someone else
        }
        int n = 0;
        long base = Pfns.regionBase(region);
        for (long f = rmp.nextAssigned(region, base); f >= 0; f = rmp.nextAssigned(region, f + 1)) {
            if (rmp.asid(f) == asid) {
                rmpMakeShared(cpu, f, PageSize.K4, asid, folio);
                n++;
            }
        }
        return n;
    }

    /** PSMASH (R13). */
    public int psmash(int cpu, long pfn) {
        int status = rmp.psmash(pfn);
        counters.inc(Counter.PSMASH);
        cost.work(cpu, CostKind.RMP_INSTR, cost.constants().psmash());
        if (on(EventKind.PSMASH)) {
            emit(new SimEvent.Psmash(cpu, pfn, status));
        } else {
            countOnly();
        }
        return status;
    }

    // ---- host accesses ---------------------------------------------------------------------

    /**
     * A host read or write (R15-R17): translate through this CPU's TLB, else walk and fill; a
     * not-present walk raises a not-present #PF; a write is RMP-checked at the size of the
     * translation used (4K: the frame; 2M or 1G: the frame's 2M region).
     */
    public AccessResult hostAccess(int cpu, long pfn, boolean write, AccessPurpose purpose) {
        counters.inc(Counter.HOST_ACCESSES);
        cost.work(cpu, CostKind.HOST_ACCESS, cost.constants().access());
        PageSize size = tlb.lookup(cpu, pfn);
        Via via = Via.TLB;
        boolean stale = false;
        if (size == null) {
            via = Via.WALK;
            cost.work(cpu, CostKind.HOST_ACCESS, cost.constants().walk());
            int state = dm.frameState(pfn);
            if (!DirectMap.isPresentState(state)) {
                // R16, R28: no leaf (a hole), a not-present PTE, or a whole 2M/1G leaf made not present
                counters.inc(Counter.NOT_PRESENT_FAULTS);
                if (on(EventKind.ACCESS)) {
                    emit(new SimEvent.HostAccess(cpu, pfn, write, via, null, false, purpose));
                } else {
                    countOnly();
                }
                if (on(EventKind.NP_FAULT)) {
                    PageSize leaf = state == DirectMap.HOLE ? null : state == DirectMap.PTE_NOT_PRESENT ? PageSize.K4
                            : state == DirectMap.IN_2M_NOT_PRESENT ? PageSize.M2 : PageSize.G1;
                    emit(new SimEvent.NotPresentFault(cpu, pfn, write, leaf, leaf == null ? pfn : leaf.base(pfn)));
                } else {
                    countOnly();
                }
                return AccessResult.NOT_PRESENT_FAULT;
            }
            size = state == DirectMap.PTE_PRESENT ? PageSize.K4 : state == DirectMap.IN_2M ? PageSize.M2 : PageSize.G1;
            long evicted = tlb.fill(cpu, size, pfn);
            counters.inc(Counter.TLB_FILLS);
            if (on(EventKind.ACCESS)) {
                emit(new SimEvent.HostAccess(cpu, pfn, write, via, size, false, purpose));
            } else {
                countOnly();
            }
            if (on(EventKind.TLB_FILL)) {
                emit(new SimEvent.TlbFill(cpu, size.base(pfn), size, evicted));
            } else {
                countOnly();
            }
        } else {
            stale = tlb.stale(size, size.base(pfn));
            if (on(EventKind.ACCESS)) {
                emit(new SimEvent.HostAccess(cpu, pfn, write, via, size, stale, purpose));
            } else {
                countOnly();
            }
        }
        if (!write) {
            return AccessResult.OK;                       // R17: reads are never RMP-checked
        }
        boolean fault = size == PageSize.K4 ? rmp.assigned(pfn) : rmp.anyAssigned(Pfns.region(pfn));
        if (!fault) {
            return AccessResult.OK;
        }
        counters.inc(Counter.RMP_FAULTS);
        if (on(EventKind.RMP_FAULT)) {
            int region = Pfns.region(pfn);
            long first = size == PageSize.K4 ? pfn : rmp.nextAssigned(region, Pfns.regionBase(region));
            int count = size == PageSize.K4 ? 1 : rmp.assignedFramesIn(region);
            emit(new SimEvent.RmpFault(cpu, pfn, via, size, stale, size.base(pfn), first, count, rmp.asid(first)));
        } else {
            countOnly();
        }
        return AccessResult.RMP_FAULT;
    }
}
