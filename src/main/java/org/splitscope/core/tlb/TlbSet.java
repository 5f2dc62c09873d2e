package org.splitscope.core.tlb;

import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.mem.TlbSpec;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.state.JBits;
import org.splitscope.core.state.JInts;
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
 * small open-addressing hash index, so lookup, fill, touch and remove are O(1). flush_tlb_all()
 * bumps a global generation; a CPU whose generation is behind is empty and is physically cleared
 * on its next use, so a flush costs O(1) whatever the CPU count. All arrays are journaled.
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class TlbSet {
    /** Conflict class bits (R19). */
    public static final int STALE = 1;
    public static final int MIXED_SIZE = 2;
    public static final int RMP_HAZARD = 4;

    private final int cpus;
    private final Cls[] classes = new Cls[3];
    private final JLongs gen;
    private final JLongs flushGen;
    private final JBits live;
    private final DirectMap dm;
    private final RmpTable rmp;

    /**
     * One page size's slots for all CPUs. Each CPU has an epoch: a hash slot or TLB slot written in
     * an older epoch is empty, so emptying a CPU's TLB after flush_tlb_all() is one epoch bump
     * instead of clearing every slot (and is journaled like any other write).
     */
    private static final class Cls {
        static final int MAX_EPOCH = 0x7FFF;
        final PageSize size;
        final int cap;
        final int hsize;
        final JLongs tags;
        final JInts slotEpoch;
        final JInts prev;
        final JInts next;
        final JInts head;
        final JInts tail;
        final JInts count;
        final JInts fillPtr;
        final JInts epoch;
        final JInts hidx;

        Cls(Journal j, PageSize size, int cap, int cpus) {
            this.size = size;
            this.cap = cap;
            this.hsize = Integer.highestOneBit(cap * 2 - 1) << 1;
            String p = "tlb" + size.label() + ".";
            tags = new JLongs(j, p + "tags", cpus * cap);
            slotEpoch = new JInts(j, p + "slotEpoch", cpus * cap);
            prev = new JInts(j, p + "prev", cpus * cap);
            next = new JInts(j, p + "next", cpus * cap);
            head = new JInts(j, p + "head", cpus);
            tail = new JInts(j, p + "tail", cpus);
            count = new JInts(j, p + "count", cpus);
            fillPtr = new JInts(j, p + "fillPtr", cpus);
            epoch = new JInts(j, p + "epoch", cpus);
            hidx = new JInts(j, p + "hidx", cpus * hsize);
            tags.init(-1);
            head.init(-1);
            tail.init(-1);
            epoch.init(1);
        }

        int home(long tag) {
            long h = tag * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & (hsize - 1);
        }

        /** Whether a hash entry belongs to the CPU's current epoch (else it is an empty slot). */
        private static boolean live(int v, int ep) {
            return v != 0 && (v >>> 16) == ep;
        }

        boolean slotLive(int cpu, int slot) {
            int i = cpu * cap + slot;
            return slotEpoch.get(i) == epoch.get(cpu) && tags.get(i) != -1;
        }

        /** Local slot holding {@code tag} on {@code cpu}, or -1. */
        int find(int cpu, long tag) {
            int hb = cpu * hsize;
            int ep = epoch.get(cpu);
            int i = home(tag);
            while (true) {
                int v = hidx.get(hb + i);
                if (!live(v, ep)) {
                    return -1;
                }
                int slot = (v & 0xFFFF) - 1;
                if (tags.get(cpu * cap + slot) == tag) {
                    return slot;
                }
                i = (i + 1) & (hsize - 1);
            }
        }

        void hashInsert(int cpu, long tag, int slot) {
            int hb = cpu * hsize;
            int ep = epoch.get(cpu);
            int i = home(tag);
            while (live(hidx.get(hb + i), ep)) {
                i = (i + 1) & (hsize - 1);
            }
            hidx.set(hb + i, (ep << 16) | (slot + 1));
        }

        void hashRemove(int cpu, long tag) {
            int hb = cpu * hsize;
            int ep = epoch.get(cpu);
            int i = home(tag);
            while (true) {
                int v = hidx.get(hb + i);
                if (!live(v, ep)) {
                    return;
                }
                if (tags.get(cpu * cap + (v & 0xFFFF) - 1) == tag) {
                    break;
                }
                i = (i + 1) & (hsize - 1);
            }
            int hole = i;
            int j = (i + 1) & (hsize - 1);
            while (true) {
                int v = hidx.get(hb + j);
                if (!live(v, ep)) {
                    break;
                }
                int h = home(tags.get(cpu * cap + (v & 0xFFFF) - 1));
                boolean movable = hole <= j ? (h <= hole || h > j) : (h <= hole && h > j);
                if (movable) {
                    hidx.set(hb + hole, v);
                    hole = j;
                }
                j = (j + 1) & (hsize - 1);
            }
            hidx.set(hb + hole, 0);
        }

        void unlink(int cpu, int slot) {
            int b = cpu * cap;
            int p = prev.get(b + slot);
            int n = next.get(b + slot);
            if (p >= 0) {
                next.set(b + p, n);
            } else {
                head.set(cpu, n);
            }
            if (n >= 0) {
                prev.set(b + n, p);
            } else {
                tail.set(cpu, p);
            }
        }

        void linkHead(int cpu, int slot) {
            int b = cpu * cap;
            int h = head.get(cpu);
            prev.set(b + slot, -1);
            next.set(b + slot, h);
            if (h >= 0) {
                prev.set(b + h, slot);
            } else {
                tail.set(cpu, slot);
            }
            head.set(cpu, slot);
        }

        void touch(int cpu, int slot) {
            if (head.get(cpu) != slot) {
                unlink(cpu, slot);
                linkHead(cpu, slot);
            }
        }

        void remove(int cpu, int slot) {
            long tag = tags.get(cpu * cap + slot);
            hashRemove(cpu, tag);
            unlink(cpu, slot);
            tags.set(cpu * cap + slot, -1);
            count.add(cpu, -1);
        }

        /** Inserts {@code tag}; returns the evicted tag or -1. */
        long insert(int cpu, long tag) {
            int b = cpu * cap;
            long evicted = -1;
            int slot;
            if (count.get(cpu) == cap) {
                // evict the least recently used entry and reuse its slot in place
                slot = tail.get(cpu);
                evicted = tags.get(b + slot);
                hashRemove(cpu, evicted);
                tags.set(b + slot, tag);
                hashInsert(cpu, tag, slot);
                touch(cpu, slot);
                return evicted;
            } else if (fillPtr.get(cpu) < cap) {
                slot = fillPtr.get(cpu);
                fillPtr.set(cpu, slot + 1);
            } else {
                slot = 0;
                while (slotLive(cpu, slot)) {
                    slot++;
                }
            }
            tags.set(b + slot, tag);
            slotEpoch.set(b + slot, epoch.get(cpu));
            hashInsert(cpu, tag, slot);
            linkHead(cpu, slot);
            count.add(cpu, 1);
            return evicted;
        }

        /** Empties the CPU's entries of this size: a new epoch (a physical clear when epochs wrap). */
        void clear(int cpu) {
            int ep = epoch.get(cpu);
            if (ep == MAX_EPOCH) {
                int b = cpu * cap;
                for (int s = 0; s < cap; s++) {
                    tags.set(b + s, -1);
                    slotEpoch.set(b + s, 0);
                }
                int hb = cpu * hsize;
                for (int i = 0; i < hsize; i++) {
                    hidx.set(hb + i, 0);
                }
                ep = 0;
            }
            epoch.set(cpu, ep + 1);
            head.set(cpu, -1);
            tail.set(cpu, -1);
            count.set(cpu, 0);
            fillPtr.set(cpu, 0);
        }
    }

    public TlbSet(Journal journal, TlbSpec spec, int cpus, DirectMap dm, RmpTable rmp) {
        this.cpus = cpus;
        this.dm = dm;
        this.rmp = rmp;
        for (PageSize s : PageSize.values()) {
            classes[s.ordinal()] = new Cls(journal, s, spec.entries(s), cpus);
        }
        gen = new JLongs(journal, "tlb.gen", cpus);
        flushGen = new JLongs(journal, "tlb.flushGen", 1);
        live = new JBits(journal, "tlb.live", cpus);
    }

    public int cpus() {
        return cpus;
    }

    private void ensureCurrent(int cpu) {
        long g = flushGen.get(0);
        if (gen.get(cpu) != g) {
            if (live.get(cpu)) {
                for (Cls c : classes) {
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
        ensureCurrent(cpu);
        if (!live.get(cpu)) {
            return null;
        }
        for (Cls c : classes) {
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
        if (!current(cpu)) {
            return false;
        }
        Cls c = classes[size.ordinal()];
        return c.find(cpu, size.base(pfn)) >= 0;
    }

    /** Fills an entry after a walk; returns the base frame of the evicted entry, or -1. */
    public long fill(int cpu, PageSize size, long pfn) {
        ensureCurrent(cpu);
        live.set(cpu);
        Cls c = classes[size.ordinal()];
        long tag = size.base(pfn);
        int slot = c.find(cpu, tag);
        if (slot >= 0) {
            c.touch(cpu, slot);
            return -1;
        }
        return c.insert(cpu, tag);
    }

    /** flush_tlb_all(): every CPU's TLB becomes empty (R18). O(1). */
    public void flushAll() {
        flushGen.add(0, 1);
    }

    /**
     * Drops, on every CPU, every entry that translates {@code pfn} (INVLPG semantics: whatever the
     * size of the entry). Returns the number of entries dropped.
     */
    public int flushPage(long pfn) {
        int dropped = 0;
        long g = flushGen.get(0);
        for (int cpu = (int) live.nextSet(0, cpus); cpu >= 0; cpu = (int) live.nextSet(cpu + 1, cpus)) {
            if (gen.get(cpu) != g) {
                continue;
            }
            for (Cls c : classes) {
                int slot = c.find(cpu, c.size.base(pfn));
                if (slot >= 0) {
                    c.remove(cpu, slot);
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** Entries on every CPU right now. */
    public int liveEntries() {
        int n = 0;
        long g = flushGen.get(0);
        for (int cpu = (int) live.nextSet(0, cpus); cpu >= 0; cpu = (int) live.nextSet(cpu + 1, cpus)) {
            if (gen.get(cpu) == g) {
                for (Cls c : classes) {
                    n += c.count.get(cpu);
                }
            }
        }
        return n;
    }

    /** Visits every entry of every CPU (or of one CPU when {@code onlyCpu >= 0}), LRU order not guaranteed. */
    public void forEach(int onlyCpu, EntryVisitor visitor) {
        long g = flushGen.get(0);
        int from = onlyCpu >= 0 ? onlyCpu : 0;
        int to = onlyCpu >= 0 ? onlyCpu + 1 : cpus;
        for (int cpu = (int) live.nextSet(from, to); cpu >= 0; cpu = (int) live.nextSet(cpu + 1, to)) {
            if (gen.get(cpu) != g) {
                continue;
            }
            for (Cls c : classes) {
                int b = cpu * c.cap;
                for (int s = 0; s < c.cap; s++) {
                    if (c.slotLive(cpu, s)) {
                        visitor.visit(cpu, c.size, c.tags.get(b + s));
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
        for (Cls c : classes) {
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
