package org.splitscope.core.sim;

import org.splitscope.core.cost.BulkCost;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.cost.CostKind;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.directmap.PteRuns;
import org.splitscope.core.guest.GuestPlacement;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.kernel.CpaRuns;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.RmpRequest;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpRuns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.core.workload.AcceptCursor;

/**
 * Lazy acceptance (R20) in bulk mode: the accept steps of a lazy-accept workload, in their order,
 * each with exactly the effects of {@code StepExecutor.accept} (the specification), settled without
 * building a step record, an event record or a per-charge journal write:
 *
 * <ul>
 *   <li>time: the step path's charges in its order, in locals ({@link BulkCost}): the vCPU's CPU,
 *       the guest's serial section and cpa_lock are read and written in step order, so the
 *       interleaving of guests and vCPUs is the step path's (R24, R25);</li>
 *   <li>the page clear: a write through a present 4K PTE that no TLB entry covers is a miss and a
 *       4K fill, deferred in the TLB ({@link org.splitscope.core.tlb.TlbBulk}); any other translation goes
 *       through the real TLB, after checking that it neither faults nor finds no leaf;</li>
 *   <li>the direct-map hook: nothing when the policy says {@link BulkHook#NONE}; per-page
 *       change_page_attr calls in closed form ({@link CpaRuns}); anything else through the kernel as
 *       the step path calls it;</li>
 *   <li>RMPUPDATE and PVALIDATE of a 4K-folio guest: consecutive frames of one region join a run
 *       written in one pass ({@link RmpRuns}); anything else through the RMP table;</li>
 *   <li>counters and event counts: tallied and added by {@link #flush}.</li>
 * </ul>
 *
 * A step it cannot settle (a guest not launched yet, a page clear that would fault or find no leaf)
 * is left to the step path: {@link #step} then returns false having changed nothing.
 *
 * <p>Threading: confined to the simulation thread.
 */
final class BulkAccept {
    private final Simulation sim;
    private final HostKernel k;
    private final RmpTable rmp;
    private final RmpRuns rmpRuns;
    private final DirectMap dm;
    private final PteRuns ptes;
    private final TlbSet tlb;
    private final BulkCost cost;
    private final CpaRuns cpaRuns;
    private final CostConstants c;
    private final BulkGuest[] byAsid = new BulkGuest[RmpTable.MAX_ASID + 1];
    private BulkGuest[] active = new BulkGuest[0];
    private long events;
    private long hostAccesses;
    private long tlbFills;
    private long rmpupdates;
    private long rmpupdateFailures;
    private long pvalidates;

    BulkAccept(Simulation sim, BulkCost cost) {
        this.sim = sim;
        this.k = sim.kernel();
        this.rmp = sim.rmp();
        this.rmpRuns = new RmpRuns(rmp);
        this.dm = sim.directMap();
        this.ptes = new PteRuns(dm);
        this.tlb = sim.tlb();
        this.cost = cost;
        this.cpaRuns = new CpaRuns(k);
        this.c = sim.cost().constants();
    }

    /** The guest's bulk-mode facts (also used by {@link BulkWindow}). */
    BulkGuest guest(GuestSpec spec) {
        BulkGuest g = byAsid[spec.asid()];
        if (g == null) {
            g = new BulkGuest(sim, spec, c);
            byAsid[spec.asid()] = g;
            active = java.util.Arrays.copyOf(active, active.length + 1);
            active[active.length - 1] = g;
        }
        return g;
    }

    /**
     * Settles the step the cursor is at, as the step path would run it, and returns true; or returns
     * false, having changed nothing, when the step must take the step path.
     */
    boolean step(AcceptCursor cur) {
        BulkGuest g = guest(cur.guest());
        if (!sim.launched(g.asid)) {
            return false;                                 // the launch (policy hook, clock sync) is the step path's
        }
        int vcpu = cur.vcpu();
        int cpu = g.cpuOfVcpu[vcpu];
        long gfn = cur.folio() * g.folioFrames;
        long pfn = g.hostFrame(gfn);
        boolean assigned = rmp.anyAssigned(Pfns.region(pfn)) && rmp.assigned(pfn);
        boolean deferredFill = false;
        PageSize walkTo = null;
        if (!assigned) {
            // the page clear (R15, R17): gmem prepare zeroes the folio through the direct map
            if (ptes.presentPteInRamRegion(pfn) && tlb.bulk().deferMissFill4k(cpu, pfn)) {
                deferredFill = true;
            } else {
                flushRuns();                              // the fault check reads the region's RMP
                PageSize held = heldSize(cpu, pfn);
                if (held == null) {
                    int state = dm.frameState(pfn);
                    if (!DirectMap.isPresentState(state)) {
                        return false;                     // a not-present #PF: the step path's
                    }
                    walkTo = state == DirectMap.PTE_PRESENT ? PageSize.K4
                            : state == DirectMap.IN_2M ? PageSize.M2 : PageSize.G1;
                }
                PageSize via = held != null ? held : walkTo;
                if (via == PageSize.K4 ? rmp.assigned(pfn) : rmp.anyAssigned(Pfns.region(pfn))) {
                    return false;                         // an RMP #PF: the step path's
                }
            }
        }
        long index = cur.index();
        int gi = g.index;
        long t = cost.begin(cpu, g.vcpuKeyBase + vcpu);
        cost.acceptBegin(t);
        t = cost.work(cpu, t, CostKind.GUEST_WORK, g.guestWorkNs);
        t = cost.guestEnter(gi, t);
        events++;                                         // PageStateChange
        t = cost.work(cpu, t, CostKind.EXITS, g.exitNs);
        if (assigned) {                                   // already private (converted earlier)
            cost.guestLeave(gi, t);
            cost.acceptEnd(t, 0);
            cost.end(cpu, t);
            return true;
        }
        // gmem prepare (R14): private at 2M when the folio is 2M and its region wholly shared
        boolean whole2m = g.folio == PageSize.M2 && !rmp.anyAssigned(Pfns.region(pfn));
        PageSize level = whole2m ? PageSize.M2 : PageSize.K4;
        long at = whole2m ? PageSize.M2.base(pfn) : pfn;
        long atGfn = whole2m ? PageSize.M2.base(gfn) : gfn;
        hostAccesses++;
        t = cost.work(cpu, t, CostKind.HOST_ACCESS, c.access());
        if (deferredFill) {
            t = cost.work(cpu, t, CostKind.HOST_ACCESS, c.walk());
            tlbFills++;
            events += 2;                                  // HostAccess, TlbFill
        } else if (tlb.lookup(cpu, pfn) == null) {
            t = cost.work(cpu, t, CostKind.HOST_ACCESS, c.walk());
            tlb.fill(cpu, walkTo, pfn);
            tlbFills++;
            events += 2;
        } else {
            events++;                                     // HostAccess through a TLB entry
        }
        t = cost.work(cpu, t, CostKind.PAGE_CLEAR, g.clearNs);
        events++;                                         // GmemPrepare
        int status;
        boolean inRun = false;
        RmpRequest req = new RmpRequest(cpu, at, level, true, g.asid, g.folio);
        BulkHook hook = k.policy().bulkHook(k, req);
        if (hook == BulkHook.OTHER) {
            flushRuns();
            cost.sync(cpu, t);
            atStep(index);
            status = k.rmpMakePrivate(cpu, at, level, g.asid, atGfn, g.folio);
            t = cost.resume(cpu);
        } else {
            if (hook != BulkHook.NONE) {
                cost.sync(cpu, t);
                atStep(index);
                cpaRuns.run(hook, req);
                t = cost.resume(cpu);
            }
            inRun = level == PageSize.K4 && g.folioFrames == 1 && joinRun(g, at, atGfn);
            if (inRun) {
                status = RmpTable.SUCCESS;
            } else {
                flushRuns();
                status = rmp.rmpupdate(at, level, true, g.asid, atGfn, false);
            }
            rmpupdates++;
            if (status != RmpTable.SUCCESS) {
                rmpupdateFailures++;
            }
            t = cost.work(cpu, t, CostKind.RMP_INSTR, c.rmpupdate());
            events++;                                     // RmpUpdate
        }
        cost.guestLeave(gi, t);
        int validated = RmpTable.FAIL_INPUT;
        if (status == RmpTable.SUCCESS) {
            validated = inRun ? RmpTable.SUCCESS : rmp.pvalidate(at, level, true);
            pvalidates++;
            t = cost.work(cpu, t, CostKind.RMP_INSTR, level == PageSize.M2 ? c.pvalidate2m() : c.pvalidate4k());
            events++;                                     // PValidate
        }
        cost.acceptEnd(t, validated == RmpTable.SUCCESS ? g.folioBytes : 0);
        cost.end(cpu, t);
        return true;
    }

    /** Before real kernel code runs inside a bulk step: the kernel and event sinks see that step's position. */
    private void atStep(long index) {
        sim.setPosition(index);
        k.beginStep(index);
    }

    /** The size of the entry {@link TlbSet#lookup} would hit for this CPU and frame, without touching it; null on a miss. */
    private PageSize heldSize(int cpu, long pfn) {
        for (PageSize s : PageSize.values()) {
            if (tlb.holds(cpu, s, pfn)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Adds a 4K assignment to the guest's run when it continues it (next frame, next guest frame,
     * same region) or can start one; returns false when it must be an RMPUPDATE of its own.
     */
    private boolean joinRun(BulkGuest g, long pfn, long gfn) {
        if (g.runLen > 0 && g.runPfn + g.runLen == pfn && g.runGfn + g.runLen == gfn
                && Pfns.region(pfn) == Pfns.region(g.runPfn) && rmpRuns.canExtend(pfn)) {
            g.runLen++;
            return true;
        }
        flushRun(g);
        if (!rmpRuns.canAssign4kLinear(pfn, g.asid, gfn)) {
            return false;
        }
        g.runPfn = pfn;
        g.runGfn = gfn;
        g.runLen = 1;
        return true;
    }

    private void flushRun(BulkGuest g) {
        if (g.runLen > 0) {
            rmpRuns.assignValidated4k(g.runPfn, g.runLen, g.asid, g.runGfn);
            g.runLen = 0;
        }
    }

    /** Counts {@code n} plain steps settled by {@link BulkWindow}: each is one of everything a plain accept does. */
    void countPlain(long n) {
        hostAccesses += n;
        tlbFills += n;
        rmpupdates += n;
        pvalidates += n;
        events += 6 * n;                                  // PSC, access, TLB fill, gmem prepare, RMPUPDATE, PVALIDATE
    }

    /** Writes the guests' runs of private frames (before anything else reads or writes their regions). */
    void flushRuns() {
        for (BulkGuest g : active) {
            flushRun(g);
        }
    }

    /** Writes every run and tally into the state: before the step path runs a step, and at the end. */
    void flush() {
        if (events == 0) {
            return;                                       // every settled step counts an event: nothing to write
        }
        flushRuns();
        cost.flush();
        k.counters().add(Counter.EVENTS, events);
        k.counters().add(Counter.HOST_ACCESSES, hostAccesses);
        k.counters().add(Counter.TLB_FILLS, tlbFills);
        k.counters().add(Counter.RMPUPDATES, rmpupdates);
        k.counters().add(Counter.RMPUPDATE_FAILURES, rmpupdateFailures);
        k.counters().add(Counter.PVALIDATES, pvalidates);
        events = 0;
        hostAccesses = 0;
        tlbFills = 0;
        rmpupdates = 0;
        rmpupdateFailures = 0;
        pvalidates = 0;
        k.endStep();
    }
}
