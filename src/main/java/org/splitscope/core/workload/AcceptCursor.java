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
    private final long end;
    private long index;
    private long round;
    private int slot;
    /** Per guest of the workload: the vCPU of its current step (nth mod vCPUs, kept without dividing). */
    private final int[] vcpus;

    /** A cursor at step {@code k} of the block, whose first step is {@code blockStart} in the program. */
    AcceptCursor(LazyAcceptBlock block, long blockStart, long k) {
        this.block = block;
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
