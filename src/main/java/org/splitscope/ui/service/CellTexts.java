package org.splitscope.ui.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpEntry;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.ui.service.Snapshot.Field;
import org.splitscope.ui.service.Snapshot.InspectorData;

/**
 * What the app says about cells at the current position: the inspector for the selection (its RMP
 * entry as dump_rmpentry prints it, the leaf that maps it, each CPU's TLB entries over it and the
 * event that last changed it) and the one line about the cell under the mouse. Both read the same
 * state at the same position, so they agree. Simulation thread only.
 */
final class CellTexts {
    private static final Set<EventKind> CHANGING = EnumSet.of(EventKind.SPLIT, EventKind.COLLAPSE, EventKind.PTE,
            EventKind.KEEP4K, EventKind.RMPUPDATE, EventKind.PSMASH, EventKind.PVALIDATE);
    /** Stored events the inspector looks back through for the last change, at most. */
    static final int LOOK_BACK = 500_000;

    private CellTexts() {
    }

    /** The inspector for frames {@code [from, to)} (one frame, one 2M or one 1G region). */
    static InspectorData inspector(Timeline t, long from, long to) {
        Simulation sim = t.simulation();
        DirectMap dm = sim.directMap();
        RmpTable rmp = sim.rmp();
        List<Field> f = new ArrayList<>();
        long frames = to - from;
        String title;
        if (frames == 1) {
            title = "Frame " + Pfns.hex(from) + " (physical " + Pfns.hex(from * Pfns.FRAME_BYTES) + ")";
            RmpEntry e = rmp.entry(from);
            f.add(new Field("RMP state", e.state().name()));
            f.add(new Field("RMP entry", (e.pageSize() == PageSize.M2 ? "2M entry at " + Pfns.hex(e.entryPfn())
                    : "4K entry") + (e.assigned() ? ", ASID " + e.asid() + ", GPA " + Pfns.hex(e.gpa()) : "")
                    + (e.validated() ? ", validated" : "") + (e.immutable() ? ", immutable" : "")));
            f.add(new Field("dump_rmpentry", e.dump()));
            f.add(new Field("Direct map", leafText(dm, from, true)));
        } else if (frames == Pfns.FRAMES_PER_2M) {
            int region = Pfns.region(from);
            title = "2M region " + Pfns.hex(from) + "-" + Pfns.hex(to - 1);
            PageSize leaf = dm.regionLeaf(region);
            f.add(new Field("Direct map", leaf == null ? "no entry (hole)" : leaf == PageSize.K4
                    ? "table of 4K PTEs: " + dm.notPresentCount(region) + " not present, " + dm.keep4kCount(region)
                    + " kept at 4K" : leaf + " leaf at " + Pfns.hex(leaf.base(from)) + notPresent(dm, region, true)));
            f.add(new Field("RAM", dm.ramCount(region) + " of 512 frames"));
            f.add(new Field("RMP", rmp.has2m(region) ? "2M entry, private to guest " + rmp.regionAsid(region)
                    + (rmp.validatedFramesIn(region) > 0 ? ", validated" : "")
                    : SimEvent.count(rmp.assigned4kIn(region), "private 4K entry", "private 4K entries") + owners(rmp.regionAsid(region))
                    + ", " + rmp.validatedFramesIn(region) + " validated"));
        } else {
            int gig = Pfns.gig(from);
            title = "1G region " + Pfns.hex(from) + "-" + Pfns.hex(to - 1);
            byte k = dm.gigKind(gig);
            f.add(new Field("Direct map", k == DirectMap.LEAF_1G ? "1G leaf" + notPresent(dm, Pfns.region(from), true)
                    : k == DirectMap.NONE ? "no entry (hole)" : dm.leaves2mIn(gig) + " 2M leaves"
                    + (dm.notPresent2mLeavesIn(gig) > 0 ? " (" + dm.notPresent2mLeavesIn(gig) + " not present)" : "")
                    + ", " + dm.tables4kIn(gig) + " tables of 4K PTEs"));
            f.add(new Field("RAM", Pfns.bytes(dm.ramCountInGig(gig) * Pfns.FRAME_BYTES)));
            f.add(new Field("RMP", SimEvent.count(rmp.assignedInGig(gig), "private frame", "private frames")));
        }
        SimEvent[] last = new SimEvent[1];
        Position at = lastChange(t, from, to, last);
        return new InspectorData(title, f, tlbLines(sim.tlb(), from, to),
                last[0] == null ? "none in the recorded history" : last[0].describe(), at);
    }

    /** One line about the cell of size {@code unit} that holds {@code pfn} ("" outside RAM). */
    static String hover(Simulation sim, long pfn, PageSize unit) {
        if (pfn < 0 || pfn >= sim.directMap().frames()) {
            return "";
        }
        DirectMap dm = sim.directMap();
        RmpTable rmp = sim.rmp();
        if (unit == PageSize.K4) {
            RmpEntry e = rmp.entry(pfn);
            return "frame " + Pfns.hex(pfn) + ": " + leafText(dm, pfn) + "; RMP " + e.state()
                    + (e.assigned() ? " (guest " + e.asid() + ")" : "") + tlbSummary(sim.tlb(), pfn);
        }
        if (unit == PageSize.M2) {
            int r = Pfns.region(pfn);
            PageSize leaf = dm.regionLeaf(r);
            return "2M region " + Pfns.hex(Pfns.regionBase(r)) + ": " + (leaf == null ? "hole" : leaf + " leaf"
                    + notPresent(dm, r, false))
                    + (leaf == PageSize.K4 && dm.notPresentCount(r) > 0 ? ", " + dm.notPresentCount(r) + " PTEs not present" : "")
                    + "; " + SimEvent.count(rmp.assignedFramesIn(r), "private frame", "private frames") + owners(rmp.regionAsid(r));
        }
        int g = Pfns.gig(pfn);
        return "1G region " + Pfns.hex(Pfns.gigBase(g)) + ": " + (dm.gigKind(g) == DirectMap.LEAF_1G ? "1G leaf"
                + notPresent(dm, Pfns.region(pfn), false) : dm.leaves2mIn(g) + " 2M leaves"
                + (dm.notPresent2mLeavesIn(g) > 0 ? " (" + dm.notPresent2mLeavesIn(g) + " not present)" : "") + ", "
                + dm.tables4kIn(g) + " 4K tables") + "; "
                + SimEvent.count(rmp.assignedInGig(g), "private frame", "private frames");
    }

    private static String owners(int asid) {
        return asid > 0 ? " of guest " + asid : asid < 0 ? " of several guests" : "";
    }

    /**
     * ", not present since step N" when the large leaf over {@code region} was made not present in place
     * (R28; the step that did it, 1-based as the app counts), with what that means when {@code explain}; else "".
     */
    private static String notPresent(DirectMap dm, int region, boolean explain) {
        if (dm.regionLeafPresent(region)) {
            return "";
        }
        long since = dm.leafNotPresentSince(region);
        return ", not present" + (since >= 0 ? " since step " + (since + 1) : "") + (explain ? " (made not present in"
                + " place, without a split: any host access through it is a " + EventWords.NP_FAULT + ", R28)" : "");
    }

    private static String leafText(DirectMap dm, long pfn) {
        return leafText(dm, pfn, false);
    }

    /** The leaf that maps {@code pfn}; a not-present large leaf says since when, and what that means when {@code explain}. */
    private static String leafText(DirectMap dm, long pfn, boolean explain) {
        return switch (dm.frameState(pfn)) {
            case DirectMap.IN_1G -> "under a 1G leaf at " + Pfns.hex(PageSize.G1.base(pfn));
            case DirectMap.IN_2M -> "under a 2M leaf at " + Pfns.hex(PageSize.M2.base(pfn));
            case DirectMap.IN_1G_NOT_PRESENT -> "under the 1G leaf at " + Pfns.hex(PageSize.G1.base(pfn))
                    + notPresent(dm, Pfns.region(pfn), explain);
            case DirectMap.IN_2M_NOT_PRESENT -> "under the 2M leaf at " + Pfns.hex(PageSize.M2.base(pfn))
                    + notPresent(dm, Pfns.region(pfn), explain);
            case DirectMap.PTE_PRESENT -> "4K PTE, present" + (dm.keep4k(pfn) ? ", kept at 4K" : "");
            case DirectMap.PTE_NOT_PRESENT -> "4K PTE, not present" + (dm.keep4k(pfn) ? ", kept at 4K" : "");
            default -> "no entry (not RAM)";
        };
    }

    private static List<String> classes(int mask) {
        List<String> cls = new ArrayList<>();
        if ((mask & TlbSet.STALE) != 0) {
            cls.add("STALE");
        }
        if ((mask & TlbSet.MIXED_SIZE) != 0) {
            cls.add("MIXED_SIZE");
        }
        if ((mask & TlbSet.RMP_HAZARD) != 0) {
            cls.add("RMP_HAZARD");
        }
        return cls;
    }

    private static List<String> tlbLines(TlbSet tlb, long from, long to) {
        List<String> out = new ArrayList<>();
        tlb.forEach(-1, (cpu, size, base) -> {
            if (base < to && base + size.frames() > from && out.size() < 40) {
                List<String> cls = classes(tlb.classifyFor(cpu, size, base, from, to));
                out.add("CPU " + cpu + ": " + size + " entry " + Pfns.hex(base) + (cls.isEmpty() ? "" : " - " + String.join(", ", cls)));
            }
        });
        return out;
    }

    /** "; TLB: 2 entries (STALE)" for the entries of every CPU over one frame (R19), or "". */
    private static String tlbSummary(TlbSet tlb, long pfn) {
        int n = 0;
        int mask = 0;
        for (int cpu = 0; cpu < tlb.cpus(); cpu++) {
            for (PageSize size : PageSize.values()) {
                if (tlb.holds(cpu, size, pfn)) {
                    n++;
                    mask |= tlb.classifyFor(cpu, size, size.base(pfn), pfn, pfn + 1);
                }
            }
        }
        if (n == 0) {
            return "";
        }
        List<String> cls = classes(mask);
        return "; TLB: " + SimEvent.count(n, "entry", "entries") + (cls.isEmpty() ? "" : " (" + String.join(", ", cls) + ")");
    }

    /** The latest state-changing event over {@code [from, to)} before the current position, and where it was. */
    private static Position lastChange(Timeline t, long from, long to, SimEvent[] found) {
        Position pos = t.position();
        if (!pos.boundary()) {
            List<SimEvent> ev = t.eventsOf(pos.step());
            for (int i = pos.micro() - 1; i >= 0; i--) {
                if (touches(ev.get(i), from, to)) {
                    found[0] = ev.get(i);
                    return new Position(pos.step(), i + 1);
                }
            }
        }
        int end = t.storedEventIndex(pos.step());
        for (int i = end - 1, scanned = 0; i >= 0 && scanned < LOOK_BACK; i--, scanned++) {
            SimEvent e = t.storedEvent(i);
            if (touches(e, from, to)) {
                found[0] = e;
                long step = t.stepOfStoredEvent(i);
                int first = t.storedEventIndex(step);
                int next = t.storedEventIndex(step + 1);
                return i + 1 >= next ? Position.at(step + 1) : new Position(step, i - first + 1);
            }
        }
        return null;
    }

    private static boolean touches(SimEvent e, long from, long to) {
        return CHANGING.contains(e.kind()) && e.pfn() >= 0 && e.pfn() < to && e.pfn() + Math.max(1, e.frames()) > from;
    }
}
