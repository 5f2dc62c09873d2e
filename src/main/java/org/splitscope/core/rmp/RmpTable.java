package org.splitscope.core.rmp;

import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.state.JBits;
import org.splitscope.core.state.JInts;
import org.splitscope.core.state.JLongMap;
import org.splitscope.core.state.JLongs;
import org.splitscope.core.state.JShorts;
import org.splitscope.core.state.Journal;

/**
 * The Reverse Map Table: one entry per frame saying who owns it (DOMAIN.md R10-R14; AMD APM vol. 2
 * 15.36 and the kernel's arch/x86/virt/svm/sev.c).
 *
 * <p>Representation (R3): 4K entries are three bits per frame (assigned, validated, immutable); a
 * 2M entry lives on its 2M-aligned frame and is kept as three bits per region, so that "is this
 * region's 2M entry assigned" is one lookup and a 4K entry is never assigned inside an assigned 2M
 * entry. Owners (ASID and GPA) are kept per region as {@code asid << 40 | gfn of the region's first
 * frame}, which is exact whenever a region's frames belong to one guest at linear GPAs - always true
 * for the simulator's own placement of guest memory. Frames that break that rule (explicit steps)
 * are kept in a small journaled overflow map. Counters per region and per 1G answer "anything
 * assigned here?" without walking frames.
 *
 * <p>Status codes are those of the RMPUPDATE, PSMASH and PVALIDATE instructions (APM vol. 3).
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class RmpTable {
    public static final int SUCCESS = 0;
    public static final int FAIL_INPUT = 1;
    public static final int FAIL_PERMISSION = 2;
    public static final int FAIL_INUSE = 3;
    /** RMPUPDATE_FAIL_OVERLAP in arch/x86/include/asm/sev.h: a 4K/2M overlap. */
    public static final int FAIL_OVERLAP = 4;
    public static final int FAIL_SIZEMISMATCH = 6;

    static final int ASID_SHIFT = 40;
    private static final long GFN_MASK = (1L << ASID_SHIFT) - 1;
    public static final int MAX_ASID = 1023;

    private final long frames;
    final JBits a4;
    final JBits v4;
    final JBits i4;
    final JBits a2;
    final JBits v2;
    final JBits i2;
    final JShorts assignedCount;
    final JShorts overflowCount;
    /** ASID of the region's linear owner (and of its 2M entry). */
    final JShorts ownerAsid;
    /** Guest frame of the region's first frame under the linear owner; may be negative. */
    final JLongs gfnBase;
    private final JLongMap overflow;
    final JInts gigAssigned;
    /** [0] frames with an assigned 4K entry, [1] assigned 2M entries. */
    final JLongs totals;
    /**
     * Frames whose 4K entry is immutable (the i4 bits set). Nothing the simulator runs makes one, so
     * this is almost always 0, and then the immutable checks of RMPUPDATE need not read i4 at all.
     */
    final JLongs immutable4k;

    public RmpTable(Journal journal, long frames, int regions, int gigs) {
        this.frames = frames;
        a4 = new JBits(journal, "rmp.a4", frames);
        v4 = new JBits(journal, "rmp.v4", frames);
        i4 = new JBits(journal, "rmp.i4", frames);
        a2 = new JBits(journal, "rmp.a2", regions);
        v2 = new JBits(journal, "rmp.v2", regions);
        i2 = new JBits(journal, "rmp.i2", regions);
        assignedCount = new JShorts(journal, "rmp.assignedCount", regions);
        overflowCount = new JShorts(journal, "rmp.overflowCount", regions);
        ownerAsid = new JShorts(journal, "rmp.ownerAsid", regions);
        gfnBase = new JLongs(journal, "rmp.gfnBase", regions);
        overflow = new JLongMap(journal, "rmp.overflow", 1 << 16);
        gigAssigned = new JInts(journal, "rmp.gigAssigned", gigs);
        totals = new JLongs(journal, "rmp.totals", 2);
        immutable4k = new JLongs(journal, "rmp.immutable4k", 1);
    }

    // ---- queries ---------------------------------------------------------------------------

    /** Whether the region's own 2M entry is assigned (and therefore authoritative, R11). */
    public boolean has2m(int region) {
        return a2.get(region);
    }

    /** Whether the frame's own 4K entry is assigned. */
    public boolean assigned4k(long pfn) {
        return a4.get(pfn);
    }

    /** Whether the authoritative entry for the frame is assigned (R11). */
    public boolean assigned(long pfn) {
        return a2.get(Pfns.region(pfn)) || a4.get(pfn);
    }

    /** Frames of the region with an assigned 4K entry. */
    public int assigned4kIn(int region) {
        return assignedCount.get(region);
    }

    /** Whether any frame of the 2M region is assigned, through a 2M or a 4K entry (R17). */
    public boolean anyAssigned(int region) {
        return assignedCount.get(region) != 0 || a2.get(region);
    }

    /** Frames of the 1G region that are assigned (a 2M entry counts 512). */
    public int assignedInGig(int gig) {
        return gigAssigned.get(gig);
    }

    /** Frames of the region whose authoritative entry is assigned. */
    public int assignedFramesIn(int region) {
        return a2.get(region) ? Pfns.FRAMES_PER_2M : assignedCount.get(region);
    }

    /** Frames of the region whose authoritative entry is validated. */
    public int validatedFramesIn(int region) {
        if (a2.get(region)) {
            return v2.get(region) ? Pfns.FRAMES_PER_2M : 0;
        }
        return v4.count(Pfns.regionBase(region), Pfns.FRAMES_PER_2M);
    }

    /** The first assigned frame of the region at or after {@code from}, or -1. */
    public long nextAssigned(int region, long from) {
        long base = Pfns.regionBase(region);
        if (a2.get(region)) {
            return Math.max(from, base);
        }
        return a4.nextSet(Math.max(from, base), base + Pfns.FRAMES_PER_2M);
    }

    /** ASID owning a frame whose authoritative entry is assigned (0 when it is not). */
    public int asid(long pfn) {
        if (!assigned(pfn)) {
            return 0;
        }
        return (int) (ownerOf(pfn) >>> ASID_SHIFT);
    }

    /**
     * The single ASID owning every assigned frame of the region, 0 if none is assigned, or -1 when
     * frames of the region belong to different guests.
     */
    public int regionAsid(int region) {
        if (!anyAssigned(region)) {
            return 0;
        }
        int a = ownerAsid.get(region);
        if (overflowCount.get(region) == 0) {
            return a;
        }
        long base = Pfns.regionBase(region);
        int first = -2;
        for (long f = a4.nextSet(base, base + 512); f >= 0; f = a4.nextSet(f + 1, base + 512)) {
            int x = (int) (ownerOf(f) >>> ASID_SHIFT);
            if (first == -2) {
                first = x;
            } else if (x != first) {
                return -1;
            }
        }
        return first;
    }

    private long ownerOf(long pfn) {
        int r = Pfns.region(pfn);
        if (overflowCount.get(r) != 0) {
            long v = overflow.get(pfn, -1);
            if (v >= 0) {
                return v;
            }
        }
        return ((long) ownerAsid.get(r) << ASID_SHIFT) | (gfnBase.get(r) + (pfn & (Pfns.FRAMES_PER_2M - 1)));
    }

    /** The authoritative entry for a frame (R11), as a value. */
    public RmpEntry entry(long pfn) {
        int r = Pfns.region(pfn);
        if (a2.get(r)) {
            long gfn = gfnBase.get(r) + (pfn & (Pfns.FRAMES_PER_2M - 1));
            return new RmpEntry(pfn, Pfns.regionBase(r), PageSize.M2, true, ownerAsid.get(r),
                    gfn * Pfns.FRAME_BYTES, v2.get(r), i2.get(r));
        }
        boolean assigned = a4.get(pfn);
        long o = assigned ? ownerOf(pfn) : 0;
        return new RmpEntry(pfn, pfn, PageSize.K4, assigned, (int) (o >>> ASID_SHIFT),
                (o & GFN_MASK) * Pfns.FRAME_BYTES, v4.get(pfn), i4.get(pfn));
    }

    public RmpState state(long pfn) {
        return entry(pfn).state();
    }

    /** Frames whose own 4K entry is assigned ({@code assigned_4k_frames}). */
    public long assigned4kFrames() {
        return totals.get(0);
    }

    /** Assigned 2M entries ({@code private_2m_entries}). */
    public long private2mEntries() {
        return totals.get(1);
    }

    // ---- instructions ----------------------------------------------------------------------

    /**
     * RMPUPDATE (R12). {@code gfn} is the guest frame of {@code pfn} (for 2M: of the aligned frame).
     * Returns a status code; the table is unchanged unless it is {@link #SUCCESS}. Every
     * successful RMPUPDATE leaves the entry not validated, as the instruction does.
     */
    public int rmpupdate(long pfn, PageSize level, boolean assigned, int asid, long gfn, boolean immutable) {
        if (pfn < 0 || pfn >= frames || asid < 0 || asid > MAX_ASID || (assigned && gfn < 0)) {
            return FAIL_INPUT;
        }
        int r = Pfns.region(pfn);
        if (level == PageSize.M2) {
            if (!Pfns.aligned(pfn, PageSize.M2)) {
                return FAIL_INPUT;
            }
            return rmpupdate2m(r, assigned, asid, gfn, immutable);
        }
        if (level != PageSize.K4) {
            return FAIL_INPUT;
        }
        if (a2.get(r)) {
            return FAIL_OVERLAP;
        }
        if (immutable4k(pfn)) {
            return FAIL_PERMISSION;
        }
        if (a4.get(pfn)) {
            unassign4k(pfn);
        }
        if (assigned) {
            assign4k(pfn, asid, gfn, immutable);
        } else {
            setImmutable4k(pfn, immutable);
            v4.clear(pfn);
        }
        return SUCCESS;
    }

    /**
     * A 2M RMPUPDATE (R12): it needs the aligned region with no assigned 4K entry. Over any assigned
     * 4K entry it fails with FAIL_OVERLAP and changes nothing, whether it assigns or not: 512 4K
     * entries are never merged into a 2M entry (KVM asks for a 2M one only when
     * is_large_rmp_possible() finds all 512 frames shared; sev.c rmpupdate() retries on
     * RMPUPDATE_FAIL_OVERLAP, which the simulation records as the step's failure instead).
     */
    private int rmpupdate2m(int r, boolean assigned, int asid, long gfn, boolean immutable) {
        long base = Pfns.regionBase(r);
        int gig = Pfns.gigOfRegion(r);
        if (a2.get(r)) {
            if (i2.get(r)) {
                return FAIL_PERMISSION;
            }
            // the 2M entry is uniform by construction: overwrite it
            clear2m(r, gig);
        } else if (assignedCount.get(r) != 0) {
            return FAIL_OVERLAP;
        } else {
            int imm = immutable4k.get(0) == 0 ? 0 : i4.count(base, Pfns.FRAMES_PER_2M);
            if (imm != 0 && imm != Pfns.FRAMES_PER_2M) {
                return FAIL_OVERLAP;
            }
            if (imm != 0) {
                return FAIL_PERMISSION;
            }
        }
        if (assigned) {
            a2.set(r);
            v2.clear(r);
            i2.set(r, immutable);
            ownerAsid.set(r, (short) asid);
            gfnBase.set(r, gfn);
            gigAssigned.add(gig, Pfns.FRAMES_PER_2M);
            totals.add(1, 1);
        }
        return SUCCESS;
    }

    private void clear2m(int r, int gig) {
        a2.clear(r);
        v2.clear(r);
        i2.clear(r);
        gigAssigned.add(gig, -Pfns.FRAMES_PER_2M);
        totals.add(1, -1);
    }

    private void assign4k(long pfn, int asid, long gfn, boolean immutable) {
        int r = Pfns.region(pfn);
        int off = (int) (pfn & (Pfns.FRAMES_PER_2M - 1));
        if (assignedCount.get(r) == 0) {
            ownerAsid.set(r, (short) asid);
            gfnBase.set(r, gfn - off);
        } else if (ownerAsid.get(r) != asid || gfnBase.get(r) + off != gfn) {
            overflow.put(pfn, ((long) asid << ASID_SHIFT) | gfn);
            overflowCount.add(r, 1);
        }
        a4.set(pfn);
        v4.clear(pfn);
        setImmutable4k(pfn, immutable);
        assignedCount.add(r, 1);
        gigAssigned.add(Pfns.gig(pfn), 1);
        totals.add(0, 1);
    }

    private void unassign4k(long pfn) {
        int r = Pfns.region(pfn);
        if (overflowCount.get(r) != 0 && overflow.containsKey(pfn)) {
            overflow.remove(pfn);
            overflowCount.add(r, -1);
        }
        a4.clear(pfn);
        v4.clear(pfn);
        setImmutable4k(pfn, false);
        assignedCount.add(r, -1);
        gigAssigned.add(Pfns.gig(pfn), -1);
        totals.add(0, -1);
    }

    /** Whether the frame's own 4K entry is immutable. */
    boolean immutable4k(long pfn) {
        return immutable4k.get(0) != 0 && i4.get(pfn);
    }

    private void setImmutable4k(long pfn, boolean value) {
        if (value == immutable4k(pfn)) {
            return;
        }
        i4.set(pfn, value);
        immutable4k.add(0, value ? 1 : -1);
    }

    /**
     * Whether every assigned 4K entry of the region belongs to {@code asid} at linear GPAs and none is
     * immutable, so that {@link #releaseAll4k} equals releasing them one by one.
     */
    public boolean canReleaseAll4k(int region, int asid) {
        return !a2.get(region) && assignedCount.get(region) > 0 && overflowCount.get(region) == 0
                && ownerAsid.get(region) == asid
                && (immutable4k.get(0) == 0 || i4.count(Pfns.regionBase(region), Pfns.FRAMES_PER_2M) == 0);
    }

    /**
     * RMPUPDATE to shared of every assigned 4K entry of a region at once (teardown). Only valid when
     * {@link #canReleaseAll4k} holds. Returns the frames released.
     */
    public int releaseAll4k(int region) {
        long base = Pfns.regionBase(region);
        int n = assignedCount.get(region);
        a4.setRange(base, Pfns.FRAMES_PER_2M, false);
        v4.setRange(base, Pfns.FRAMES_PER_2M, false);
        assignedCount.set(region, (short) 0);
        gigAssigned.add(Pfns.gigOfRegion(region), -n);
        totals.add(0, -n);
        return n;
    }

    /** The assigned 4K frames of a region, ascending (for events of a bulk release). */
    public long[] assigned4kFrames(int region) {
        long base = Pfns.regionBase(region);
        long[] out = new long[assignedCount.get(region)];
        int i = 0;
        for (long f = a4.nextSet(base, base + 512); f >= 0; f = a4.nextSet(f + 1, base + 512)) {
            out[i++] = f;
        }
        return out;
    }

    /**
     * PSMASH (R13): turns an assigned 2M entry into 512 assigned 4K entries with the same ASID,
     * consecutive GPAs and the same validated and immutable bits.
     */
    public int psmash(long pfn) {
        if (pfn < 0 || pfn >= frames || !Pfns.aligned(pfn, PageSize.M2)) {
            return FAIL_INPUT;
        }
        int r = Pfns.region(pfn);
        if (!a2.get(r)) {
            return FAIL_INPUT;
        }
        boolean validated = v2.get(r);
        boolean immutable = i2.get(r);
        a2.clear(r);
        v2.clear(r);
        i2.clear(r);
        a4.setRange(pfn, Pfns.FRAMES_PER_2M, true);
        v4.setRange(pfn, Pfns.FRAMES_PER_2M, validated);
        if (immutable) {                                  // the region's i4 bits were clear under its 2M entry
            i4.setRange(pfn, Pfns.FRAMES_PER_2M, true);
            immutable4k.add(0, Pfns.FRAMES_PER_2M);
        }
        assignedCount.set(r, (short) Pfns.FRAMES_PER_2M);
        totals.add(1, -1);
        totals.add(0, Pfns.FRAMES_PER_2M);
        return SUCCESS;
    }

    /** PVALIDATE as the owning guest executes it: sets (or clears) the validated bit of the entry. */
    public int pvalidate(long pfn, PageSize level, boolean validate) {
        if (pfn < 0 || pfn >= frames) {
            return FAIL_INPUT;
        }
        int r = Pfns.region(pfn);
        if (level == PageSize.M2) {
            if (!Pfns.aligned(pfn, PageSize.M2)) {
                return FAIL_INPUT;
            }
            if (!a2.get(r)) {
                return assignedCount.get(r) != 0 ? FAIL_SIZEMISMATCH : FAIL_INPUT;
            }
            v2.set(r, validate);
            return SUCCESS;
        }
        if (a2.get(r)) {
            return FAIL_SIZEMISMATCH;
        }
        if (!a4.get(pfn)) {
            return FAIL_INPUT;
        }
        v4.set(pfn, validate);
        return SUCCESS;
    }

    /**
     * Why an RMPUPDATE of {@code pfn} at {@code level} fails with {@code status} in the table's
     * current state, in one sentence for the event log and the inspector ("" on success).
     */
    public String failureReason(long pfn, PageSize level, int status) {
        int r = pfn >= 0 && pfn < frames ? Pfns.region(pfn) : -1;
        return switch (status) {
            case SUCCESS -> "";
            case FAIL_OVERLAP -> level == PageSize.M2
                    ? assignedCount.get(r) + " frames of the 2M region at " + Pfns.hex(Pfns.regionBase(r))
                    + " already have assigned 4K entries; a 2M RMPUPDATE needs none (512 4K entries are never"
                    + " merged into a 2M entry)"
                    : "the region's 2M RMP entry at " + Pfns.hex(Pfns.regionBase(r))
                    + " is assigned; a 4K RMPUPDATE inside it needs a PSMASH first";
            case FAIL_PERMISSION -> "the RMP entry is immutable";
            case FAIL_INPUT -> level == PageSize.M2 && !Pfns.aligned(pfn, PageSize.M2)
                    ? "a 2M RMPUPDATE needs a 2M-aligned frame" : "invalid frame, ASID or GPA";
            default -> statusName(status);
        };
    }

    public static String statusName(int status) {
        return switch (status) {
            case SUCCESS -> "SUCCESS";
            case FAIL_INPUT -> "FAIL_INPUT";
            case FAIL_PERMISSION -> "FAIL_PERMISSION";
            case FAIL_INUSE -> "FAIL_INUSE";
            case FAIL_OVERLAP -> "FAIL_OVERLAP";
            case FAIL_SIZEMISMATCH -> "FAIL_SIZEMISMATCH";
            default -> "status " + status;
        };
    }

    // ---- internal consistency, for the invariant checker -------------------------------------

    /** Recounts the summaries of one region from the per-frame bits; returns a problem or null. */
    public String checkRegion(int r) {
        long base = Pfns.regionBase(r);
        int c = a4.count(base, Pfns.FRAMES_PER_2M);
        if (c != assignedCount.get(r)) {
            return "region " + r + ": assignedCount " + assignedCount.get(r) + " but " + c + " frames assigned";
        }
        if (a2.get(r) && c != 0) {
            return "region " + r + ": an assigned 4K entry inside an assigned 2M entry";
        }
        return null;
    }

    public int gigAssignedRaw(int gig) {
        return gigAssigned.get(gig);
    }

    public long overflowEntries() {
        return overflow.size();
    }
}
