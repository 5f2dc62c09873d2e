package org.splitscope.core.sim;

import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.cost.CostKind;
import org.splitscope.core.cost.CostModel;
import org.splitscope.core.event.AccessPurpose;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.guest.GuestPlacement;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.workload.Step;

/**
 * What each kind of step does to the machine (DOMAIN.md R12-R14, R20-R23), in the order the guest,
 * KVM and the host kernel do it. Package-private: only {@link Simulation} runs steps.
 */
final class StepExecutor {
    private final Simulation sim;
    private final HostKernel k;
    private final RmpTable rmp;
    private final CostModel cost;
    private final CostConstants c;

    StepExecutor(Simulation sim) {
        this.sim = sim;
        this.k = sim.kernel();
        this.rmp = sim.rmp();
        this.cost = sim.cost();
        this.c = cost.constants();
    }

    void execute(Step step) {
        switch (step) {
            case Step.Accept a -> accept(a);
            case Step.Convert cv -> convert(cv);
            case Step.HostActivity h -> {
                cost.beginStep(h.cpu(), -1);
                k.hostAccess(h.cpu(), h.pfn(), h.write(), AccessPurpose.HOST_ACTIVITY);
            }
            case Step.HostAccess h -> {
                cost.beginStep(h.cpu(), -1);
                k.hostAccess(h.cpu(), h.pfn(), h.write(), AccessPurpose.SCENARIO);
            }
            case Step.Launch l -> ensureLaunched(l.asid());
            case Step.Assign a -> assign(a);
            case Step.Release r -> release(r);
            case Step.Psmash p -> {
                int asid = rmp.asid(p.pfn());
                int cpu = p.cpu() >= 0 ? p.cpu() : sim.cpuOf(asid, 0);
                cost.beginStep(cpu, -1);
                k.psmash(cpu, p.pfn());
            }
            case Step.Teardown t -> teardown(t.asid());
        }
    }

    private GuestSpec guest(int asid) {
        GuestSpec g = sim.guest(asid);
        if (g == null) {
            throw new IllegalStateException("no guest declares asid " + asid);
        }
        return g;
    }

    /** "A guest is launched by its launch step, or at its first step that needs it." */
    private void ensureLaunched(int asid) {
        if (sim.launched(asid)) {
            return;
        }
        boolean first = !sim.anyLaunched();
        sim.markLaunched(asid, true);
        sim.markAnyLaunched();
        GuestSpec g = guest(asid);
        if (k.on(EventKind.LAUNCH)) {
            k.emit(new SimEvent.GuestLaunched(asid, g.vcpus(), first));
        } else {
            k.countOnly();
        }
        int cpu = sim.cpuOf(asid, 0);
        cost.beginStep(cpu, -1);
        sim.spec().policy().onLaunch(k, asid, first);
        cost.syncForLaunch(sim.cpusOf(asid));
    }

    /**
     * Lazy acceptance of one folio (R20): the guest touches it, asks for a page state change (PSC),
     * takes a private #NPF, KVM's gmem prepare allocates and clears the folio through the direct
     * map and makes it private at 2M or 4K (R14), and the guest PVALIDATEs it.
     */
    private void accept(Step.Accept a) {
        GuestSpec g = guest(a.asid());
        ensureLaunched(a.asid());
        GuestPlacement place = sim.placement(a.asid());
        int cpu = sim.cpuOf(a.asid(), a.vcpu());
        int gi = sim.guestIdx(a.asid());
        cost.beginStep(cpu, sim.vcpuKey(a.asid(), a.vcpu()));
        cost.acceptBegin(cpu);
        long folioFrames = g.folio().frames();
        long gfn = a.folio() * folioFrames;
        long pfn = place.pfnOf(gfn);
        cost.work(cpu, CostKind.GUEST_WORK, c.guestWorkPer4k() * folioFrames);
        cost.guestEnter(cpu, gi);
        if (k.on(EventKind.PSC)) {
            k.emit(new SimEvent.PageStateChange(a.asid(), a.vcpu(), gfn * Pfns.FRAME_BYTES, g.folio(), true));
        } else {
            k.countOnly();
        }
        cost.work(cpu, CostKind.EXITS, c.psc(g.folio().bytes()) + c.npfExit());
        if (rmp.assigned(pfn)) {
            cost.guestLeave(cpu, gi);
            cost.acceptEnd(cpu, 0);                     // already private (converted earlier)
            return;
        }
        PageSize level = prepare(cpu, a.asid(), g, pfn, gfn, true);
        cost.guestLeave(cpu, gi);
        int status = level == null ? RmpTable.FAIL_INPUT : pvalidate(cpu, a.asid(), g, pfn, level);
        cost.acceptEnd(cpu, status == RmpTable.SUCCESS ? folioFrames * Pfns.FRAME_BYTES : 0);
    }

    /**
     * gmem prepare (R14) for the private fault at {@code pfn}: private at 2M when the folio is 2M
     * and all its frames are shared, else at 4K. When {@code allocate}, the folio is new and the
     * host zeroes it first, writing through the direct map. Returns the RMP level made private, or
     * null when the RMPUPDATE failed or the policy refused it.
     */
    private PageSize prepare(int cpu, int asid, GuestSpec g, long pfn, long gfn, boolean allocate) {
        boolean whole2m = g.folio() == PageSize.M2 && !rmp.anyAssigned(Pfns.region(pfn));
        PageSize level = whole2m ? PageSize.M2 : PageSize.K4;
        long at = whole2m ? PageSize.M2.base(pfn) : pfn;
        long atGfn = whole2m ? PageSize.M2.base(gfn) : gfn;
        if (allocate) {
            k.hostAccess(cpu, g.folio().base(pfn), true, AccessPurpose.PAGE_CLEAR);
            cost.work(cpu, CostKind.PAGE_CLEAR, c.clear(g.folio().bytes()));
        }
        if (k.on(EventKind.GMEM_PREPARE)) {
            k.emit(new SimEvent.GmemPrepare(asid, cpu, at, g.folio(), level, atGfn * Pfns.FRAME_BYTES, allocate));
        } else {
            k.countOnly();
        }
        int status = k.rmpMakePrivate(cpu, at, level, asid, atGfn, g.folio());
        return status == RmpTable.SUCCESS ? level : null;
    }

    /** The guest validates what was made private (PVALIDATE at the RMP level it got). */
    private int pvalidate(int cpu, int asid, GuestSpec g, long pfn, PageSize level) {
        long at = level.base(pfn);
        int v = rmp.pvalidate(at, level, true);
        k.counters().inc(Counter.PVALIDATES);
        cost.work(cpu, CostKind.RMP_INSTR, level == PageSize.M2 ? c.pvalidate2m() : c.pvalidate4k());
        if (k.on(EventKind.PVALIDATE)) {
            k.emit(new SimEvent.PValidate(asid, at, level, true, v));
        } else {
            k.countOnly();
        }
        return v;
    }

    /** A conversion (R21): to shared through PSMASH where needed, or back to private. */
    private void convert(Step.Convert cv) {
        GuestSpec g = guest(cv.asid());
        ensureLaunched(cv.asid());
        GuestPlacement place = sim.placement(cv.asid());
        int cpu = sim.cpuOf(cv.asid(), cv.vcpu());
        int gi = sim.guestIdx(cv.asid());
        cost.beginStep(cpu, sim.vcpuKey(cv.asid(), cv.vcpu()));
        cost.guestEnter(cpu, gi);
        if (k.on(EventKind.PSC)) {
            k.emit(new SimEvent.PageStateChange(cv.asid(), cv.vcpu(), cv.gfn() * Pfns.FRAME_BYTES, cv.level(),
                    !cv.toShared()));
        } else {
            k.countOnly();
        }
        cost.work(cpu, CostKind.EXITS, c.psc(cv.level().bytes()));
        long frames = Math.min(cv.level().frames(), g.frames() - cv.gfn());
        if (cv.toShared()) {
            toShared(cpu, g, place, cv.gfn(), frames);
            cost.guestLeave(cpu, gi);
            // the device model (virtio) now fills the shared bounce buffer through the direct map
            k.hostAccess(cpu, place.pfnOf(cv.gfn()), true, AccessPurpose.BOUNCE_BUFFER);
        } else {
            cost.work(cpu, CostKind.EXITS, c.npfExit());
            toPrivate(cpu, g, place, cv.gfn(), frames);
            cost.guestLeave(cpu, gi);
        }
    }

    private void toShared(int cpu, GuestSpec g, GuestPlacement place, long gfn, long frames) {
        long pfn0 = place.pfnOf(gfn);
        int region0 = Pfns.region(pfn0);
        if (frames == Pfns.FRAMES_PER_2M && Pfns.aligned(pfn0, PageSize.M2) && rmp.has2m(region0)) {
            k.rmpMakeShared(cpu, pfn0, PageSize.M2, g.asid(), g.folio());
            return;
        }
        for (long i = 0; i < frames; i++) {
            long pfn = place.pfnOf(gfn + i);
            int region = Pfns.region(pfn);
            if (rmp.has2m(region)) {
                k.psmash(cpu, Pfns.regionBase(region));       // R14: smash before converting part of it
            }
            if (rmp.assigned4k(pfn) && rmp.asid(pfn) == g.asid()) {
                k.rmpMakeShared(cpu, pfn, PageSize.K4, g.asid(), g.folio());
            }
        }
    }

    private void toPrivate(int cpu, GuestSpec g, GuestPlacement place, long gfn, long frames) {
        long pfn0 = place.pfnOf(gfn);
        if (frames == Pfns.FRAMES_PER_2M && g.folio() == PageSize.M2 && !rmp.anyAssigned(Pfns.region(pfn0))) {
            PageSize level = prepare(cpu, g.asid(), g, pfn0, gfn, false);
            if (level != null) {
                pvalidate(cpu, g.asid(), g, pfn0, level);
            }
            return;
        }
        for (long i = 0; i < frames; i++) {
            long pfn = place.pfnOf(gfn + i);
            if (!rmp.assigned(pfn)) {
                PageSize level = prepare(cpu, g.asid(), g, pfn, gfn + i, false);
                if (level != null) {
                    pvalidate(cpu, g.asid(), g, pfn, level);
                }
            }
        }
    }

    private void assign(Step.Assign a) {
        GuestSpec g = guest(a.asid());
        ensureLaunched(a.asid());
        int cpu = sim.cpuOf(a.asid(), 0);
        if (a.cpu() >= 0 && a.cpu() != cpu) {
            cpu = a.cpu();                             // a recording's CPU: the call ran there, not on a vCPU of ours
            cost.beginStep(cpu, -1);
        } else {
            cost.beginStep(cpu, sim.vcpuKey(a.asid(), 0));
        }
        long gfn;
        if (a.gpa() >= 0) {
            gfn = a.gpa() / Pfns.FRAME_BYTES;
        } else {
            GuestPlacement place = sim.placement(a.asid());
            long mine = sim.plan().gfnOf(a.pfn());
            gfn = mine >= 0 && sim.plan().guestOfRegion(Pfns.region(a.pfn())) == place ? mine : 0;
        }
        k.rmpMakePrivate(cpu, a.pfn(), a.level(), a.asid(), gfn, g.folio());
    }

    private void release(Step.Release r) {
        int asid = rmp.asid(r.pfn());
        GuestSpec g = sim.guest(asid);
        int cpu = r.cpu() >= 0 ? r.cpu() : sim.cpuOf(asid, 0);
        cost.beginStep(cpu, -1);
        int region = Pfns.region(r.pfn());
        if (r.level() == PageSize.K4 && rmp.has2m(region)) {
            k.psmash(cpu, Pfns.regionBase(region));
        }
        k.rmpMakeShared(cpu, r.pfn(), r.level(), asid, g == null ? PageSize.K4 : g.folio());
    }

    /** Teardown (R23): every frame the guest owns goes back to shared, 2M entries at 2M. */
    private void teardown(int asid) {
        teardown(sim, asid, (cpu, base, a, folio) -> k.rmpMakeShared(cpu, base, PageSize.M2, a, folio));
    }

    /** How a teardown releases one 2M RMP entry: through the kernel, or settled in bulk ({@code BulkTeardown}). */
    interface Release2m {
        void release(int cpu, long base, int asid, PageSize folio);
    }

    /**
     * Teardown (R23) of guest {@code asid} on {@code sim}, each 2M entry released by {@code release2m}:
     * the step path's and bulk mode's one loop, so the two cannot drift apart.
     */
    static void teardown(Simulation sim, int asid, Release2m release2m) {
        GuestSpec g = sim.guest(asid);
        if (g == null) {
            throw new IllegalStateException("no guest declares asid " + asid);
        }
        HostKernel k = sim.kernel();
        RmpTable rmp = sim.rmp();
        int cpu = sim.cpuOf(asid, 0);
        sim.cost().beginStep(cpu, sim.vcpuKey(asid, 0));
        long released = 0;
        int regions = sim.directMap().regions();
        for (int r = 0; r < regions; r++) {
            if (!rmp.anyAssigned(r)) {
                continue;
            }
            long base = Pfns.regionBase(r);
            if (rmp.has2m(r)) {
                if (rmp.asid(base) == asid) {
                    release2m.release(cpu, base, asid, g.folio());
                    released += Pfns.FRAMES_PER_2M;
                }
                continue;
            }
            released += k.releaseRegion4k(cpu, r, asid, g.folio());
        }
        sim.markLaunched(asid, false);
        if (k.on(EventKind.TEARDOWN)) {
            k.emit(new SimEvent.GuestTornDown(asid, released));
        } else {
            k.countOnly();
        }
    }
}
