package org.splitscope.core.workload;

import java.util.Arrays;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.guest.MemoryPlan;
import org.splitscope.core.mem.Pfns;

/**
 * Several guests faulting in concurrently, interleaved round-robin. Each guest touches its folios
 * in one seeded order (R20): its memory in 2 MiB extents taken in a shuffled order, the folios of
 * an extent in address order, as a Linux guest accepts memory 2 MiB at a time
 * (accept_memory()) and KVM then sees that unit's private faults in turn; with 2M folios an
 * extent is one folio. A later lazy-accept block for the same guest continues that order where
 * the previous one stopped, so no folio is touched twice. The guest's vCPUs take turns.
 *
 * <p>Step k of the block is round t, guest i: the rounds go over the guests in declaration order,
 * skipping a guest once its count is used up.
 */
final class LazyAcceptBlock implements StepProgram.Block {
    final GuestSpec[] guests;
    final long[] counts;
    final long[] offsets;
    private final long[] sortedCounts;
    final AcceptOrder[] orders;
    private final long size;
    private final String caption;

    LazyAcceptBlock(WorkloadSpec.LazyAccept spec, MemoryPlan plan, long seed,
                    java.util.Map<Integer, Long> cursor, String caption) {
        int n = spec.asids().size();
        guests = new GuestSpec[n];
        counts = new long[n];
        offsets = new long[n];
        orders = new AcceptOrder[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            GuestSpec g = StepProgram.need(plan, spec.asids().get(i), "lazy-accept").spec();
            guests[i] = g;
            long done = cursor.getOrDefault(g.asid(), 0L);
            offsets[i] = done;
            counts[i] = Math.min(g.folios() - done, Math.max(1, Math.round(spec.fraction() * g.folios())));
            cursor.put(g.asid(), done + counts[i]);
            orders[i] = new AcceptOrder(g, Mix.of(seed, 0xACCE55, g.asid()));
            total += counts[i];
        }
        sortedCounts = counts.clone();
        Arrays.sort(sortedCounts);
        size = total;
        this.caption = caption;
    }

    public long size() {
        return size;
    }

    public String caption() {
        return caption;
    }

    /** Steps before round t: the sum over guests of min(count, t). */
    long before(long t) {
        if (t <= sortedCounts[0]) {
            return t * guests.length;                // every guest has a step in each of those rounds
        }
        long s = 0;
        for (long c : counts) {
            s += Math.min(c, t);
        }
        return s;
    }

    /** The round of step k: the largest t with before(t) <= k. */
    long roundOf(long k) {
        if (k < sortedCounts[0] * guests.length) {
            return k / guests.length;                // all guests still take turns
        }
        long lo = 0;
        long hi = sortedCounts[sortedCounts.length - 1];
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (before(mid) <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The guest index of step k, which lies in round t. */
    int guestOf(long k, long t) {
        long within = k - before(t);
        if (t < sortedCounts[0]) {
            return (int) within;
        }
        for (int i = 0; i < guests.length; i++) {
            if (counts[i] > t) {
                if (within == 0) {
                    return i;
                }
                within--;
            }
        }
        throw new IllegalStateException("lazy-accept index " + k);
    }

    /** Step k's index in the block: round t, guest i (which has a step in round t). */
    long indexOf(int i, long t) {
        long k = before(t);
        if (t < sortedCounts[0]) {
            return k + i;
        }
        for (int j = 0; j < i; j++) {
            if (counts[j] > t) {
                k++;
            }
        }
        return k;
    }

    public Step step(long k) {
        long t = roundOf(k);
        return make(guestOf(k, t), t);
    }

    Step.Accept make(int i, long t) {
        GuestSpec g = guests[i];
        long nth = offsets[i] + t;
        return new Step.Accept(g.asid(), (int) (nth % g.vcpus()), orders[i].folio(nth), g.folio());
    }

    /** Sequential access in O(1) per step. */
    @Override
    public StepProgram.Cursor cursor(long k) {
        AcceptCursor c = new AcceptCursor(this, 0, k);
        return () -> {
            Step s = c.step();
            c.advance();
            return s;
        };
    }

    /** One guest's order of first touches: shuffled 2 MiB extents, in address order within each. */
    static final class AcceptOrder {
        private final long folios;
        /** Folios per extent, a power of two (512 for 4K folios, 1 for 2M ones). */
        private final int extentShift;
        private final long fullExtents;
        private final Permutation extents;

        AcceptOrder(GuestSpec g, long key) {
            folios = g.folios();
            long perExtent = Math.max(1, Pfns.FRAMES_PER_2M / g.folio().frames());
            extentShift = Long.numberOfTrailingZeros(perExtent);
            fullExtents = folios >>> extentShift;
            extents = fullExtents > 0 ? new Permutation(fullExtents, key) : null;
        }

        private long lastExtent = -1;
        private long lastMapped;

        /** How many touches from the n-th on go to consecutive folios (to the end of its extent). */
        long consecutiveFrom(long n) {
            long e = n >>> extentShift;
            if (e >= fullExtents) {
                return folios - n;                   // the partial extent at the end: folio n is n
            }
            return ((e + 1) << extentShift) - n;
        }

        /** The n-th folio touched. The partial extent at the end of guest memory, if any, comes last. */
        long folio(long n) {
            long e = n >>> extentShift;
            if (e >= fullExtents) {
                return n;
            }
            if (e != lastExtent) {                   // consecutive folios share their extent
                lastMapped = extents.apply(e);
                lastExtent = e;
            }
            return (lastMapped << extentShift) | (n & ((1L << extentShift) - 1));
        }
    }
}
