package org.splitscope.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.event.AccessPurpose;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.sim.RunMode;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.WorkloadSpec;

/**
 * JMH benchmarks of the core's hot paths. Run them with {@code mvn -Pjmh verify} (README
 * "Benchmarks"); figures measured on the build machine are in the README.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreBenchmarks {

    /** A booted 64 GiB, 64-CPU host with one 4K-folio guest, under a chosen policy. */
    @State(Scope.Thread)
    public static class Host {
        @Param({"split-on-demand", "invalidate-noflush"})
        public String policy;

        Simulation sim;
        HostKernel kernel;
        long base;
        int i;

        @Setup(Level.Trial)
        public void setUp() {
            GuestSpec g = new GuestSpec(1, 4 * Pfns.GIB, 8, PageSize.K4);
            sim = Simulation.booted(new SimSpec("bench", MachineSpec.of(64 * Pfns.GIB, 64), Policies.byId(policy),
                    List.of(g), List.of(), 1, CostConstants.DEFAULT));
            kernel = sim.kernel();
            base = 40 * Pfns.GIB / Pfns.FRAME_BYTES;              // inside a 1G leaf at boot
        }
    }

    /**
     * rmp_make_private then rmp_make_shared of a 4K frame, each through the policy's direct-map hook
     * and RMPUPDATE; frames walk through 2M regions, so the first of each region splits it
     * (split-on-demand) and every one is a change_page_attr call (invalidate-noflush).
     */
    @Benchmark
    public int rmpupdateWithHook(Host h) {
        long pfn = h.base + (h.i++ & ((1 << 20) - 1));
        int a = h.kernel.rmpMakePrivate(h.i & 63, pfn, PageSize.K4, 1, pfn, PageSize.K4);
        int b = h.kernel.rmpMakeShared(h.i & 63, pfn, PageSize.K4, 1, PageSize.K4);
        return a + b;
    }

    /** A host write through the CPU's TLB or a walk (and a fill), RMP-checked (R15-R17). */
    @Benchmark
    public HostKernel.AccessResult hostWrite(Host h) {
        long pfn = h.base + ((h.i++ * 40_503L) & ((1 << 22) - 1));
        return h.kernel.hostAccess(h.i & 63, pfn, true, AccessPurpose.HOST_ACTIVITY);
    }

    /** A 1.5 TiB host, half of its memory private in 4K and 2M entries, for region queries. */
    @State(Scope.Benchmark)
    public static class Big {
        Simulation sim;

        @Setup(Level.Trial)
        public void setUp() {
            GuestSpec a = new GuestSpec(1, 384 * Pfns.GIB, 16, PageSize.M2);
            GuestSpec b = new GuestSpec(2, 16 * Pfns.GIB, 16, PageSize.K4);
            sim = Simulation.booted(new SimSpec("bench", MachineSpec.of(1536 * Pfns.GIB, 512),
                    Policies.byId("split-on-demand"), List.of(a, b),
                    List.of(new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1, 2), 1.0), null)), 1,
                    CostConstants.DEFAULT));
            sim.runTo(Long.MAX_VALUE);
        }
    }

    /**
     * The per-region questions the heat map asks (anything assigned, which leaf, owner, frames
     * assigned and not present), for all 786,432 2M regions of a 1.5 TiB host: time per region.
     */
    @Benchmark
    @OperationsPerInvocation(786_432)
    public void regionSummaries(Big b, Blackhole bh) {
        DirectMap dm = b.sim.directMap();
        RmpTable rmp = b.sim.rmp();
        for (int r = 0; r < dm.regions(); r++) {
            bh.consume(rmp.anyAssigned(r));
            bh.consume(dm.regionLeaf(r));
            bh.consume(rmp.regionAsid(r));
            bh.consume(rmp.assignedFramesIn(r));
            bh.consume(dm.notPresentCount(r));
        }
    }

    /** One lazy-accept step of a 4K folio (the gmem prepare path end to end), through the Simulation. */
    @State(Scope.Thread)
    public static class Accepting {
        Simulation sim;

        @Setup(Level.Iteration)
        public void setUp() {
            GuestSpec g = new GuestSpec(1, 48 * Pfns.GIB, 16, PageSize.K4);
            sim = Simulation.booted(new SimSpec("bench", MachineSpec.of(64 * Pfns.GIB, 64),
                    Policies.byId("split-on-demand"), List.of(g),
                    List.of(new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1), 1.0), null)), 1,
                    CostConstants.DEFAULT));
        }
    }

    @Benchmark
    public long acceptStep(Accepting a) {
        a.sim.executeNext();
        return a.sim.position();
    }

    /**
     * Bulk mode's counterpart of {@link #acceptStep}: four 4K-folio guests of 16 vCPUs fault in at
     * once under split-on-demand on a 64-CPU host, and each invocation settles the first 1,048,576
     * steps from a freshly booted host with {@code runTo(.., RunMode.BULK)} (windows guest by guest,
     * one step at a time across each region's first fault and split). Time per step, i.e. per 4K frame.
     */
    @State(Scope.Thread)
    public static class BulkAccepting {
        Simulation sim;

        @Setup(Level.Invocation)
        public void setUp() {
            List<GuestSpec> gs = new java.util.ArrayList<>();
            for (int g = 1; g <= 4; g++) {
                gs.add(new GuestSpec(g, 8 * Pfns.GIB, 16, PageSize.K4));
            }
            sim = Simulation.booted(new SimSpec("bench", MachineSpec.of(64 * Pfns.GIB, 64),
                    Policies.byId("split-on-demand"), gs,
                    List.of(new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1, 2, 3, 4), 1.0), null)), 1,
                    CostConstants.DEFAULT));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    @OperationsPerInvocation(1 << 20)
    public long acceptStepsBulk(BulkAccepting a) {
        a.sim.runTo(1 << 20, RunMode.BULK);
        return a.sim.position();
    }
}
