package org.splitscope.core.workload;

import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;

/**
 * One step of a scenario's expanded step list: either written by hand in the scenario file
 * (with an optional caption) or generated from a workload (lazy acceptance, conversions, host
 * activity). Generated steps are computed from the seed on demand, never stored.
 */
public sealed interface Step {
    /** The caption the scenario gave this step, or null. */
    String caption();

    /** What the step does, in one line. */
    String describe();

    /** The guest the step belongs to, or 0. */
    default int asid() {
        return 0;
    }

    record Launch(int asid, String caption) implements Step {
        public String describe() {
            return "launch guest " + asid;
        }
    }

    /**
     * rmp_make_private through the policy hook (R12). {@code gpa} is -1 when the scenario gave none;
     * {@code cpu} is the host CPU that makes the call (a host recording's trace line says which), or -1
     * for the guest's first vCPU's CPU, as a scenario's assign step means.
     */
    record Assign(int asid, long pfn, PageSize level, long gpa, String caption, int cpu) implements Step {
        public Assign(int asid, long pfn, PageSize level, long gpa, String caption) {
            this(asid, pfn, level, gpa, caption, -1);
        }

        public String describe() {
            return "guest " + asid + " makes " + Pfns.hex(pfn) + " private at " + level;
        }
    }

    /**
     * rmp_make_shared, PSMASHing a 2M entry first when a 4K release needs it (R14); {@code cpu} as for
     * {@link Assign} (-1: the owner's first vCPU's CPU).
     */
    record Release(long pfn, PageSize level, String caption, int cpu) implements Step {
        public Release(long pfn, PageSize level, String caption) {
            this(pfn, level, caption, -1);
        }

        public String describe() {
            return Pfns.hex(pfn) + " back to shared at " + level;
        }
    }

    /** An explicit host read or write. */
    record HostAccess(int cpu, long pfn, boolean write, String caption) implements Step {
        public String describe() {
            return "CPU " + cpu + (write ? " writes " : " reads ") + Pfns.hex(pfn);
        }
    }

    /** PSMASH (R13); {@code cpu} as for {@link Assign} (-1: the owner's first vCPU's CPU). */
    record Psmash(long pfn, String caption, int cpu) implements Step {
        public Psmash(long pfn, String caption) {
            this(pfn, caption, -1);
        }

        public String describe() {
            return "PSMASH " + Pfns.hex(pfn);
        }
    }

    record Teardown(int asid, String caption) implements Step {
        public String describe() {
            return "guest " + asid + " exits; its frames go back to shared";
        }
    }

    /** Lazy acceptance (R20): vCPU {@code vcpu} of guest {@code asid} first touches folio {@code folio}. */
    record Accept(int asid, int vcpu, long folio, PageSize folioSize) implements Step {
        public String caption() {
            return null;
        }

        public String describe() {
            return "guest " + asid + " vCPU " + vcpu + " accepts " + folioSize + " at gpa "
                    + Pfns.hex(folio * folioSize.bytes());
        }
    }

    /** A conversion (R21) of the range at guest frame {@code gfn} to shared or private. */
    record Convert(int asid, int vcpu, long gfn, PageSize level, boolean toShared) implements Step {
        public String caption() {
            return null;
        }

        public String describe() {
            return "guest " + asid + " converts " + level + " at gpa " + Pfns.hex(gfn * Pfns.FRAME_BYTES) + " to "
                    + (toShared ? "shared" : "private");
        }
    }

    /** Generated host activity (R22): a host CPU reads or writes a host frame. */
    record HostActivity(int cpu, long pfn, boolean write) implements Step {
        public String caption() {
            return null;
        }

        public String describe() {
            return "host CPU " + cpu + (write ? " writes " : " reads ") + Pfns.hex(pfn);
        }
    }
}
