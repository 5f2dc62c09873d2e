package org.splitscope.core.cost;

/**
 * The cost model's arithmetic for bulk mode (R24, R25): the same charges, waits and clocks as
 * {@link CostModel}'s step-by-step methods, computed for one step at a time in plain locals, with
 * the totals (time per kind, waits, fault-in bytes, the latest clock) summed here and written to the
 * model by {@link #flush()} instead of at every charge.
 *
 * <p>Exactness: every per-CPU and per-guest value a later step reads (a CPU's clock, the interrupts
 * it has seen, the vCPU it last ran, a guest's serial section) is written to the model as soon as
 * the step computes it, so steps see exactly what the step path would show them, in the same order.
 * What waits for {@link #flush()} is only ever added to (sums) or folded by min/max (fault-in
 * start and end, the latest clock), so adding later gives the same result. Every charge is scaled
 * by the CPU's SMT/overcommit factor on its own, as {@link CostModel#work} scales it, so rounding
 * matches too.
 *
 * <p>Protocol: a bulk step calls {@link #begin}, then the charges in the step path's order, then
 * {@link #end}. Before calling real kernel code in the middle of a step it calls {@link #sync} (the
 * model then sees the CPU's clock) and afterwards {@link #resume}. {@link #flush()} must run before
 * anything other than a bulk step reads the model's totals.
 *
 * <p>Threading: confined to the simulation thread.
 */
public final class BulkCost {
    private final CostModel m;
    private final long[] kinds = new long[CostKind.values().length];
    private long acceptStart = Long.MAX_VALUE;
    private long acceptEnd = Long.MIN_VALUE;
    private long acceptBytes;
    private long maxClock = Long.MIN_VALUE;
    private long guestWait;

    public BulkCost(CostModel model) {
        this.m = model;
    }

    public CostConstants constants() {
        return m.c;
    }

    /**
     * {@link CostModel#beginStep} for a step of vCPU {@code vcpuKey} (or host work when negative) on
     * {@code cpu}: the interrupt debt of broadcasts it has not paid for yet (a CPU running a vCPU), and
     * a context switch when another vCPU ran on it last. Returns the CPU's clock after them.
     */
    public long begin(int cpu, int vcpuKey) {
        long t = m.clock.get(cpu);
        if (m.busy[cpu]) {
            long debt = m.scalars.get(CostModel.IRQ_DEBT);
            long owed = debt - m.irqSeen.get(cpu);
            if (owed > 0) {
                t += owed;                                  // advance(), not work(): not scaled
                kinds[CostKind.IPI_RECEIVE.ordinal()] += owed;
                m.irqSeen.set(cpu, debt);
            }
        }
        if (vcpuKey >= 0) {
            int last = m.lastVcpu.get(cpu);
            if (last >= 0 && last != vcpuKey) {
                t = work(cpu, t, CostKind.CONTEXT_SWITCH, m.c.contextSwitch());
            }
            m.lastVcpu.set(cpu, vcpuKey);
        }
        return t;
    }

    /** {@link CostModel#work}: {@code ns} nominal nanoseconds on {@code cpu}, from clock {@code t}. */
    public long work(int cpu, long t, CostKind kind, long ns) {
        long d = m.scaled(cpu, ns);
        kinds[kind.ordinal()] += d;
        return t + d;
    }

    /** {@link CostModel#acceptBegin} at clock {@code t}. */
    public void acceptBegin(long t) {
        acceptStart = Math.min(acceptStart, t);
    }

    /** {@link CostModel#acceptEnd} at clock {@code t}. */
    public void acceptEnd(long t, long bytes) {
        acceptBytes += bytes;
        acceptEnd = Math.max(acceptEnd, t);
    }

    /** {@link CostModel#guestEnter}: waits for the guest's serial section; returns the clock once in it. */
    public long guestEnter(int guest, long t) {
        long wait = m.guestFreeAt.get(guest) - t;
        if (wait > 0) {
            t += wait;
            kinds[CostKind.GUEST_SERIAL_WAIT.ordinal()] += wait;
            guestWait += wait;
        }
        m.guestSince.set(guest, t);
        return t;
    }

    /** When the guest's serial section is free (the end of its last page-state change). */
    public long guestFreeAt(int guest) {
        return m.guestFreeAt.get(guest);
    }

    /** One charge of {@code ns} on {@code cpu}, slowed by SMT and overcommit as {@link CostModel#work} slows it. */
    public long scaled(int cpu, long ns) {
        return m.scaled(cpu, ns);
    }

    /** Adds time already charged to clocks to a kind's total (a run's charges, summed by the caller). */
    public void add(CostKind kind, long ns) {
        kinds[kind.ordinal()] += ns;
    }

    /** {@link CostModel#guestEnter} and {@link CostModel#guestLeave} for a run of steps: the last step's times, and the waits summed. */
    public void guestRun(int guest, long since, long freeAt, long waited) {
        m.guestSince.set(guest, since);
        m.guestFreeAt.set(guest, freeAt);
        kinds[CostKind.GUEST_SERIAL_WAIT.ordinal()] += waited;
        guestWait += waited;
    }

    /** {@link CostModel#guestLeave} at clock {@code t}. */
    public void guestLeave(int guest, long t) {
        m.guestFreeAt.set(guest, t);
    }

    /** Ends the step: the CPU's clock is {@code t}. */
    public void end(int cpu, long t) {
        m.clock.set(cpu, t);
        maxClock = Math.max(maxClock, t);
    }

    /** Hands the CPU's clock to the model before real kernel code charges it. */
    public void sync(int cpu, long t) {
        m.clock.set(cpu, t);
        maxClock = Math.max(maxClock, t);
    }

    /** Takes the CPU's clock back after real kernel code charged it (settling what it left pending). */
    public long resume(int cpu) {
        m.endStep();
        return m.clock.get(cpu);
    }

    /** Writes the totals into the model. */
    public void flush() {
        for (int k = 0; k < kinds.length; k++) {
            if (kinds[k] != 0) {
                m.byKind.add(k, kinds[k]);
                kinds[k] = 0;
            }
        }
        if (acceptStart < m.scalars.get(CostModel.ACCEPT_START)) {
            m.scalars.set(CostModel.ACCEPT_START, acceptStart);
        }
        if (acceptEnd > m.scalars.get(CostModel.ACCEPT_END)) {
            m.scalars.set(CostModel.ACCEPT_END, acceptEnd);
        }
        if (maxClock > m.scalars.get(CostModel.MAX_CLOCK)) {
            m.scalars.set(CostModel.MAX_CLOCK, maxClock);
        }
        m.scalars.add(CostModel.ACCEPT_BYTES, acceptBytes);
        m.scalars.add(CostModel.GUEST_WAIT, guestWait);
        acceptStart = Long.MAX_VALUE;
        acceptEnd = Long.MIN_VALUE;
        maxClock = Long.MIN_VALUE;
        acceptBytes = 0;
        guestWait = 0;
    }
}
