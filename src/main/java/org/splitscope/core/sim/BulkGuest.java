package org.splitscope.core.sim;

import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestPlacement;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.PageSize;

/**
 * What bulk mode needs to know about one guest for its accept steps (R20), worked out once per run:
 * where its vCPUs run, where its memory is, what one accept of a folio costs before the SMT and
 * overcommit factors, and the run of 4K frames {@link BulkAccept} has made private but not yet
 * written. Package-private, confined to the simulation thread.
 */
final class BulkGuest {
    final int asid;
    /** Index of the guest in the spec (its serial section in the cost model). */
    final int index;
    final int vcpuKeyBase;
    final int[] cpuOfVcpu;
    final GuestPlacement place;
    final PageSize folio;
    final long folioFrames;
    final long folioBytes;
    final int framesPerRegion;
    final long guestWorkNs;
    final long exitNs;
    final long clearNs;
    /** Whether each of its vCPUs has a host CPU to itself (no other vCPU of any guest runs there). */
    final boolean exclusive;

    /**
     * Per vCPU, what one plain 4K accept charges on its CPU (each charge scaled on its own, as the
     * step path scales it): the guest's work before the serial section, the serial part (exits, walk
     * and access, page clear, RMPUPDATE), PVALIDATE; and per cost kind. Filled by {@link #scale}.
     */
    long[] work;
    long[] serial;
    long[] validate;
    long[] exits;
    long[] access;
    long[] clear;
    long[] rmp;

    /** The last guest frame translated and its host frame (consecutive folios are consecutive frames). */
    long lastGfn = -2;
    long lastPfn;
    /** The run: frames [runPfn, runPfn + runLen) at guest frames from runGfn, made private, not yet written. */
    long runPfn;
    long runGfn;
    int runLen;

    BulkGuest(Simulation sim, GuestSpec spec, CostConstants c) {
        asid = spec.asid();
        index = sim.guestIdx(asid);
        vcpuKeyBase = sim.vcpuKey(asid, 0);
        cpuOfVcpu = sim.cpusOf(asid);
        place = sim.placement(asid);
        folio = spec.folio();
        folioFrames = folio.frames();
        folioBytes = folio.bytes();
        framesPerRegion = place.framesPerRegion();
        guestWorkNs = c.guestWorkPer4k() * folioFrames;
        exitNs = c.psc(folioBytes) + c.npfExit();
        clearNs = c.clear(folioBytes);
        boolean alone = true;
        for (int cpu : cpuOfVcpu) {
            alone &= sim.vcpusOn(cpu) == 1;
        }
        exclusive = alone;
    }

    /** Fills the per-vCPU charges (once; CPU speeds are fixed for the run). */
    void scale(org.splitscope.core.cost.BulkCost cost, CostConstants c) {
        if (work != null) {
            return;
        }
        int n = cpuOfVcpu.length;
        work = new long[n];
        serial = new long[n];
        validate = new long[n];
        exits = new long[n];
        access = new long[n];
        clear = new long[n];
        rmp = new long[n];
        for (int v = 0; v < n; v++) {
            int cpu = cpuOfVcpu[v];
            work[v] = cost.scaled(cpu, guestWorkNs);
            exits[v] = cost.scaled(cpu, exitNs);
            access[v] = cost.scaled(cpu, c.access()) + cost.scaled(cpu, c.walk());
            clear[v] = cost.scaled(cpu, clearNs);
            long rmpupdate = cost.scaled(cpu, c.rmpupdate());
            validate[v] = cost.scaled(cpu, c.pvalidate4k());
            rmp[v] = rmpupdate + validate[v];
            serial[v] = exits[v] + access[v] + clear[v] + rmpupdate;
        }
    }

    /** GuestPlacement.pfnOf, without dividing when the frame follows the last one in its region. */
    long hostFrame(long gfn) {
        long pfn;
        if (gfn == lastGfn + 1 && (lastPfn & (org.splitscope.core.mem.Pfns.FRAMES_PER_2M - 1)) + 1 < framesPerRegion) {
            pfn = lastPfn + 1;
        } else {
            pfn = place.pfnOf(gfn);
        }
        lastGfn = gfn;
        lastPfn = pfn;
        return pfn;
    }
}
