package org.splitscope.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.WorkloadSpec;
import org.splitscope.render.CellLayout;
import org.splitscope.render.HeatMapRasterizer;
import org.splitscope.render.Layer;
import org.splitscope.render.Overlay;
import org.splitscope.render.Palette;
import org.splitscope.render.Viewport;

/** Composing the heat map (goal: a full 1920x1080 map of a 1.5 TiB host in at most 8 ms). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RenderBenchmarks {
    /** "whole": all of RAM in 2M or 1G cells; "1g": one 1 GiB span in 4K cells. */
    @Param({"whole", "4k-detail"})
    public String view;

    Simulation sim;
    CellLayout layout;
    final HeatMapRasterizer rasterizer = new HeatMapRasterizer();
    final int[] pixels = new int[1920 * 1080];

    @Setup(Level.Trial)
    public void setUp() {
        GuestSpec a = new GuestSpec(1, 512 * Pfns.GIB, 128, PageSize.M2);
        GuestSpec b = new GuestSpec(2, 8 * Pfns.GIB, 16, PageSize.K4);
        sim = Simulation.booted(new SimSpec("bench", MachineSpec.of(1536 * Pfns.GIB, 512),
                Policies.byId("split-on-demand"), List.of(a, b),
                List.of(new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1, 2), 0.5), null)), 1,
                CostConstants.DEFAULT));
        sim.runTo(Long.MAX_VALUE);
        long frames = sim.directMap().frames();
        Viewport vp = view.equals("whole") ? Viewport.whole(frames)
                : Viewport.of(frames - 8 * 262144, frames - 7 * 262144, frames);
        layout = CellLayout.of(vp, 1920, 1080);
    }

    @Benchmark
    public int[] composeHeatMap() {
        rasterizer.render(sim, layout, Layer.DEFAULT, Overlay.NONE, Palette.LIGHT, pixels);
        return pixels;
    }
}
