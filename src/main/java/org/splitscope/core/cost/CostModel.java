package org.splitscope.core.cost;

import org.splitscope.core.state.JInts;
import org.splitscope.core.state.JLongs;
import org.splitscope.core.state.Journal;

/**
 * Simulated time (DOMAIN.md R25). Every logical host CPU has a clock; work done on a CPU advances
 * its clock; CPUs run in parallel. Three things couple them:
 *
 * <ul>
 *   <li>cpa_lock (R7): one global FIFO lock. A CPU that wants it waits until it is free; the wait
 *       and the hold time are accounted. Requests are served in the order the simulation issues
 *       them (step order), which is time order when vCPUs do similar work; this is the model's
 *       one scheduling simplification and keeps the step list independent of the policy. A CPU
 *       whose clock is behind the moment the previous holder got the lock was idle until then
 *       (its clock lags only because nothing ran on it; in step order it asks after that holder):
 *       that part is idle time, and only the rest of the hold in progress is a wait, so a wait is
 *       never longer than the hold it waited for.</li>
 *   <li>IPIs (R18): the sender of a flush pays per target CPU; every CPU that runs a vCPU pays the
 *       receive cost of every broadcast, settled at its next step (an O(1) "interrupt debt").</li>
 *   <li>SMT and overcommit: a logical CPU whose sibling also runs a vCPU is slower by a constant
 *       factor; vCPUs placed on the same logical CPU share its clock and pay a context switch when
 *       they alternate.</li>
 * </ul>
 *
 * <p>All state is journaled so that stepping back restores time exactly. Threading: confined to
 * the simulation thread.
 */
public final class CostModel {
    static final int LOCK_FREE_AT = 0;
    static final int LOCK_SINCE = 1;
    static final int LOCK_HOLD = 2;
    static final int LOCK_WAIT = 3;
    static final int IRQ_DEBT = 4;
    static final int ACCEPT_BYTES = 5;
    static final int ACCEPT_START = 6;
    static final int ACCEPT_END = 7;
    static final int MAX_CLOCK = 8;
    static final int LOCK_ACQUISITIONS = 9;
    static final int GUEST_WAIT = 10;
    private static final int SCALARS = 11;

    final CostConstants c;
    final int cpus;
    /** Per-CPU speed, per mille of nominal time per unit of work (1000 = nominal). Fixed per run. */
    final int[] permille;
    /** Whether a vCPU is placed on the CPU (only those pay for IPIs they receive). */
    final boolean[] busy;
    final JLongs clock;
    final JLongs irqSeen;
    final JInts lastVcpu;
    final JLongs scalars;
    final JLongs byKind;
    /** Per guest (index in the spec): when its serial page-state-change section is free again. */
    final JLongs guestFreeAt;
    final JLongs guestSince;

    public CostModel(Journal journal, CostConstants constants, int cpus) {
        this(journal, constants, cpus, 0);
    }

    public CostModel(Journal journal, CostConstants constants, int cpus, int guests) {
        this.c = constants;
        this.cpus = cpus;
        this.permille = new int[cpus];
        this.busy = new boolean[cpus];
        java.util.Arrays.fill(permille, 1000);
        clock = new JLongs(journal, "cost.clock", cpus);
        irqSeen = new JLongs(journal, "cost.irqSeen", cpus);
        lastVcpu = new JInts(journal, "cost.lastVcpu", cpus);
        lastVcpu.init(-1);
        scalars = new JLongs(journal, "cost.scalars", SCALARS);
        scalars.initAt(ACCEPT_START, Long.MAX_VALUE);
        byKind = new JLongs(journal, "cost.byKind", CostKind.values().length);
        guestFreeAt = new JLongs(journal, "cost.guestFreeAt", Math.max(1, guests));
        guestSince = new JLongs(journal, "cost.guestSince", Math.max(1, guests));
    }

    public CostConstants constants() {
        return c;
    }

    /**
     * Declares how many vCPU threads each logical CPU runs. Logical CPUs {@code i} and
     * {@code i + cpus/2} are SMT siblings (the usual Linux numbering on AMD EPYC); both busy makes both
     * slower. vCPU threads are always runnable (guests keep their vCPUs busy, as the seed's
     * {@code stress --vm-keep} guests do), so n of them on one logical CPU each get 1/n of it.
     */
    public void placeVcpus(int[] vcpusOnCpu) {
        int half = cpus / 2;
        for (int i = 0; i < cpus; i++) {
            busy[i] = vcpusOnCpu[i] > 0;
        }
        for (int i = 0; i < cpus; i++) {
            boolean siblingBusy = cpus >= 2 && cpus % 2 == 0 && busy[i < half ? i + half : i - half];
            int smt = busy[i] && siblingBusy ? c.smtSlowdownPermille() : 1000;
            permille[i] = smt * Math.max(1, vcpusOnCpu[i]);
        }
    }

    public int speedPermille(int cpu) {
        return permille[cpu];
    }

    long scaled(int cpu, long ns) {
        int p = permille[cpu];
        return p == 1000 ? ns : ns * p / 1000;
    }

    /*
     * Charges are collected in plain fields and settled into the journaled arrays at the end of the
     * step, or before anything needs the clock (cpa_lock, a broadcast, fault-in accounting): one
     * journaled write per clock and per kind per step instead of one per charge. Time is therefore
     * exact at step boundaries and at every lock or flush, and may lag inside a step.
     */
    private int pendingCpu = -1;
    private long pendingNs;
    private final long[] pendingKind = new long[CostKind.values().length];
    private int pendingKinds;

    private void settle() {
        if (pendingCpu < 0) {
            return;
        }
        long t = clock.get(pendingCpu) + pendingNs;
        clock.set(pendingCpu, t);
        if (t > scalars.get(MAX_CLOCK)) {
            scalars.set(MAX_CLOCK, t);
        }
        for (int k = 0; pendingKinds != 0; k++) {
            if ((pendingKinds & (1 << k)) != 0) {
                byKind.add(k, pendingKind[k]);
                pendingKind[k] = 0;
                pendingKinds &= ~(1 << k);
            }
        }
        pendingCpu = -1;
        pendingNs = 0;
    }

    /** Settles the step's charges into the state. */
    public void endStep() {
        settle();
    }

    /** Starts a step on a CPU for a vCPU (or {@code vcpuKey < 0} for host work). */
    public void beginStep(int cpu, int vcpuKey) {
        settle();
        if (busy[cpu]) {
            long debt = scalars.get(IRQ_DEBT) - irqSeen.get(cpu);
            if (debt > 0) {
                advance(cpu, CostKind.IPI_RECEIVE, debt);
                irqSeen.set(cpu, scalars.get(IRQ_DEBT));
            }
        }
        if (vcpuKey >= 0) {
            int last = lastVcpu.get(cpu);
            if (last >= 0 && last != vcpuKey) {
                work(cpu, CostKind.CONTEXT_SWITCH, c.contextSwitch());
            }
            lastVcpu.set(cpu, vcpuKey);
        }
    }

    /** Work of {@code ns} nominal nanoseconds on a CPU, slowed by SMT contention. */
    public void work(int cpu, CostKind kind, long ns) {
        advance(cpu, kind, scaled(cpu, ns));
    }

    private void advance(int cpu, CostKind kind, long ns) {
        if (ns == 0) {
            return;
        }
        if (pendingCpu != cpu) {
            settle();
            pendingCpu = cpu;
        }
        pendingNs += ns;
        pendingKind[kind.ordinal()] += ns;
        pendingKinds |= 1 << kind.ordinal();
    }

    /**
     * {@code calls} change_page_attr calls made back to back by one CPU, each taking cpa_lock, doing
     * {@code perCallNs} of work and releasing it, with nothing in between (bulk mode's closed form of
     * a per-page hook loop, R7, R25): exactly what {@code calls} times {@link #lockAcquire},
     * {@code work(cpu, CPA, perCallNs)}, {@link #lockRelease} do. Only the first call can wait: every
     * later one finds the lock freed by the same CPU at its own clock. Each call's hold time counts
     * from when it got the lock, after its wait, as lockAcquire/lockRelease count it (the lock is held
     * by one CPU at a time, so the holds never add up to more than the run's time). Returns the first call's wait.
     */
    public long lockRun(int cpu, long calls, long perCallNs) {
        if (calls <= 0) {
            return 0;
        }
        settle();
        long now = clock.get(cpu);
        long free = c.cpaLockSerializes() ? scalars.get(LOCK_FREE_AT) : 0;
        long idle = idleBeforeLock(now, free);
        long wait = Math.max(0, free - now) - idle;
        long each = scaled(cpu, perCallNs);
        long end = now + idle + wait + calls * each;
        clock.set(cpu, end);
        if (end > scalars.get(MAX_CLOCK)) {
            scalars.set(MAX_CLOCK, end);
        }
        if (wait > 0) {
            byKind.add(CostKind.LOCK_WAIT.ordinal(), wait);
            scalars.add(LOCK_WAIT, wait);
        }
        byKind.add(CostKind.CPA.ordinal(), calls * each);
        scalars.add(LOCK_HOLD, calls * each);                 // held from when it was got, not while waited for
        scalars.set(LOCK_SINCE, end - each);
        scalars.add(LOCK_ACQUISITIONS, calls);
        scalars.set(LOCK_FREE_AT, end);
        return wait;
    }

    /**
     * Of a CPU's time before it gets cpa_lock (from its clock {@code now} to {@code free}), the part
     * before the previous holder got the lock: idle, not waiting (see the class comment).
     */
    private long idleBeforeLock(long now, long free) {
        return Math.max(0, Math.min(scalars.get(LOCK_SINCE), free) - now);
    }

    /** Takes cpa_lock; returns how long the CPU waited for it (0 when the model has no cpa_lock). */
    public long lockAcquire(int cpu) {
        settle();
        long now = clock.get(cpu);
        long free = c.cpaLockSerializes() ? scalars.get(LOCK_FREE_AT) : 0;
        long idle = idleBeforeLock(now, free);
        if (idle > 0) {
            clock.set(cpu, now + idle);                       // idle: no kind of work, no wait
        }
        long wait = Math.max(0, free - now) - idle;
        if (wait > 0) {
            advance(cpu, CostKind.LOCK_WAIT, wait);
            scalars.add(LOCK_WAIT, wait);
        }
        scalars.set(LOCK_SINCE, now(cpu));                    // held from when it was got (after any wait)
        scalars.add(LOCK_ACQUISITIONS, 1);
        return wait;
    }

    public void lockRelease(int cpu) {
        settle();
        long now = clock.get(cpu);
        scalars.add(LOCK_HOLD, now - scalars.get(LOCK_SINCE));
        scalars.set(LOCK_FREE_AT, now);
    }

    /**
     * Enters guest {@code guest}'s serial section: the host side of its page-state changes (the PSC
     * exit with KVM_SET_MEMORY_ATTRIBUTES under kvm->slots_lock, the private #NPF and gmem prepare
     * with its RMPUPDATE and direct-map hook) runs one at a time per guest, on the CPU of the vCPU
     * that asked. FIFO in step order, like cpa_lock.
     */
    public void guestEnter(int cpu, int guest) {
        settle();
        long now = clock.get(cpu);
        long wait = Math.max(0, guestFreeAt.get(guest) - now);
        if (wait > 0) {
            advance(cpu, CostKind.GUEST_SERIAL_WAIT, wait);
            scalars.add(GUEST_WAIT, wait);
            settle();
        }
        guestSince.set(guest, clock.get(cpu));
    }

    public void guestLeave(int cpu, int guest) {
        settle();
        guestFreeAt.set(guest, clock.get(cpu));
    }

    /**
     * A guest launches: its vCPUs cannot run before the host got to launching it, so their CPUs'
     * clocks move up to now (the latest clock), idle; interrupts they "received" while idle cost them nothing.
     */
    public void syncForLaunch(int[] guestCpus) {
        settle();
        long t = scalars.get(MAX_CLOCK);
        for (int cpu : guestCpus) {
            if (clock.get(cpu) < t) {
                clock.set(cpu, t);
            }
            irqSeen.set(cpu, scalars.get(IRQ_DEBT));
        }
    }

    /**
     * A broadcast to every other CPU (flush_tlb_all or on_each_cpu): the sender pays
     * {@code localNs} plus one send per target; every CPU running a vCPU pays {@code receiveNs}.
     */
    public void broadcast(int cpu, long localNs, long receiveNs) {
        work(cpu, CostKind.FLUSH_SEND, localNs + c.ipiSendPerTarget() * (cpus - 1));
        settle();
        scalars.add(IRQ_DEBT, receiveNs);
    }

    /** A guest starts faulting in a chunk on this CPU. */
    public void acceptBegin(int cpu) {
        long now = now(cpu);
        if (now < scalars.get(ACCEPT_START)) {
            scalars.set(ACCEPT_START, now);
        }
    }

    /** A guest finished faulting in {@code bytes} on this CPU. */
    public void acceptEnd(int cpu, long bytes) {
        scalars.add(ACCEPT_BYTES, bytes);
        long now = now(cpu);
        if (now > scalars.get(ACCEPT_END)) {
            scalars.set(ACCEPT_END, now);
        }
    }

    // ---- readings ---------------------------------------------------------------------------

    public long now(int cpu) {
        return clock.get(cpu) + (cpu == pendingCpu ? pendingNs : 0);
    }

    /** Simulated time so far: the latest clock of any CPU. */
    public long simTimeNs() {
        settle();
        return scalars.get(MAX_CLOCK);
    }

    public long lockHoldNs() {
        settle();
        return scalars.get(LOCK_HOLD);
    }

    public long lockWaitNs() {
        settle();
        return scalars.get(LOCK_WAIT);
    }

    /** Total time vCPUs waited for their guest's serial page-state-change section. */
    public long guestWaitNs() {
        settle();
        return scalars.get(GUEST_WAIT);
    }

    public long lockAcquisitions() {
        return scalars.get(LOCK_ACQUISITIONS);
    }

    public long totalNs(CostKind kind) {
        settle();
        return byKind.get(kind.ordinal());
    }

    public long faultInBytes() {
        return scalars.get(ACCEPT_BYTES);
    }

    /** Time from the first fault-in start to the last fault-in end (0 when none). */
    public long faultInSpanNs() {
        long s = scalars.get(ACCEPT_START);
        long e = scalars.get(ACCEPT_END);
        return s == Long.MAX_VALUE || e <= s ? 0 : e - s;
    }

    /** Guest fault-in rate in GB/s (GiB per simulated second), the seed's figure of merit (R26). */
    public double faultInGbPerS() {
        long span = faultInSpanNs();
        if (span == 0) {
            return 0;
        }
        return (faultInBytes() / (double) (1L << 30)) / (span / 1e9);
    }
}
