package org.splitscope.scenario;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.guest.GuestPlacement;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.guest.MemoryPlan;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.StepCount;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

/**
 * The {@code guests:} and {@code steps:} of a scenario (SCENARIO.md): every guest, step and
 * workload checked against the machine before a run, and the expanded step count checked against
 * {@link StepCount#MAX}. Numbers are range-checked before they are narrowed (an ASID of 4294967297
 * is an error, not 1).
 */
final class StepReader {
    /** A GPA's frame number has 39 bits in an RMP entry (RmpEntry: gpa >> 12 in bits 12-50). */
    static final long MAX_GPA = 1L << 51;

    private StepReader() {
    }

    static List<GuestSpec> guests(String label, List<Node> guestNodes, RamMap ram) throws ScenarioException {
        List<GuestSpec> guests = new ArrayList<>();
        for (Node gn : guestNodes) {
            GuestSpec g = guest(new Fields(label, gn, "a guest"));
            for (GuestSpec other : guests) {
                if (other.asid() == g.asid()) {
                    throw new ScenarioException(label, gn.line(), gn.column(), "two guests declare asid " + g.asid());
                }
            }
            guests.add(g);
        }
        checkGuestsFit(label, guests, guestNodes, ram);
        return guests;
    }

    static List<ProgramItem> steps(String label, Fields top, MachineSpec machine, List<GuestSpec> guests, RamMap ram)
            throws ScenarioException {
        List<ProgramItem> items = new ArrayList<>();
        List<Node> nodes = top.list("steps");
        for (Node sn : nodes) {
            items.add(step(new Fields(label, sn, "a step"), machine, guests, ram));
        }
        long[] counts = StepCount.perItem(items, guests);
        long total = StepCount.total(counts);
        if (total > StepCount.MAX) {
            long sum = 0;
            int i = 0;
            while (sum + counts[i] <= StepCount.MAX) {
                sum += counts[i++];
            }
            Node at = nodes.get(i);
            throw new ScenarioException(label, at.line(), at.column(), "the steps expand to " + total
                    + " steps, more than the " + StepCount.MAX + " a scenario may have (this one, of " + counts[i]
                    + " steps, is where the count passes it)");
        }
        return items;
    }

    static GuestSpec guest(Fields f) throws ScenarioException {
        f.allow("asid", "memory", "vcpus", "folio");
        int asid = (int) f.integer("asid", 1, RmpTable.MAX_ASID);
        long memory = f.size("memory");
        int vcpus = (int) f.integer("vcpus", 1, 1024, 1);
        PageSize folio = level(f, "folio", PageSize.K4);
        try {
            return new GuestSpec(asid, memory, vcpus, folio);
        } catch (IllegalArgumentException e) {
            throw f.error(f.get("memory"), e.getMessage());
        }
    }

    static void checkGuestsFit(String label, List<GuestSpec> guests, List<Node> nodes, RamMap ram)
            throws ScenarioException {
        long free = ram.fullRegionsAbove(MemoryPlan.RESERVED_BYTES / (2 * Pfns.MIB));
        for (int i = 0; i < guests.size(); i++) {
            long need = GuestPlacement.regionsNeeded(guests.get(i));
            if (need > free) {
                Node n = nodes.get(i);
                throw new ScenarioException(label, n.line(), n.column(), "guest " + guests.get(i).asid()
                        + " does not fit: it needs " + Pfns.exactBytes(need * 2 * Pfns.MIB) + " of host RAM"
                        + " but only " + Pfns.exactBytes(free * 2 * Pfns.MIB) + " is left after the host's low "
                        + Pfns.exactBytes(MemoryPlan.RESERVED_BYTES) + " and the guests before it");
            }
            free -= need;
        }
    }

    static ProgramItem step(Fields f, MachineSpec m, List<GuestSpec> guests, RamMap ram)
            throws ScenarioException {
        String op = f.text("op");
        String caption = f.has("caption") ? f.text("caption").strip() : null;
        switch (op) {
            case "launch" -> {
                f.allow("op", "guest", "caption");
                return fixed(new Step.Launch(guestRef(f, "guest", guests), caption));
            }
            case "teardown" -> {
                f.allow("op", "guest", "caption");
                return fixed(new Step.Teardown(guestRef(f, "guest", guests), caption));
            }
            case "assign" -> {
                f.allow("op", "guest", "pfn", "level", "gpa", "caption");
                int asid = guestRef(f, "guest", guests);
                PageSize level = level(f, "level", PageSize.K4);
                long pfn = ramPfn(f, m, ram, level, true);
                long gpa = f.has("gpa") ? f.integerOf(f.get("gpa"), "gpa") : -1;
                if (f.has("gpa") && (gpa < 0 || gpa >= MAX_GPA || gpa % level.bytes() != 0)) {
                    throw f.error(f.get("gpa"), "gpa must be a multiple of " + level + " from 0 to below 2^51 (the"
                            + " RMP entry's GPA field), got " + Pfns.hex(gpa));
                }
                return fixed(new Step.Assign(asid, pfn, level, gpa, caption));
            }
            case "release" -> {
                f.allow("op", "pfn", "level", "caption");
                PageSize level = level(f, "level", PageSize.K4);
                return fixed(new Step.Release(ramPfn(f, m, ram, level, true), level, caption));
            }
            case "psmash" -> {
                f.allow("op", "pfn", "caption");
                return fixed(new Step.Psmash(ramPfn(f, m, ram, PageSize.M2, true), caption));
            }
            case "host-write", "host-read" -> {
                f.allow("op", "cpu", "pfn", "caption");
                int cpu = (int) f.integer("cpu", 0, m.cpus() - 1, 0);
                long pfn = ramPfn(f, m, ram, PageSize.K4, false);
                return fixed(new Step.HostAccess(cpu, pfn, op.equals("host-write"), caption));
            }
            case "workload" -> {
                return workload(f, m, guests, caption);
            }
            default -> throw f.error(f.get("op"), "unknown op '" + Quote.of(op)
                    + "' (launch, assign, release, host-write, host-read, psmash, teardown, workload)");
        }
    }

    private static ProgramItem fixed(Step s) {
        return new ProgramItem.Fixed(s);
    }

    private static ProgramItem workload(Fields f, MachineSpec m, List<GuestSpec> guests, String caption)
            throws ScenarioException {
        String kind = f.text("kind");
        switch (kind) {
            case "lazy-accept" -> {
                f.allow("op", "kind", "guest", "fraction", "caption");
                List<Integer> asids = new ArrayList<>();
                for (long a : f.integers("guest", 1, RmpTable.MAX_ASID)) {
                    asids.add(checkGuest(f, (int) a, guests));
                }
                double fraction = f.number("fraction", 0, 1, 1.0);
                if (fraction == 0) {
                    throw f.error(f.get("fraction"), "fraction must be more than 0");
                }
                return new ProgramItem.Generated(new WorkloadSpec.LazyAccept(asids, fraction), caption);
            }
            case "conversions" -> {
                f.allow("op", "kind", "guest", "count", "level", "shared-ratio", "caption");
                int asid = guestRef(f, "guest", guests);
                long count = f.integer("count", 1, ScenarioLoader.MAX_WORKLOAD_STEPS);
                PageSize level = level(f, "level", PageSize.K4);
                double ratio = f.number("shared-ratio", 0, 1, 0.5);
                GuestSpec g = guests.stream().filter(x -> x.asid() == asid).findFirst().orElseThrow();
                if (level == PageSize.M2 && g.memory() < 2 * Pfns.MIB) {
                    throw f.error(f.get("level"), "guest " + asid + " has less than 2 MiB to convert at 2M");
                }
                return new ProgramItem.Generated(new WorkloadSpec.Conversions(asid, count, level, ratio), caption);
            }
            case "host-activity" -> {
                f.allow("op", "kind", "count", "write-ratio", "cpus", "caption");
                long count = f.integer("count", 1, ScenarioLoader.MAX_WORKLOAD_STEPS);
                double ratio = f.number("write-ratio", 0, 1, 0.5);
                int cpus = (int) f.integer("cpus", 1, m.cpus(), m.cpus());
                return new ProgramItem.Generated(new WorkloadSpec.HostActivity(count, ratio, cpus), caption);
            }
            default -> throw f.error(f.get("kind"), "unknown workload kind '" + Quote.of(kind)
                    + "' (lazy-accept, conversions, host-activity)");
        }
    }

    private static int guestRef(Fields f, String key, List<GuestSpec> guests) throws ScenarioException {
        Node n = f.require(key);
        return checkGuest(f, (int) f.integerIn(n, key, 1, RmpTable.MAX_ASID), guests, n);
    }

    private static int checkGuest(Fields f, int asid, List<GuestSpec> guests) throws ScenarioException {
        return checkGuest(f, asid, guests, f.get("guest"));
    }

    private static int checkGuest(Fields f, int asid, List<GuestSpec> guests, Node at) throws ScenarioException {
        for (GuestSpec g : guests) {
            if (g.asid() == asid) {
                return asid;
            }
        }
        throw f.error(at, "no guest declares asid " + asid);
    }

    private static PageSize level(Fields f, String key, PageSize dflt) throws ScenarioException {
        if (!f.has(key)) {
            return dflt;
        }
        String t = f.text(key);
        if (t.equalsIgnoreCase("4K")) {
            return PageSize.K4;
        }
        if (t.equalsIgnoreCase("2M")) {
            return PageSize.M2;
        }
        throw f.error(f.get(key), key + " must be 4K or 2M, got '" + t + "'");
    }

    private static long ramPfn(Fields f, MachineSpec m, RamMap ram, PageSize level, boolean mustBeRam)
            throws ScenarioException {
        Node n = f.require("pfn");
        long pfn = f.integerOf(n, "pfn");
        if (pfn < 0 || pfn >= m.frames()) {
            throw f.error(n, "pfn " + Pfns.hex(pfn) + " is beyond RAM (the last frame is " + Pfns.hex(m.frames() - 1) + ")");
        }
        if (level == PageSize.M2 && !Pfns.aligned(pfn, PageSize.M2)) {
            throw f.error(n, "a 2M step needs a 2M-aligned pfn (a multiple of 0x200), got " + Pfns.hex(pfn));
        }
        long span = level == PageSize.M2 ? Pfns.FRAMES_PER_2M : 1;
        if (mustBeRam && !ram.allRam(pfn, span)) {
            throw f.error(n, "pfn " + Pfns.hex(pfn) + (span > 1 ? " +2M" : "") + " is in a hole (not RAM)");
        }
        return pfn;
    }
}
