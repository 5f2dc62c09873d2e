package org.splitscope.core.sim;

import java.util.HexFormat;
import java.util.List;
import org.splitscope.core.cost.CostKind;
import org.splitscope.core.cost.CostModel;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.guest.MemoryPlan;
import org.splitscope.core.kernel.Counters;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.state.JArray;
import org.splitscope.core.state.JBits;
import org.splitscope.core.state.JLongs;
import org.splitscope.core.state.Journal;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.StepProgram;

/**
 * One simulated host running one scenario under one policy: the machine state, the kernel, the
 * guests' placement and the expanded step list, and the operations that advance it a step at a
 * time. This is the core's entry point; the CLI, the timeline, the benchmarks and the app all drive
 * a Simulation and read its state through the accessors (never by mutating it).
 *
 * <p>Life cycle: {@link #create} builds the booted machine layout; {@link #boot} runs the policy's
 * boot hook (events may be captured); then {@link #executeNext} runs steps in order. Step numbers
 * are 0-based indices into the expanded list; "position" n means n steps have run (0 = as booted).
 *
 * <p>Threading: not thread-safe; confined to one thread at a time.
 */
public final class Simulation {
    private static final int NEXT_STEP = 0;
    private static final int ANY_LAUNCHED = 1;
    private static final int BOOTED = 2;

    private final SimSpec spec;
    private final Journal journal = new Journal();
    private final DirectMap dm;
    private final RmpTable rmp;
    private final TlbSet tlb;
    private final Counters counters;
    private final CostModel cost;
    private final HostKernel kernel;
    private final MemoryPlan plan;
    private final StepProgram program;
    private final JLongs scalars;
    private final JBits launched;
    private final int[] vcpuBase;
    /** vCPU threads per logical CPU (the placement, fixed per run). */
    private final int[] vcpusOnCpu;
    /** By ASID: index of the guest in the spec, or -1. */
    private final int[] guestIndexByAsid = new int[RmpTable.MAX_ASID + 1];
    private final long bootLeaves4k;
    private final long bootLeaves2m;
    private final long bootLeaves1g;
    private final StepExecutor executor;

    private Simulation(SimSpec spec) {
        this.spec = spec;
        MachineSpec m = spec.machine();
        dm = new DirectMap(journal, m, spec.policy().bootsAt4k());
        rmp = new RmpTable(journal, m.frames(), m.regions(), m.gigs());
        tlb = new TlbSet(journal, m.tlb(), m.cpus(), dm, rmp);
        counters = new Counters(journal);
        cost = new CostModel(journal, spec.costs(), m.cpus(), spec.guests().size());
        kernel = new HostKernel(dm, rmp, tlb, counters, cost, spec.policy(), m);
        plan = MemoryPlan.place(dm, spec.guests(),
                spec.items().stream().anyMatch(i -> i instanceof org.splitscope.core.workload.ProgramItem.Recorded));
        program = StepProgram.expand(spec.items(), plan, dm, m.cpus(), spec.seed());
        scalars = new JLongs(journal, "sim.scalars", 3);
        launched = new JBits(journal, "sim.launched", RmpTable.MAX_ASID + 1);
        bootLeaves4k = dm.leafCount(org.splitscope.core.mem.PageSize.K4);
        bootLeaves2m = dm.leafCount(org.splitscope.core.mem.PageSize.M2);
        bootLeaves1g = dm.leafCount(org.splitscope.core.mem.PageSize.G1);

        // vCPU placement: global vCPU index j (guests in declaration order) runs on CPU j % cpus.
        List<GuestSpec> guests = spec.guests();
        vcpuBase = new int[guests.size()];
        int[] busy = new int[m.cpus()];
        int j = 0;
        for (int g = 0; g < guests.size(); g++) {
            vcpuBase[g] = j;
            for (int v = 0; v < guests.get(g).vcpus(); v++) {
                busy[(j + v) % m.cpus()]++;
            }
            j += guests.get(g).vcpus();
        }
        cost.placeVcpus(busy);
        vcpusOnCpu = busy;
        java.util.Arrays.fill(guestIndexByAsid, -1);
        for (int g = 0; g < guests.size(); g++) {
            guestIndexByAsid[guests.get(g).asid()] = g;
        }
        executor = new StepExecutor(this);
    }

    /**
     * Builds the machine as laid out at boot, places the guests and expands the step list.
     * Throws IllegalArgumentException for a guest that does not fit or a workload naming an
     * undeclared guest.
     */
    public static Simulation create(SimSpec spec) {
        return new Simulation(spec);
    }

    /**
     * Finishes booting (R5, R29): the boot layout, including presplit-4k's 4K layout, was built by
     * {@link #create} without counting anything; this settles the booted state as position 0.
     */
    public void boot() {
        if (scalars.get(BOOTED) != 0) {
            throw new IllegalStateException("already booted");
        }
        kernel.endStep();
        scalars.set(BOOTED, 1);
    }

    /** Creates and boots, with no event capture. */
    public static Simulation booted(SimSpec spec) {
        Simulation s = create(spec);
        s.boot();
        return s;
    }

    // ---- running ---------------------------------------------------------------------------

    public void setSink(EventSink sink) {
        kernel.setSink(sink);
    }

    /** Steps run so far (the current position). */
    public long position() {
        return scalars.get(NEXT_STEP);
    }

    public long stepCount() {
        return program.size();
    }

    public boolean finished() {
        return position() >= program.size();
    }

    /** Where the sequential cursor is (the step index its next() returns), or -1. */
    private long cursorAt = -1;
    private StepProgram.Cursor cursor;

    /** Runs the next step. */
    public void executeNext() {
        long i = position();
        if (i >= program.size()) {
            throw new IllegalStateException("no step " + i + ": the run has " + program.size() + " steps");
        }
        if (cursorAt != i) {
            cursor = program.cursor(i);           // after a seek or an undo: re-position
        }
        Step step = cursor.next();
        cursorAt = i + 1;
        kernel.beginStep(i);
        executor.execute(step);
        kernel.endStep();
        scalars.set(NEXT_STEP, i + 1);
    }

    /** Runs steps until {@code position() == target} (or the end), one at a time ({@link RunMode#STEP}). */
    public void runTo(long target) {
        runTo(target, RunMode.STEP);
    }

    /**
     * Runs steps until {@code position() == target} (or the end). {@link RunMode#BULK} gets there
     * faster and to the same state, counters and time, without stopping in between; with the journal
     * recording it runs as {@link RunMode#STEP}.
     */
    public void runTo(long target, RunMode mode) {
        long end = Math.min(target, program.size());
        if (mode == RunMode.BULK && !journal.recording() && position() < end) {
            if (bulk == null) {
                bulk = new BulkRunner(this);
            }
            bulk.runTo(end);
            return;
        }
        while (position() < end) {
            executeNext();
        }
    }

    private BulkRunner bulk;

    /** Steps bulk mode has settled without the step path, so far (tests check that it is exercised). */
    long bulkSettledSteps() {
        return bulk == null ? 0 : bulk.settled();
    }

    /** Of {@link #bulkSettledSteps()}, those settled in windows guest by guest. */
    long bulkWindowedSteps() {
        return bulk == null ? 0 : bulk.windowed();
    }

    /** Runs {@code step} as the step at the current position (bulk mode hands the step path its steps). */
    void execute(Step step) {
        long i = position();
        kernel.beginStep(i);
        executor.execute(step);
        kernel.endStep();
        scalars.set(NEXT_STEP, i + 1);
    }

    /** Moves the position after bulk mode settled the steps before it. */
    void setPosition(long pos) {
        scalars.set(NEXT_STEP, pos);
    }

    // ---- launch bookkeeping (StepExecutor) -----------------------------------------------------

    boolean launched(int asid) {
        return launched.get(asid);
    }

    void markLaunched(int asid, boolean on) {
        launched.set(asid, on);
    }

    boolean anyLaunched() {
        return scalars.get(ANY_LAUNCHED) != 0;
    }

    void markAnyLaunched() {
        scalars.set(ANY_LAUNCHED, 1);
    }

    /** Host CPU that runs vCPU {@code vcpu} of the guest, and a key identifying the vCPU thread. */
    int cpuOf(int asid, int vcpu) {
        int g = guestIndex(asid);
        if (g < 0) {
            return 0;
        }
        return (vcpuBase[g] + vcpu) % spec.machine().cpus();
    }

    /** Index of the guest in the spec (for its serial section), or -1. */
    int guestIdx(int asid) {
        return guestIndex(asid);
    }

    /** The logical CPUs the guest's vCPUs run on. */
    int[] cpusOf(int asid) {
        GuestSpec g = guest(asid);
        int[] out = new int[g == null ? 0 : g.vcpus()];
        for (int v = 0; v < out.length; v++) {
            out[v] = cpuOf(asid, v);
        }
        return out;
    }

    /** How many vCPU threads run on a logical CPU. */
    int vcpusOn(int cpu) {
        return vcpusOnCpu[cpu];
    }

    int vcpuKey(int asid, int vcpu) {
        int g = guestIndex(asid);
        return g < 0 ? -1 : vcpuBase[g] + vcpu;
    }

    private int guestIndex(int asid) {
        return asid >= 0 && asid < guestIndexByAsid.length ? guestIndexByAsid[asid] : -1;
    }

    /** The guest with this ASID, or null. */
    GuestSpec guest(int asid) {
        int g = guestIndex(asid);
        return g < 0 ? null : spec.guests().get(g);
    }

    /** Where the guest with this ASID lives, or null. */
    org.splitscope.core.guest.GuestPlacement placement(int asid) {
        int g = guestIndex(asid);
        return g < 0 ? null : plan.placements().get(g);
    }

    // ---- read-only access --------------------------------------------------------------------

    public SimSpec spec() {
        return spec;
    }

    public DirectMap directMap() {
        return dm;
    }

    public RmpTable rmp() {
        return rmp;
    }

    public TlbSet tlb() {
        return tlb;
    }

    public Counters counters() {
        return counters;
    }

    public CostModel cost() {
        return cost;
    }

    public HostKernel kernel() {
        return kernel;
    }

    public MemoryPlan plan() {
        return plan;
    }

    public StepProgram program() {
        return program;
    }

    /** The journal of every state write (the timeline records and undoes through it). */
    public Journal journal() {
        return journal;
    }

    /** Leaf counts of the boot layout, before the policy's boot hook. */
    public long bootLeaves(org.splitscope.core.mem.PageSize size) {
        return switch (size) {
            case K4 -> bootLeaves4k;
            case M2 -> bootLeaves2m;
            case G1 -> bootLeaves1g;
        };
    }

    /**
     * A 64-bit hash of the whole simulated state (R24), as 16 hex digits: equal states give equal
     * hashes whichever way they were reached.
     */
    public String stateHash() {
        long h = 0x5151_5C09EL;
        for (JArray a : journal.arrays()) {
            if (!a.representation()) {
                h = a.hash(h ^ a.name().hashCode());
            }
        }
        h = tlb.contentHash(h ^ 0x71B);               // the TLBs by their entries, not their slots
        return HexFormat.of().toHexDigits(h);
    }

    /** The snapshot the state was last taken into or restored from; arrays not dirty since equal it. */
    private Object[] lastSnapshot;

    /**
     * A copy of the whole simulated state, for a checkpoint. Arrays not written since the previous
     * snapshot (or restore) are shared with it rather than copied: snapshots are immutable, so a
     * run of checkpoints costs what changed between them.
     */
    public Object[] snapshot() {
        tlb.settleDeferred();
        java.util.List<JArray> arrays = journal.arrays();
        Object[] out = new Object[arrays.size()];
        for (int i = 0; i < out.length; i++) {
            JArray a = arrays.get(i);
            out[i] = a.dirty() || lastSnapshot == null ? a.snapshot() : lastSnapshot[i];
            a.clearDirty();
        }
        lastSnapshot = out;
        return out;
    }

    /**
     * Replaces the whole simulated state with a snapshot taken by {@link #snapshot()} of this
     * simulation or of another one built from the same spec. The journal is cleared: nothing
     * before the snapshot can be undone.
     */
    public void restore(Object[] snapshot) {
        java.util.List<JArray> arrays = journal.arrays();
        if (snapshot.length != arrays.size()) {
            throw new IllegalArgumentException("snapshot of a different simulation");
        }
        tlb.discardDeferred();
        for (int i = 0; i < snapshot.length; i++) {
            JArray a = arrays.get(i);
            if (a.dirty() || lastSnapshot == null || lastSnapshot[i] != snapshot[i]) {
                a.restoreSnapshot(snapshot[i]);
            }
            a.clearDirty();
        }
        lastSnapshot = snapshot;
        journal.clear(journal.position());
    }

    /** Bytes held by the simulated state (all journaled arrays). */
    public long stateBytes() {
        long b = 0;
        for (JArray a : journal.arrays()) {
            b += a.bytes();
        }
        return b;
    }

    /** Convenience for summaries: simulated nanoseconds spent on a cost kind. */
    public long timeNs(CostKind kind) {
        return cost.totalNs(kind);
    }

    /** Step {@code i} of the expanded list. */
    public Step step(long i) {
        return program.step(i);
    }
}
