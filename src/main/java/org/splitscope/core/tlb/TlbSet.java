package org.splitscope.core.tlb;

import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.mem.TlbSpec;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.state.JBits;
import org.splitscope.core.state.JLongs;
import org.splitscope.core.state.Journal;

/**
 * Every CPU's TLB for the direct map (DOMAIN.md R15, R18, R19).
 *
 * <p>Each CPU has one fully associative set of entries per page size (default 64 x 4K, 32 x 2M,
 * 4 x 1G) with LRU replacement. An entry is identified by the first frame of the page it maps;
 * since the direct map is linear, the translation itself needs no storage, and whether an entry
 * still matches the page tables (STALE) is decided against the {@link DirectMap} when asked.
 * Only present translations are cached: x86 never caches a not-present walk.
 *
 * <p>Implementation: per CPU and size, slots hold tags, a doubly-linked LRU list (prev/next) and a
 * small open-addressing hash index ({@link TlbClass}), so lookup, fill, touch and remove are O(1).
 * flush_tlb_all() bumps a global generation; a CPU whose generation is behind is empty and is
 * physically cleared on its next use, so a flush costs O(1) whatever the CPU count. All arrays
 * are journaled. Which slot an entry occupies depends on the history of fills, so the arrays are
 * representation: the state hash covers the TLBs through {@link #contentHash}, the entries of each
 * CPU in LRU order.
 *
 * <p>Bulk mode ({@code RunMode.BULK}) may defer 4K fills that are known to miss ({@link TlbBulk}):
 * they are applied the first time anything reads that CPU's TLB, are dropped by a flush_tlb_all()
 * that comes first, and are all applied by {@link #settleDeferred()}.
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class TlbSet {
    /** Conflict class bits (R19). */
    public static final int STALE = 1;
    public static final int MIXED_SIZE = 2;
    public static final int RMP_HAZARD = 4;

    private final int cpus;
    private final TlbClass[] classes = new TlbClass[3];
    private final JLongs gen;
    private final JLongs flushGen;
    private final JBits live;
    private final DirectMap dm;
    private final RmpTable rmp;
    /** 4K fills made in bulk mode and not applied to the slots yet (null until the first). */
    private DeferredFills deferred;
    private final TlbBulk bulk = new TlbBulk(this);

    public TlbSet(Journal journal, TlbSpec spec, int cpus, DirectMap dm, RmpTable rmp) {
        this.cpus = cpus;
        this.dm = dm;
        this.rmp = rmp;
        for (PageSize s : PageSize.values()) {
            classes[s.ordinal()] = new TlbClass(journal, s, spec.entries(s), cpus);
            classes[s.ordinal()].markRepresentation();
        }
        gen = new JLongs(journal, "tlb.gen", cpus);
        flushGen = new JLongs(journal, "tlb.flushGen", 1);
        live = new JBits(journal, "tlb.live", cpus);
        gen.markRepresentation();
        flushGen.markRepresentation();
        live.markRepresentation();
    }

    public int cpus() {
        return cpus;
    }

    private void ensureCurrent(int cpu) {
        long g = flushGen.get(0);
        if (gen.get(cpu) != g) {
            if (live.get(cpu)) {
                for (TlbClass c : classes) {
                    c.clear(cpu);
                }
                live.clear(cpu);
            }
            gen.set(cpu, g);
        }
    }

    private boolean current(int cpu) {
        return gen.get(cpu) == flushGen.get(0) && live.get(cpu);
    }

    /**
     * The size of the entry this CPU would translate {@code pfn} with, or null on a miss. When a CPU
     * holds entries of two sizes for the address (MIXED_SIZE, undefined behaviour on real hardware)
     * the smallest is used. Touches the entry (LRU).
     */
    public PageSize lookup(int cpu, long pfn) {
        applyDeferred(cpu);
        ensureCurrent(cpu);
        if (!live.get(cpu)) {
            return null;
        }
        for (TlbClass c : classes) {
            long tag = c.size.base(pfn);
            int slot = c.find(cpu, tag);
            if (slot >= 0) {
                c.touch(cpu, slot);
                return c.size;
            }
        }
        return null;
    }

    /** Whether this CPU holds an entry of {@code size} covering {@code pfn} (no LRU touch). */
    public boolean holds(int cpu, PageSize size, long pfn) {
        applyDeferred(cpu);
        if (!current(cpu)) {
            return false;
        }
        TlbClass c = classes[size.ordinal()];
        return c.find(cpu, size.base(pfn)) >= 0;
    }

    /** Fills an entry after a walk; returns the base frame of the evicted entry, or -1. */
    public long fill(int cpu, PageSize size, long pfn) {
        applyDeferred(cpu);
        return fillNow(cpu, size, pfn);
    }

    private long fillNow(int cpu, PageSize size, long pfn) {
        ensureCurrent(cpu);
        live.set(cpu);
        TlbClass c = classes[size.ordinal()];
        long tag = size.base(pfn);
        int slot = c.find(cpu, tag);
        if (slot >= 0) {
            c.touch(cpu, slot);
            return -1;
        }
        return c.insert(cpu, tag);
    }

    /** flush_tlb_all(): every CPU's TLB becomes empty (R18). O(1); deferred fills made before it lapse. */
    public void flushAll() {
        flushGen.add(0, 1);
    }

    /**
     * Drops, on every CPU, every entry that translates {@code pfn} (INVLPG semantics: whatever the
     * size of the entry). Returns the number of entries dropped.
     */
    public int flushPage(long pfn) {
        int dropped = dropDeferred(pfn);
        long g = flushGen.get(0);
        for (int cpu = (int) live.nextSet(0, cpus); cpu >= 0; cpu = (int) live.nextSet(cpu + 1, cpus)) {
            if (gen.get(cpu) != g) {
                continue;
            }
            for (TlbClass c : classes) {
                if (c.count.get(cpu) == 0) {
                    continue;
                }
                int slot = c.find(cpu, c.size.base(pfn));
                if (slot >= 0) {
                    c.remove(cpu, slot);
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /**
     * Before a per-page flush of {@code pfn}: applies every CPU's deferred fills, except that a CPU
     * whose TLB was empty before them, whose last deferred fill is {@code pfn} and which evicted
     * nothing (at most capacity fills) just forgets that last fill. That is exactly the flush's effect
     * on it: the entry for {@code pfn} is at the head of its LRU list and no other entry covers the
     * page (deferred fills are distinct 4K tags). Returns how many entries it dropped that way.
     */
    private int dropDeferred(long pfn) {
        if (deferred == null) {
            return 0;
        }
        int dropped = 0;
        long fg = flushGen.get(0);
        for (int i = 0; i < deferred.cpuCount(); i++) {
            int cpu = deferred.cpuAt(i);
            if (!deferred.has(cpu)) {
                continue;
            }
            if (deferred.stamp(cpu) != fg) {
                deferred.drop(cpu);
            } else if (deferred.lastIs(cpu, pfn) && bulk.noEntriesInEffect(cpu)) {
                deferred.dropLast(cpu);
                dropped++;
            } else {
                applyDeferred(cpu);
            }
        }
        deferred.pruneList();
        return dropped;
    }

    /** Entries on every CPU right now. */
    public int liveEntries() {
        settleDeferred();
        int n = 0;
        long g = flushGen.get(0);
        for (int cpu = (int) live.nextSet(0, cpus); cpu >= 0; cpu = (int) live.nextSet(cpu + 1, cpus)) {
            if (gen.get(cpu) == g) {
                for (TlbClass c : classes) {
                    n += c.count.get(cpu);
                }
            }
        }
        return n;
    }

    /**
     * Visits every entry of every CPU (or of one CPU when {@code onlyCpu >= 0}): CPUs in order, then
     * 4K, 2M and 1G entries, each size most recently used first.
     */
    public void forEach(int onlyCpu, EntryVisitor visitor) {
        settleDeferred();
        long g = flushGen.get(0);
        int from = onlyCpu >= 0 ? onlyCpu : 0;
        int to = onlyCpu >= 0 ? onlyCpu + 1 : cpus;
        for (int cpu = (int) live.nextSet(from, to); cpu >= 0; cpu = (int) live.nextSet(cpu + 1, to)) {
            if (gen.get(cpu) != g) {
                continue;
            }
            int c0 = cpu;
            for (TlbClass c : classes) {
                c.forEachMru(cpu, tag -> visitor.visit(c0, c.size, tag));
            }
        }
    }

    /**
     * Entries in each conflict class now, over every CPU: [stale, mixed-size, rmp-hazard], exactly
     * as {@link #classify} counts them entry by entry, in one pass per CPU: the CPU's few 2M and 1G
     * entries are sorted once, each smaller entry is looked up among the larger ones (binary search),
     * and a larger entry that a smaller one falls in is marked mixed too; no hash probe and no scan
     * of every slot per entry (the per-step figures of a long run take this walk at every boundary
     * they keep).
     */
    private static final PageSize[] SIZES = PageSize.values();
    /** {@link #classCounts}' working arrays, one slot per TLB slot of a CPU (not state: never journaled). */
    private long[][] scratchTags;
    private boolean[][] scratchMixed;

    public void classCounts(long[] out) {
        java.util.Arrays.fill(out, 0, 3, 0);
        settleDeferred();
        long g = flushGen.get(0);
        if (scratchTags == null) {
            scratchTags = new long[3][];
            scratchMixed = new boolean[3][];
            for (int i = 0; i < 3; i++) {
                scratchTags[i] = new long[classes[i].cap];
                scratchMixed[i] = new boolean[classes[i].cap];
            }
        }
        long[][] tags = scratchTags;
        boolean[][] mixed = scratchMixed;
        int[] n = new int[3];
        int[] k = new int[1];
        for (int cpu = (int) live.nextSet(0, cpus); cpu >= 0; cpu = (int) live.nextSet(cpu + 1, cpus)) {
            if (gen.get(cpu) != g) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                long[] t = tags[i];
                k[0] = 0;
                classes[i].forEachMru(cpu, tag -> t[k[0]++] = tag);
                n[i] = k[0];
                java.util.Arrays.fill(mixed[i], 0, n[i], false);
            }
            int m2 = PageSize.M2.ordinal();
            int g1 = PageSize.G1.ordinal();
            java.util.Arrays.sort(tags[m2], 0, n[m2]);
            java.util.Arrays.sort(tags[g1], 0, n[g1]);
            for (int size = 0; size < g1; size++) {
                // a smaller entry inside a larger one makes both mixed
                for (int larger = size + 1; larger <= g1; larger++) {
                    if (n[larger] == 0) {
                        continue;
                    }
                    long[] big = tags[larger];
                    long mask = -SIZES[larger].frames();
                    for (int j = 0; j < n[size]; j++) {
                        int at = java.util.Arrays.binarySearch(big, 0, n[larger], tags[size][j] & mask);
                        if (at >= 0) {
                            mixed[size][j] = true;
                            mixed[larger][at] = true;
                        }
                    }
                }
            }
            for (PageSize size : SIZES) {
                int i = size.ordinal();
                for (int j = 0; j < n[i]; j++) {
                    long base = tags[i][j];
                    if (stale(size, base)) {
                        out[0]++;
                    }
                    if (mixed[i][j]) {
                        out[1]++;
                    }
                    if (hazard(size, base)) {
                        out[2]++;
                    }
                }
            }
        }
    }

    /** Receives one TLB entry: the CPU, its page size and the first frame of the page it maps. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(int cpu, PageSize size, long base);
    }

    /**
     * A hash of what every TLB holds (R24): for each CPU with entries, its entries of each size in
     * LRU order. Two runs that reach the same entries in the same order hash alike, whichever slots
     * the entries landed in.
     */
    public long contentHash(long h) {
        settleDeferred();
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (!current(cpu)) {
                continue;
            }
            for (TlbClass c : classes) {
                if (c.count.get(cpu) > 0) {
                    h = TlbClass.mix(h, ((long) cpu << 2) | c.size.ordinal());
                    h = c.hashMru(cpu, h);
                }
            }
        }
        return h;
    }

    // ---- bulk mode ---------------------------------------------------------------------------

    /** Bulk mode's side of the TLBs: deferred 4K fills and the questions that decide them. */
    public TlbBulk bulk() {
        return bulk;
    }

    /** The deferred fills, made on first use. */
    DeferredFills deferred() {
        if (deferred == null) {
            deferred = new DeferredFills(cpus, classes[PageSize.K4.ordinal()].cap);
        }
        return deferred;
    }

    TlbClass sizeClass(PageSize size) {
        return classes[size.ordinal()];
    }

    long flushGeneration() {
        return flushGen.get(0);
    }

    /** Whether the CPU's slots are in use (its generation is current and it filled since it was last emptied). */
    boolean currentCpu(int cpu) {
        return current(cpu);
    }

    /** Applies every deferred fill (bulk mode calls it before it returns; snapshots and hashes call it too). */
    public void settleDeferred() {
        if (deferred == null) {
            return;
        }
        for (int i = 0; i < deferred.cpuCount(); i++) {
            applyDeferred(deferred.cpuAt(i));
        }
        deferred.clearList();
    }

    /** Forgets deferred fills without applying them (the state was replaced by a checkpoint). */
    public void discardDeferred() {
        if (deferred != null) {
            deferred.discard();
        }
    }

    /** Applies the fills deferred on one CPU, unless a flush_tlb_all() since emptied its TLB. */
    private void applyDeferred(int cpu) {
        if (deferred == null || !deferred.has(cpu)) {
            return;
        }
        if (deferred.stamp(cpu) != flushGen.get(0)) {
            deferred.drop(cpu);
            return;
        }
        deferred.drain(cpu, (c, tag) -> fillNow(c, PageSize.K4, tag));
    }

    // ---- conflict classes (R19) ----------------------------------------------------------------

    /**
     * The conflict classes of one entry right now (R19), as a mask of {@link #STALE},
     * {@link #MIXED_SIZE} and {@link #RMP_HAZARD}.
     */
    public int classify(int cpu, PageSize size, long base) {
        int mask = 0;
        if (stale(size, base)) {
            mask |= STALE;
        }
        if (mixed(cpu, size, base)) {
            mask |= MIXED_SIZE;
        }
        if (hazard(size, base)) {
            mask |= RMP_HAZARD;
        }
        return mask;
    }

    /**
     * The conflict classes of one entry as seen from frames {@code [from, to)} inside it: as
     * {@link #classify}, except that RMP_HAZARD counts only writes into those frames (R17: a 1G
     * entry is checked as 2M, so it is no hazard for a 2M region of its own without an assigned
     * frame). What a cell of the map or the inspector of a frame says of the entries over it.
     */
    public int classifyFor(int cpu, PageSize size, long base, long from, long to) {
        int mask = classify(cpu, size, base);
        if (size == PageSize.G1 && (mask & RMP_HAZARD) != 0 && !hazardFor(size, base, from, to)) {
            mask &= ~RMP_HAZARD;
        }
        return mask;
    }

    /** Whether a write through this entry into some frame of {@code [from, to)} would raise an RMP #PF now (R17). */
    public boolean hazardFor(PageSize size, long base, long from, long to) {
        long lo = Math.max(from, base);
        long hi = Math.min(to, base + size.frames());
        if (lo >= hi) {
            return false;
        }
        if (size != PageSize.G1) {
            return hazard(size, base);
        }
        if (lo == base && hi == base + size.frames()) {
            return hazard(size, base);
        }
        for (int r = Pfns.region(lo); r <= Pfns.region(hi - 1); r++) {
            if (rmp.anyAssigned(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * STALE: the page tables no longer hold a present leaf of this size at this address: the PTE is
     * not present, the leaf size changed, or the 2M/1G leaf was made not present in place (R19, R28).
     */
    public boolean stale(PageSize size, long base) {
        return switch (size) {
            case K4 -> dm.frameState(base) != DirectMap.PTE_PRESENT;
            case M2 -> dm.frameState(base) != DirectMap.IN_2M;
            case G1 -> dm.frameState(base) != DirectMap.IN_1G;
        };
    }

    /** MIXED_SIZE: the same CPU holds an entry of another size covering part of this one. */
    public boolean mixed(int cpu, PageSize size, long base) {
        applyDeferred(cpu);
        for (TlbClass c : classes) {
            if (c.size == size) {
                continue;
            }
            if (c.size.ordinal() > size.ordinal()) {
                if (c.find(cpu, c.size.base(base)) >= 0) {
                    return true;
                }
            } else {
                // a smaller entry anywhere inside this one
                int b = cpu * c.cap;
                long end = base + size.frames();
                for (int s = 0; s < c.cap; s++) {
                    long t = c.tags.get(b + s);
                    if (t >= base && t < end && c.slotLive(cpu, s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * RMP_HAZARD: some write through this entry would raise an RMP #PF now (R17): for a 4K entry,
     * its frame is assigned; for a 2M entry, any frame of its region is assigned; for a 1G entry,
     * any frame of any of its 2M regions is assigned (each write is checked as 2M, so the entry is
     * hazardous for writes into those regions).
     */
    public boolean hazard(PageSize size, long base) {
        return switch (size) {
            case K4 -> rmp.assigned(base);
            case M2 -> rmp.anyAssigned(Pfns.region(base));
            case G1 -> rmp.assignedInGig(Pfns.gig(base)) > 0;
        };
    }
}
