package org.splitscope.core.tlb;

import java.util.function.LongConsumer;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.state.JArray;
import org.splitscope.core.state.JInts;
import org.splitscope.core.state.JLongs;
import org.splitscope.core.state.Journal;

/**
 * One page size's slots for all CPUs. Each CPU has an epoch: a hash slot or TLB slot written in
 * an older epoch is empty, so emptying a CPU's TLB after flush_tlb_all() is one epoch bump
 * instead of clearing every slot (and is journaled like any other write).
 */
final class TlbClass {
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

    TlbClass(Journal j, PageSize size, int cap, int cpus) {
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

    /**
     * Marks every array as representation: which slot or hash cell holds an entry depends on the
     * history of fills and evictions, not only on the entries, so the state hash covers the TLB
     * through its contents instead ({@link TlbSet#contentHash}).
     */
    void markRepresentation() {
        for (JArray a : new JArray[] {
                tags, slotEpoch, prev, next, head, tail, count, fillPtr, epoch, hidx}) {
            a.markRepresentation();
        }
    }

    /** Calls {@code visitor} with each live tag of the CPU, most recently used first. */
    void forEachMru(int cpu, LongConsumer visitor) {
        int b = cpu * cap;
        for (int s = head.get(cpu); s >= 0; s = next.get(b + s)) {
            visitor.accept(tags.get(b + s));
        }
    }

    /** Mixes each live tag of the CPU, most recently used first, into a running hash. */
    long hashMru(int cpu, long h) {
        int b = cpu * cap;
        for (int s = head.get(cpu); s >= 0; s = next.get(b + s)) {
            h = mix(h, tags.get(b + s));
        }
        return h;
    }

    static long mix(long h, long v) {
        h ^= v;
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
