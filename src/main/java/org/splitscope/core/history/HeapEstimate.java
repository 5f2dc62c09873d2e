package org.splitscope.core.history;

import java.util.List;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;

/**
 * What a run needs of the Java heap, known before the machine is built (issue 14 items 7 and 8), so
 * that a machine the heap cannot hold is refused at once, with what it needs, what the JVM has and
 * the -Xmx to give, rather than failing minutes later; and so that a timeline's history budget is
 * what the heap leaves, never more (a seek or an export then fits wherever a plain run fits).
 *
 * <p>The state is linear in the RAM size (bits per frame, counters per 2M and 1G region, R3), so it
 * is measured on two small probe machines with the same CPUs, TLBs and policy (1 and 2 GiB, a few
 * MiB each) and extrapolated: the estimate follows the core's arrays as they change. A third more
 * covers what is not journaled (which frames are RAM, the guest placement; measured: 443 MiB held
 * by a booted 2 TiB run whose journaled state is 340 MiB). A timeline holds a simulation, the
 * checkpoint at step 0 (the state alone) and, once it replays a step's events, a second simulation,
 * plus its history budget.
 */
public record HeapEstimate(long stateBytes, long neededBytes, long availableBytes, long usedBytes, long maxBytes) {
    /** Room left for everything else the command does (parsing, drawing, output). */
    static final long SLACK = 32 * Pfns.MIB;

    /** Heap bytes the JVM may still take: its maximum less what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** A run of {@code spec} without history (run, compare, CSV export). */
    public static HeapEstimate forRun(SimSpec spec) {
        long state = stateBytes(spec);
        return of(state, simulation(state) + SLACK);
    }

    /** A simulation: its journaled state and a third more for what is not journaled. */
    private static long simulation(long state) {
        return state + state * 35 / 100;
    }

    /** A timeline of {@code spec} with at least the smallest history budget (seek, break, pictures). */
    public static HeapEstimate forTimeline(SimSpec spec) {
        long state = stateBytes(spec);
        return of(state, 2 * simulation(state) + state + HistoryBudget.MIN_BYTES + SLACK);
    }

    private static HeapEstimate of(long state, long needed) {
        return of(state, needed, Heap.RUNTIME);
    }

    /**
     * What is "in use" includes garbage not yet collected (a JVM that has run a few machines holds
     * their arrays until a full collection), so when the heap seems too full for the need plus the
     * default history budget (which callers add with {@link #plus} or take with {@link #budget}), it
     * is measured again after one full collection, before anything is refused or a budget cut.
     */
    static HeapEstimate of(long state, long needed, Heap heap) {
        long used = heap.used();
        if (needed + HistoryBudget.DEFAULT.bytes() > heap.max() - used) {
            heap.collect();
            used = heap.used();
        }
        return new HeapEstimate(state, needed, heap.max() - used, used, heap.max());
    }

    /** The heap as measured: the JVM's own, or a test's. */
    interface Heap {
        long used();

        long max();

        void collect();

        Heap RUNTIME = new Heap() {
            @Override
            public long used() {
                Runtime rt = Runtime.getRuntime();
                return rt.totalMemory() - rt.freeMemory();
            }

            @Override
            public long max() {
                return Runtime.getRuntime().maxMemory();
            }

            @Override
            public void collect() {
                System.gc();
            }
        };
    }

    /** This estimate for {@code n} such runs side by side (an export's compared policies). */
    public HeapEstimate times(int n) {
        return new HeapEstimate(stateBytes * n, neededBytes * n, availableBytes, usedBytes, maxBytes);
    }

    /** This estimate with {@code bytes} more needed (an export's pictures). */
    public HeapEstimate plus(long bytes) {
        return new HeapEstimate(stateBytes, neededBytes + bytes, availableBytes, usedBytes, maxBytes);
    }

    public boolean fits() {
        return neededBytes <= availableBytes;
    }

    /**
     * The history budget a timeline gets here: what the heap leaves beyond the timeline's own needs,
     * at most {@code wanted} and at least {@link HistoryBudget#MIN_BYTES}.
     */
    public HistoryBudget budget(HistoryBudget wanted) {
        return budget(wanted, 1);
    }

    /** The history budget of each of {@code n} timelines this estimate covers ({@link #times(int)}). */
    public HistoryBudget budget(HistoryBudget wanted, int n) {
        long spare = (availableBytes - neededBytes) / n + HistoryBudget.MIN_BYTES;
        return new HistoryBudget(Math.max(HistoryBudget.MIN_BYTES, Math.min(wanted.bytes(), spare)));
    }

    /** One line: what the machine needs, what the JVM has, and the -Xmx that would do. */
    public String refusal(MachineSpec m) {
        long gib = (usedBytes + neededBytes + Pfns.GIB - 1) / Pfns.GIB + 1;
        return "a machine of " + Pfns.exactBytes(m.ramBytes()) + " needs about " + mib(neededBytes)
                + " of heap to simulate here (its state is about " + mib(stateBytes) + "), but this JVM has "
                + mib(availableBytes) + " free of its " + mib(maxBytes) + " maximum: give it more with java -Xmx"
                + gib + "g -jar splitscope.jar ..., or simulate a smaller machine";
    }

    private static String mib(long bytes) {
        return ((bytes + Pfns.MIB - 1) / Pfns.MIB) + " MiB";
    }

    /** Bytes of journaled state a simulation of {@code spec} holds, from two probe machines. */
    public static long stateBytes(SimSpec spec) {
        MachineSpec m = spec.machine();
        long one = probe(spec, Pfns.GIB);
        long two = probe(spec, 2 * Pfns.GIB);
        long perGib = Math.max(0, two - one);
        long fixed = Math.max(0, one - perGib);
        return fixed + (long) Math.ceil(perGib * (m.ramBytes() / (double) Pfns.GIB));
    }

    private static long probe(SimSpec spec, long ram) {
        MachineSpec m = spec.machine();
        MachineSpec small = MachineSpec.of(ram, m.cpus()).withTlb(m.tlb()).withGbpages(m.gbpages())
                .withKernel(m.kernel()).withInvlpgb(m.invlpgb());
        return Simulation.create(new SimSpec("probe", small, spec.policy(), List.of(), List.of(), 0, spec.costs()))
                .stateBytes();
    }
}
