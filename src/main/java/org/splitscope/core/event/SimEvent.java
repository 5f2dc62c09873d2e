package org.splitscope.core.event;

import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;

/**
 * The one event vocabulary of SplitScope (STYLE.md principle 2). Every change of simulated state
 * is announced by exactly one of these records, emitted by {@code HostKernel} or
 * {@code Simulation} right after the change, in the order the kernel would do the work. One step
 * of a scenario ("guest 1 makes pfn X private at 4K") yields its ordered micro-events, for
 * example under split-on-demand:
 *
 * <pre>
 *   CpaCall(SET_MEMORY_4K) -> Split(1G) -> FlushTlbAll -> Split(2M) -> FlushTlbAll
 *   -> Keep4kMarked -> FlushTlbRange -> RmpUpdate
 * </pre>
 * (kernel 6.18; under 6.8 set_memory_4k marks nothing and flushes no range, R8).
 *
 * <p>Informational events (guest exits, gmem prepare) change no machine state but explain why the
 * following ones happen. Readers (the timeline, the view, the CLI) only ever see these records and
 * read-only snapshots of the state, never the simulator's internals.
 *
 * <p>Frames are PFNs; {@code cpu} is the logical host CPU that did the work; {@code asid} is the
 * guest (0 when there is none).
 */
public sealed interface SimEvent {

    EventKind kind();

    /** The host CPU involved, or -1. */
    default int cpu() {
        return -1;
    }

    /** The guest involved, or 0. */
    default int asid() {
        return 0;
    }

    /** First frame the event is about, or -1. */
    default long pfn() {
        return -1;
    }

    /** Number of frames from {@link #pfn()} the event is about (0 when none). */
    default long frames() {
        return pfn() < 0 ? 0 : 1;
    }

    /** One line for logs, the event table and the CLI. */
    String describe();

    // ---- guests (emitted by Simulation) --------------------------------------------------

    /** A guest was launched; {@code first} when no guest had been launched before. */
    record GuestLaunched(int asid, int vcpus, boolean first) implements SimEvent {
        public EventKind kind() {
            return EventKind.LAUNCH;
        }

        public String describe() {
            return "guest " + asid + " launched (" + vcpus + " vCPUs)" + (first ? ", the first guest" : "");
        }
    }

    /** A guest exited; every frame it owned has just gone back to shared (R23). */
    record GuestTornDown(int asid, long framesReleased) implements SimEvent {
        public EventKind kind() {
            return EventKind.TEARDOWN;
        }

        public String describe() {
            return "guest " + asid + " torn down, " + framesReleased + " frames back to the host";
        }
    }

    /** The guest asked for a page state change (PSC VMGEXIT), e.g. to accept memory lazily (R20). */
    record PageStateChange(int asid, int vcpu, long gpa, PageSize level, boolean toPrivate) implements SimEvent {
        public EventKind kind() {
            return EventKind.PSC;
        }

        public String describe() {
            return "guest " + asid + " vCPU " + vcpu + " PSC " + Pfns.hex(gpa) + " " + level + " -> "
                    + (toPrivate ? "private" : "shared");
        }
    }

    /**
     * gmem prepare (R14): the first private fault on a guest_memfd folio. {@code rmpLevel} is 2M when
     * the folio is 2M and all its frames were shared, else 4K. {@code cleared} when the folio was
     * newly allocated and the host zeroed it through the direct map.
     */
    record GmemPrepare(int asid, int cpu, long pfn, PageSize folio, PageSize rmpLevel, long gpa, boolean cleared)
            implements SimEvent {
        public EventKind kind() {
            return EventKind.GMEM_PREPARE;
        }

        public long frames() {
            return rmpLevel.frames();
        }

        public String describe() {
            return "gmem prepare: guest " + asid + " " + folio + " folio at " + Pfns.hex(pfn) + " -> private at "
                    + rmpLevel + (cleared ? " (cleared first)" : "");
        }
    }

    // ---- direct map (HostKernel) ---------------------------------------------------------

    /** A change_page_attr call took cpa_lock (R7); {@code lockWaitNs} is how long it waited. */
    record CpaCall(int cpu, CpaKind what, long pfn, long npages, long lockWaitNs) implements SimEvent {
        public EventKind kind() {
            return EventKind.CPA;
        }

        public long frames() {
            return npages;
        }

        public String describe() {
            return what.function() + "(" + Pfns.hex(pfn) + (npages > 1 ? ", " + npages : "") + ") on CPU " + cpu
                    + " takes cpa_lock" + (lockWaitNs > 0 ? " after waiting " + lockWaitNs + " ns" : "");
        }
    }

    /**
     * A large leaf was split (R6): a 1G leaf into 512 2M leaves (direct_map_level3_splits) or a 2M
     * leaf into 512 4K PTEs (direct_map_level2_splits). A FlushTlbAll always follows.
     */
    record Split(int cpu, long pfn, PageSize from) implements SimEvent {
        public EventKind kind() {
            return EventKind.SPLIT;
        }

        public long frames() {
            return from.frames();
        }

        public String describe() {
            return "split " + from + " leaf at " + Pfns.hex(pfn) + " into 512 "
                    + (from == PageSize.G1 ? "2M leaves" : "4K PTEs");
        }
    }

    /** A region collapsed back into a large leaf (R9); a FlushTlbAll follows. */
    record Collapse(int cpu, long pfn, PageSize to) implements SimEvent {
        public EventKind kind() {
            return EventKind.COLLAPSE;
        }

        public long frames() {
            return to.frames();
        }

        public String describe() {
            return "collapse " + Pfns.hex(pfn) + " back into one " + to + " leaf";
        }
    }

    /**
     * A leaf of the direct map was marked not present (invalidated) or present again (restored)
     * (R8, R28): a 4K PTE, or a whole 2M or 1G leaf changed in place at {@code pfn} (its first frame).
     */
    record PteChange(int cpu, long pfn, PageSize size, boolean present) implements SimEvent {
        public EventKind kind() {
            return EventKind.PTE;
        }

        public long frames() {
            return size.frames();
        }

        public String describe() {
            String what = size == PageSize.K4 ? "PTE of " + Pfns.hex(pfn)
                    : "whole " + size + " leaf at " + Pfns.hex(pfn) + " (no split)";
            return what + (present ? " present again" : " not present");
        }
    }

    /** set_memory_4k marked these frames "keep 4K": they are never collapsed (R8). */
    record Keep4kMarked(long pfn, long npages) implements SimEvent {
        public EventKind kind() {
            return EventKind.KEEP4K;
        }

        public long frames() {
            return npages;
        }

        public String describe() {
            return Pfns.hex(pfn) + (npages > 1 ? " +" + npages : "") + " marked keep-4K";
        }
    }

    /**
     * flush_tlb_all(): every CPU's TLB is emptied (R18), either by one IPI per other CPU
     * ({@code broadcast} false: kernel 6.8, or no INVLPGB) or by one broadcast INVLPGB + TLBSYNC
     * from the sender that interrupts nobody ({@code broadcast} true, {@code ipis} 0).
     */
    record FlushTlbAll(int cpu, FlushReason reason, int ipis, int entriesDropped, boolean broadcast)
            implements SimEvent {
        public EventKind kind() {
            return EventKind.FLUSH_ALL;
        }

        public String describe() {
            return "flush_tlb_all() from CPU " + cpu + " (" + reason.text() + "): "
                    + (broadcast ? "one INVLPGB broadcast + TLBSYNC, no IPI" : ipis + " IPIs") + ", "
                    + entriesDropped + " TLB entries dropped";
        }
    }

    /** A range flush of at most 33 pages: each page's entries dropped on every CPU (R8). */
    record FlushTlbRange(int cpu, long pfn, long npages, int ipis, int entriesDropped) implements SimEvent {
        public EventKind kind() {
            return EventKind.FLUSH_RANGE;
        }

        public long frames() {
            return npages;
        }

        public String describe() {
            return "flush " + npages + " page" + (npages > 1 ? "s" : "") + " at " + Pfns.hex(pfn) + " on every CPU: "
                    + ipis + " IPIs, " + entriesDropped + " entries dropped";
        }
    }

    // ---- RMP (HostKernel) -----------------------------------------------------------------

    /**
     * RMPUPDATE (R12) with its status; {@code assigned} false for rmp_make_shared. {@code why} says
     * why a failed one failed ("" on success): the table is unchanged and the run goes on.
     */
    record RmpUpdate(int cpu, long pfn, PageSize level, boolean assigned, int asid, long gpa, int status,
                     String why) implements SimEvent {
        public RmpUpdate(int cpu, long pfn, PageSize level, boolean assigned, int asid, long gpa, int status) {
            this(cpu, pfn, level, assigned, asid, gpa, status, "");
        }

        public EventKind kind() {
            return EventKind.RMPUPDATE;
        }

        public long frames() {
            return level.frames();
        }

        public String describe() {
            String what = assigned ? "private to guest " + asid + " (gpa " + Pfns.hex(gpa) + ")" : "shared";
            return "RMPUPDATE " + Pfns.hex(pfn) + " " + level + " -> " + what
                    + (status == 0 ? "" : " failed: " + RmpTable.statusName(status) + " (status " + status + ")"
                    + (why.isEmpty() ? "" : ": " + why));
        }
    }

    /** PSMASH (R13): a 2M RMP entry became 512 4K entries. */
    record Psmash(int cpu, long pfn, int status) implements SimEvent {
        public EventKind kind() {
            return EventKind.PSMASH;
        }

        public long frames() {
            return 512;
        }

        public String describe() {
            return "PSMASH " + Pfns.hex(pfn) + (status == 0 ? " into 512 4K RMP entries" : ": " + RmpTable.statusName(status));
        }
    }

    /** The guest validated (or rescinded) a page with PVALIDATE. */
    record PValidate(int asid, long pfn, PageSize level, boolean validate, int status) implements SimEvent {
        public EventKind kind() {
            return EventKind.PVALIDATE;
        }

        public long frames() {
            return level.frames();
        }

        public String describe() {
            return "guest " + asid + " PVALIDATE " + Pfns.hex(pfn) + " " + level
                    + (status == 0 ? "" : ": " + RmpTable.statusName(status));
        }
    }

    /** The policy refused a private assignment (private-2m-only refuses 4K ones). */
    record AssignmentRejected(int asid, long pfn, PageSize level, String policy) implements SimEvent {
        public EventKind kind() {
            return EventKind.REJECTED;
        }

        public String describe() {
            return policy + " refused to make " + Pfns.hex(pfn) + " private at " + level + " for guest " + asid;
        }
    }

    // ---- host accesses, TLBs and faults (HostKernel) -------------------------------------------

    /**
     * A host CPU read or wrote a frame (R15). {@code via} says whether the translation came from the
     * CPU's TLB or a page walk; {@code size} is the size of the translation used (null when the walk
     * found nothing present); {@code staleEntry} when a TLB entry used no longer matches the page tables.
     */
    record HostAccess(int cpu, long pfn, boolean write, Via via, PageSize size, boolean staleEntry,
                      AccessPurpose purpose) implements SimEvent {
        public EventKind kind() {
            return EventKind.ACCESS;
        }

        public String describe() {
            return "CPU " + cpu + " " + (write ? "writes " : "reads ") + Pfns.hex(pfn) + " (" + purpose.text() + ") via "
                    + (size == null ? "a walk that finds no present leaf"
                    : (via == Via.TLB ? (staleEntry ? "a stale " : "a ") + size + " TLB entry" : "a walk to a " + size + " leaf"));
        }
    }

    /** A walk filled a TLB entry; {@code evictedBase} is the LRU entry it replaced, or -1. */
    record TlbFill(int cpu, long pfn, PageSize size, long evictedBase) implements SimEvent {
        public EventKind kind() {
            return EventKind.TLB_FILL;
        }

        public long frames() {
            return size.frames();
        }

        public String describe() {
            return "CPU " + cpu + " caches a " + size + " entry for " + Pfns.hex(pfn)
                    + (evictedBase >= 0 ? ", evicting " + Pfns.hex(evictedBase) : "");
        }
    }

    /**
     * RMP #PF on a host write (R17): the host crashes. The write to {@code pfn} by {@code cpu}
     * went through a {@code size} translation (from the TLB or a walk; {@code entryBase} is the first
     * frame that translation maps), and {@code privateFrames} frames of the 2M region it checks were
     * assigned, the first being {@code firstPrivatePfn}, owned by guest {@code ownerAsid}.
     */
    record RmpFault(int cpu, long pfn, Via via, PageSize size, boolean staleEntry, long entryBase,
                    long firstPrivatePfn, int privateFrames, int ownerAsid) implements SimEvent {
        public EventKind kind() {
            return EventKind.RMP_FAULT;
        }

        public int asid() {
            return ownerAsid;
        }

        public String describe() {
            return explain();
        }

        /** The sentence the event log shows: which write, through which entry, which private frame. */
        public String explain() {
            String entry = (via == Via.TLB ? (staleEntry ? "a stale " : "a cached ") : "a ") + size
                    + (via == Via.TLB ? " TLB entry" : " direct-map leaf") + " at " + Pfns.hex(entryBase);
            String culprit = size == PageSize.K4
                    ? "the frame itself is private to guest " + ownerAsid
                    : (privateFrames == 1 ? "frame " : privateFrames + " frames from ") + Pfns.hex(firstPrivatePfn)
                    + " in the same 2M region " + (privateFrames == 1 ? "is" : "are") + " private to guest " + ownerAsid;
            return "RMP #PF (oops: RMP violation; the thread's host crash): CPU " + cpu + " wrote " + Pfns.hex(pfn)
                    + " through " + entry + ", and " + culprit;
        }
    }

    /**
     * A not-present #PF (R16): the walk found no present leaf. Like an RMP #PF it ends in
     * page_fault_oops(), but it is not an RMP violation. {@code leaf} is the size of the not-present
     * leaf the walk ended at (a 4K PTE, or a whole 2M or 1G leaf made not present in place, R28),
     * starting at {@code leafBase}; null when the frame is not RAM (no leaf at all).
     */
    record NotPresentFault(int cpu, long pfn, boolean write, PageSize leaf, long leafBase) implements SimEvent {
        public EventKind kind() {
            return EventKind.NP_FAULT;
        }

        /** Whether the frame is not RAM (a hole, R1). */
        public boolean hole() {
            return leaf == null;
        }

        public String describe() {
            String why = leaf == null ? "not RAM: no direct-map leaf"
                    : leaf == PageSize.K4 ? "its 4K PTE is not present"
                    : "the whole " + leaf + " leaf at " + Pfns.hex(leafBase) + " is not present";
            return "not-present #PF (oops): CPU " + cpu + " " + (write ? "wrote " : "read ") + Pfns.hex(pfn)
                    + " (" + why + ")";
        }
    }

    // ---- bulk mode (Simulation.runTo(.., RunMode.BULK)) ---------------------------------------

    /**
     * Events that bulk mode counted instead of building, one event for a run of frames: {@code count}
     * events of kind {@code of} that guest {@code asid}'s steps in [{@code fromStep}, {@code toStep})
     * made, one per folio of the frames [{@code pfn}, {@code pfn + frames}). Only lazy-acceptance
     * steps settled guest by guest are reported this way, and only to a sink that wants their kinds;
     * {@code EventExpansion} builds the events themselves by replaying those steps on the step path
     * (R24: the same steps give the same events).
     */
    record Range(EventKind of, int asid, long fromStep, long toStep, long count, long pfn, long frames)
            implements SimEvent {
        public EventKind kind() {
            return of;
        }

        public String describe() {
            return count + " x " + of.label() + " by guest " + asid + " over " + Pfns.hex(pfn) + " +" + frames
                    + " frames, steps " + (fromStep + 1) + "-" + toStep + " (settled in bulk; expand to see each)";
        }
    }
}
