package org.splitscope.core.workload;

import org.splitscope.core.guest.GuestSpec;

/**
 * The steps of one lazy-accept workload in order, read field by field instead of as {@link Step}
 * records: which guest (its index in the workload), which vCPU and which folio the step at
 * {@link #index()} is. Bulk mode walks a workload with it; {@link #step()} gives the record the
 * step path would run. Each {@link #advance()} is O(1) amortized.
 *
 * <p>Threading: confined to one thread.
 */
public final class AcceptCursor {
    private final LazyAcceptBlock block;
    private final long start;
    private final long end;
    private long index;
    private long round;
    private int slot;
    /** Per guest of the workload: the vCPU of its current step (nth mod vCPUs, kept without dividing). */
    private final int[] vcpus;

    /** A cursor at step {@code k} of the block, whose first step is {@code blockStart} in the program. */
    AcceptCursor(LazyAcceptBlock block, long blockStart, long k) {
        this.block = block;
        this.start = blockStart;
        this.end = blockStart + block.size();
        this.index = blockStart + k;
        this.vcpus = new int[block.guests.length];
        if (k < block.size()) {
            this.round = block.roundOf(k);
            this.slot = block.guestOf(k, round);
            for (int i = 0; i < vcpus.length; i++) {
                // the vCPU of guest i's step in this round, or in the next for guests before slot
                long nth = block.offsets[i] + round + (i < slot ? 1 : 0);
                vcpus[i] = (int) (nth % block.guests[i].vcpus());
            }
        }
    }

    /** Index of the current step in the whole program. */
    public long index() {
        return index;
    }

    /** Index one past the workload's last step. */
    public long end() {
        return end;
    }

    public boolean done() {
        return index >= end;
    }

    /** Guests of the workload. */
    public int guests() {
        return block.guests.length;
    }

    /** Index of the current step's guest in the workload (0-based, declaration order). */
    public int slot() {
        return slot;
    }

    public GuestSpec guest() {
        return block.guests[slot];
    }

    /** How many folios the current step's guest touched before this one (in its accept order). */
    public long nth() {
        return block.offsets[slot] + round;
    }

    /** The folio the current step touches. */
    public long folio() {
        return block.orders[slot].folio(nth());
    }

    /** The vCPU of the current step. */
    public int vcpu() {
        return vcpus[slot];
    }

    /** The current step as the step path runs it. */
    public Step.Accept step() {
        return block.make(slot, round);
    }

    // ---- whole-workload queries (bulk mode's windows) --------------------------------------------

    /** Guest {@code i} of the workload. */
    public GuestSpec guest(int i) {
        return block.guests[i];
    }

    /** Guest i's next round at the cursor: how many of its steps in this workload come before the cursor. */
    public long nextRound(int i) {
        if (index >= end) {
            return block.counts[i];
        }
        return Math.min(block.counts[i], round + (i < slot ? 1 : 0));
    }

    /** Each guest's rounds before program index {@code to} (clamped to the workload), into {@code out}. */
    public void roundsBefore(long to, long[] out) {
        long k = to - start;
        int n = block.guests.length;
        if (k >= block.size() || k <= 0) {
            for (int i = 0; i < n; i++) {
                out[i] = k <= 0 ? 0 : block.counts[i];
            }
            return;
        }
        long t = block.roundOf(k);
        int s = block.guestOf(k, t);
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(block.counts[i], t + (i < s ? 1 : 0));
        }
    }

    /** The program index of guest i's step in round {@code r}. */
    public long indexOf(int i, long r) {
        return start + block.indexOf(i, r);
    }

    /** The folio guest i touches in round {@code r}. */
    public long folioOf(int i, long r) {
        return block.orders[i].folio(block.offsets[i] + r);
    }

    /** The vCPU of guest i's step in round {@code r}. */
    public int vcpuOf(int i, long r) {
        return (int) ((block.offsets[i] + r) % block.guests[i].vcpus());
    }

    /**
     * How many of guest i's rounds from {@code r} on touch consecutive folios (the rest of the 2 MiB
     * extent, R20): within them, folio and guest frame go up by one per round.
     */
    public long consecutiveFrom(int i, long r) {
        return block.orders[i].consecutiveFrom(block.offsets[i] + r);
    }

    /** Moves the cursor to program index {@code to}, forward (at most to the end of the workload). */
    public void moveTo(long to) {
        long k = Math.min(to, end) - start;
        index = start + k;
        if (k < block.size()) {
            round = block.roundOf(k);
            slot = block.guestOf(k, round);
            for (int i = 0; i < vcpus.length; i++) {
                long nth = block.offsets[i] + round + (i < slot ? 1 : 0);
                vcpus[i] = (int) (nth % block.guests[i].vcpus());
            }
        }
    }

    /** Moves to the next step (round-robin over the guests that still have folios to touch). */
    public void advance() {
        index++;
        if (index >= end) {
            return;
        }
        long[] counts = block.counts;
        int n = counts.length;
        int v = vcpus[slot] + 1;                      // this guest's next step is the next vCPU's
        vcpus[slot] = v == block.guests[slot].vcpus() ? 0 : v;
        do {
            slot++;
            if (slot == n) {
                slot = 0;
                round++;
            }
        } while (counts[slot] <= round);
    }
}
