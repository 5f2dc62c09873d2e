package org.splitscope.core.sim;

import org.splitscope.core.cost.BulkCost;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.cost.CostKind;
import org.splitscope.core.directmap.PteRuns;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.RmpRequest;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpRuns;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.core.workload.AcceptCursor;

/**
 * Bulk mode's fast path for lazy acceptance (R20): a window of consecutive steps of a lazy-accept
 * workload in which every step is plain, settled guest by guest (each guest's run of folios in one
 * pass) instead of in step order.
 *
 * <p>A step is plain when the guest is launched, has 4K folios and its vCPUs each have a host CPU to
 * themselves; the folio's frame is shared, mutable, under a present 4K PTE of a region the guest may
 * own at linear GPAs; the policy's hook does nothing for it ({@link BulkHook#NONE}); and no TLB entry
 * of the vCPU's CPU covers the frame (the page clear is a miss). The window ends before the first step, in step order, that is not
 * plain: phase 1 finds it for each guest by checking whole runs of frames at a time (the frames of
 * one 2 MiB extent in one region are consecutive), phase 2 settles each guest's steps before it.
 *
 * <p>Why guest by guest equals step order (R24, R25): inside the window the guests' steps share no
 * state that is not only added to or folded by min/max. Each guest has its own serial section, its
 * own regions of RMP and direct map, and its own host CPUs (clocks, TLBs, the vCPU they last ran);
 * nobody takes cpa_lock, flushes or interrupts anyone (so the interrupt debt a CPU pays at its first
 * step is what it would pay in step order); and the fault-in totals, time per kind, counters, the
 * latest clock and the vmstat-like sums commute. Within a guest the steps keep their order, with the
 * step path's charges: {@code t = max(clock + work, serial free) + serial part; free = t; clock = t
 * + PVALIDATE}, every charge scaled per CPU as the step path scales it. Each vCPU's page clear is a
 * TLB miss and a 4K fill of a frame nobody has cached, deferred in the TLB.
 *
 * <p>Threading: confined to the simulation thread.
 */
final class BulkWindow {
    private final Simulation sim;
    private final HostKernel k;
    private final BulkAccept accept;
    private final BulkCost cost;
    private final RmpRuns rmpRuns;
    private final PteRuns ptes;
    private final TlbSet tlb;
    private final CostConstants c;
    private long[] firstRound = new long[0];
    private long[] rounds = new long[0];
    /**
     * What phase 1 learnt and is still true, for the cursor {@link #knownFor}: per guest of the
     * workload, its rounds from its next one up to this one are plain (-1: nothing known).
     */
    private long[] knownPlain = new long[0];
    private AcceptCursor knownFor;
    private long[] clock = new long[0];
    /** Steps settled, for the counters and event counts: each is one of everything a plain accept does. */
    private long steps;

    BulkWindow(Simulation sim, BulkAccept accept, BulkCost cost) {
        this.sim = sim;
        this.k = sim.kernel();
        this.accept = accept;
        this.cost = cost;
        this.rmpRuns = new RmpRuns(sim.rmp());
        this.ptes = new PteRuns(sim.directMap());
        this.tlb = sim.tlb();
        this.c = sim.cost().constants();
    }

    /**
     * Settles the plain steps from the cursor up to {@code limit} or the first step that is not
     * plain, moves the cursor past them and returns how many there were (0 when the cursor's step is
     * not plain).
     */
    long settle(AcceptCursor cur, long limit) {
        long from = cur.index();
        long end = Math.min(limit, cur.end());
        int n = cur.guests();
        if (firstRound.length < n) {
            firstRound = new long[n];
            rounds = new long[n];
            knownPlain = new long[n];
            knownFor = null;
        }
        if (knownFor != cur) {
            java.util.Arrays.fill(knownPlain, -1);
            knownFor = cur;
        }
        cur.roundsBefore(end, rounds);
        for (int i = 0; i < n; i++) {
            firstRound[i] = cur.nextRound(i);
            if (rounds[i] > firstRound[i]) {
                long plainTo = knownPlain[i];
                if (plainTo < rounds[i]) {
                    plainTo = plainRounds(cur, i, Math.max(firstRound[i], plainTo), rounds[i]);
                    knownPlain[i] = plainTo;
                }
                if (plainTo < rounds[i]) {
                    end = Math.min(end, cur.indexOf(i, plainTo));
                    cur.roundsBefore(end, rounds);       // the window now ends before guest i's step
                }
            }
        }
        if (end <= from) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            if (rounds[i] > firstRound[i]) {
                settleGuest(cur, i, firstRound[i], rounds[i]);
            }
        }
        cur.moveTo(end);
        return end - from;
    }

    /** The first of guest i's rounds in [r, to) that is not plain, or {@code to}. Changes nothing. */
    private long plainRounds(AcceptCursor cur, int i, long r, long to) {
        GuestSpec spec = cur.guest(i);
        if (spec.folio() != PageSize.K4 || !sim.launched(spec.asid())) {
            return r;
        }
        BulkGuest g = accept.guest(spec);
        if (!g.exclusive) {
            return r;
        }
        boolean probe = false;                            // some CPU has entries: look each page clear up
        for (int cpu : g.cpuOfVcpu) {
            probe |= !tlb.bulk().noEntriesInEffect(cpu);
        }
        int vcpus = g.cpuOfVcpu.length;
        int v = cur.vcpuOf(i, r);
        while (r < to) {
            long gfn = cur.folioOf(i, r);
            long pfn = g.place.pfnOf(gfn);
            long len = Math.min(to - r, Math.min(cur.consecutiveFrom(i, r),
                    g.framesPerRegion - (pfn & (Pfns.FRAMES_PER_2M - 1))));
            if (!ptes.all4k(pfn, len) || !rmpRuns.regionAdmits(pfn, g.asid, gfn)
                    || k.policy().bulkHook(k, new RmpRequest(g.cpuOfVcpu[0], pfn, PageSize.K4, true, g.asid,
                    PageSize.K4)) != BulkHook.NONE) {
                return r;
            }
            long bad = earliest(ptes.firstNotPresent(pfn, len), rmpRuns.firstTaken(pfn, len));
            if (probe) {
                for (long j = 0; j < (bad < 0 ? len : bad - pfn); j++) {
                    if (tlb.bulk().slotsCover(g.cpuOfVcpu[v], pfn + j)) {
                        return r + j;                     // a TLB hit, maybe: the step path's
                    }
                    v = v + 1 == vcpus ? 0 : v + 1;
                }
            }
            if (bad >= 0) {
                return r + (bad - pfn);
            }
            r += len;
        }
        return r;
    }

    private static long earliest(long a, long b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** Settles guest i's rounds [r, to), all plain, in order. */
    private void settleGuest(AcceptCursor cur, int i, long r, long to) {
        BulkGuest g = accept.guest(cur.guest(i));
        int vcpus = g.cpuOfVcpu.length;
        if (clock.length < vcpus) {
            clock = new long[vcpus];
        }
        g.scale(cost, c);
        long[] work = g.work;
        long[] serial = g.serial;
        long[] validate = g.validate;
        long total = to - r;
        int v0 = cur.vcpuOf(i, r);
        int used = (int) Math.min(total, vcpus);
        long firstStart = Long.MAX_VALUE;
        for (int u = 0, v = v0; u < used; u++, v = v + 1 == vcpus ? 0 : v + 1) {
            // each vCPU's first step in the window: its interrupt debt and context switch (beginStep);
            // its clock only grows, so its fault-in start is the earliest of its steps'
            tlb.bulk().openDeferred(g.cpuOfVcpu[v]);
            clock[v] = cost.begin(g.cpuOfVcpu[v], g.vcpuKeyBase + v);
            firstStart = Math.min(firstStart, clock[v]);
        }
        long free = cost.guestFreeAt(g.index);
        long since = 0;
        long waited = 0;
        long lastEnd = Long.MIN_VALUE;
        int v = v0;
        while (r < to) {
            long gfn = cur.folioOf(i, r);
            long pfn = g.place.pfnOf(gfn);
            long len = Math.min(to - r, Math.min(cur.consecutiveFrom(i, r),
                    g.framesPerRegion - (pfn & (Pfns.FRAMES_PER_2M - 1))));
            int segmentStart = v;
            for (long j = 0; j < len; j++) {
                long t = clock[v] + work[v];                    // the guest's own work, then the PSC exit
                if (t < free) {
                    waited += free - t;                         // waits for the guest's serial section
                    t = free;
                }
                since = t;
                t += serial[v];                                 // exits, page clear, RMPUPDATE
                free = t;
                t += validate[v];                               // PVALIDATE
                clock[v] = t;
                lastEnd = Math.max(lastEnd, t);
                v = v + 1 == vcpus ? 0 : v + 1;
            }
            // each vCPU's page clears of the run: a miss and a 4K fill of every vCPUs-th frame
            for (int u = 0, w = segmentStart; u < Math.min(len, vcpus); u++, w = w + 1 == vcpus ? 0 : w + 1) {
                tlb.bulk().deferKnownMissFills4k(g.cpuOfVcpu[w], pfn + u, vcpus, (len - u + vcpus - 1) / vcpus);
            }
            rmpRuns.assignValidated4k(pfn, (int) len, g.asid, gfn);
            if (k.wants()) {
                report(cur, i, g.asid, r, len, pfn);
            }
            r += len;
        }
        for (int u = 0, w = v0; u < used; u++, w = w + 1 == vcpus ? 0 : w + 1) {
            int cpu = g.cpuOfVcpu[w];
            cost.end(cpu, clock[w]);
            long n = total / vcpus + (u < total % vcpus ? 1 : 0);          // the steps vCPU w took
            cost.add(CostKind.GUEST_WORK, n * g.work[w]);
            cost.add(CostKind.EXITS, n * g.exits[w]);
            cost.add(CostKind.HOST_ACCESS, n * g.access[w]);
            cost.add(CostKind.PAGE_CLEAR, n * g.clear[w]);
            cost.add(CostKind.RMP_INSTR, n * g.rmp[w]);
        }
        cost.guestRun(g.index, since, free, waited);
        cost.acceptBegin(firstStart);
        cost.acceptEnd(lastEnd, total * g.folioBytes);
        steps += total;
    }

    /**
     * Forgets what phase 1 learnt about guest {@code slot} of the cursor's workload, after one of its
     * steps went another way (one at a time, or the step path). Defensive: such a step is either plain
     * (and changes nothing that makes the guest's later steps plain) or the first step that is not,
     * where the knowledge ends anyway; forgetting costs one scan. A step of one guest cannot change
     * what makes another guest's steps plain: they own their regions and their CPUs, a flush only
     * empties TLBs, and a split only turns large leaves into tables. Any other kind of step ends the
     * cursor, and with it everything learnt.
     */
    void forget(int slot) {
        if (slot < knownPlain.length) {
            knownPlain[slot] = -1;
        }
    }

    /** Kinds of event a plain accept makes, in the step path's order; a window counts them instead of building them. */
    static final EventKind[] PLAIN_KINDS = {EventKind.PSC, EventKind.ACCESS, EventKind.TLB_FILL, EventKind.GMEM_PREPARE,
        EventKind.RMPUPDATE, EventKind.PVALIDATE};

    /**
     * Tells a sink that wants them about the events of a run of plain steps (guest i's rounds
     * [r, r + len), frames [pfn, pfn + len)): one {@link SimEvent.Range} per kind. They are reports,
     * not simulated events: the events they stand for are counted, once, with the steps.
     */
    private void report(AcceptCursor cur, int i, int asid, long r, long len, long pfn) {
        long from = cur.indexOf(i, r);
        long to = cur.indexOf(i, r + len - 1) + 1;
        for (EventKind kind : PLAIN_KINDS) {
            if (k.on(kind)) {
                k.sink().accept(new SimEvent.Range(kind, asid, from, to, len, pfn, len));
            }
        }
    }

    /** Steps settled since the last call (their counters and events are the caller's to add). */
    long takeSteps() {
        long s = steps;
        steps = 0;
        return s;
    }
}
