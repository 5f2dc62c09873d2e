package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.RunMode;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench core}: lazily accepts all the guests' memory and tears the guests down through the
 * same Simulation the app and the CLI drive, with event records off (as in the app's fast play) but
 * every event counted, in bulk mode ({@code --mode bulk}, the default) or on the step path
 * ({@code --mode step}); both end in the same state (the state hash is printed). Goal: at least 50
 * million frames per second under -Xmx2g on one core. Wall time and the thread's CPU time are both
 * reported: on a shared machine they differ.
 */
@Command(name = "core", mixinStandardHelpOptions = true,
        description = "Time the simulation core: lazy acceptance of every guest frame, then teardown.")
final class BenchCoreCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--ram", defaultValue = "1536GiB", converter = Converters.Size.class,
            description = "Host RAM (default 1536GiB).")
    long ramBytes;

    @Option(names = "--cpus", defaultValue = "512", description = "Host logical CPUs (default ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--guests", defaultValue = "8", description = "Guests (default ${DEFAULT-VALUE}).")
    int guests;

    @Option(names = "--guest-memory", defaultValue = "160GiB", converter = Converters.Size.class,
            description = "Memory per guest (default 160GiB).")
    long mem;

    @Option(names = "--vcpus", defaultValue = "16", description = "vCPUs per guest (default ${DEFAULT-VALUE}).")
    int vcpus;

    @Option(names = "--folio", defaultValue = "4K", description = "guest_memfd folio size, 4K or 2M (default ${DEFAULT-VALUE}).")
    String folio;

    @Option(names = "--policy", defaultValue = "split-on-demand", description = "Policy (default ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--kernel", paramLabel = "6.8|6.18", defaultValue = "6.18", converter = Converters.Kernel.class,
            description = "Kernel profile (DOMAIN R27), 6.8 or 6.18 (default ${DEFAULT-VALUE}).")
    KernelProfile kernel;

    @Option(names = "--mode", defaultValue = "bulk",
            description = "step (the step path, one step at a time) or bulk (runs of folios settled in bulk);"
                    + " default ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PageSize f = switch (folio.toUpperCase(Locale.ROOT)) {
            case "4K" -> PageSize.K4;
            case "2M" -> PageSize.M2;
            default -> throw new UserError("--folio must be 4K or 2M");
        };
        RunMode runMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "step" -> RunMode.STEP;
            case "bulk" -> RunMode.BULK;
            default -> throw new UserError("--mode must be step or bulk");
        };
        if (guests < 1 || guests > 1023) {
            throw new UserError("--guests must be 1..1023");
        }
        SimSpec simSpec;
        try {
            List<GuestSpec> gs = new ArrayList<>();
            List<Integer> asids = new ArrayList<>();
            for (int g = 1; g <= guests; g++) {
                gs.add(new GuestSpec(g, mem, vcpus, f));
                asids.add(g);
            }
            List<ProgramItem> items = new ArrayList<>();
            items.add(new ProgramItem.Generated(new WorkloadSpec.LazyAccept(asids, 1.0), null));
            for (int g = 1; g <= guests; g++) {
                items.add(new ProgramItem.Fixed(new Step.Teardown(g, null)));
            }
            if (!Policies.ids().contains(policy)) {
                throw new UserError("--policy: unknown policy '" + policy + "' (one of: " + String.join(", ", Policies.ids())
                        + ")");
            }
            simSpec = new SimSpec("bench-core", MachineSpec.of(ramBytes, cpus).withKernel(kernel), Policies.byId(policy),
                    gs, items, 1, CostConstants.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Simulation sim = Loaded.create(simSpec);
        sim.boot();
        long frames = guests * (mem / Pfns.FRAME_BYTES);
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        sim.runTo(sim.stepCount(), runMode);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        long events = sim.counters().get(Counter.EVENTS);
        double peakMib = peakHeapMib();
        if (sim.rmp().assigned4kFrames() + sim.rmp().private2mEntries() != 0) {
            throw new IllegalStateException("teardown left private frames behind");
        }
        if (json) {
            ObjectNode o = Json.object();
            o.put("mode", runMode.name().toLowerCase(Locale.ROOT));
            o.put("frames", frames);
            o.put("events", events);
            o.put("seconds", Math.round(seconds * 1000) / 1000.0);
            o.put("frames_per_s", Math.round(frames / seconds));
            o.put("cpu_seconds", Math.round(cpuSeconds * 1000) / 1000.0);
            o.put("peak_heap_mib", Math.round(peakMib));
            o.put("steps", sim.stepCount());
            o.put("sim_time_ns", sim.cost().simTimeNs());
            o.put("state_hash", sim.stateHash());
            Json.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s mode: %d frames (%d steps, %d events) in %.2f s (%.2f s CPU): %.1f million"
                            + " frames/s, peak heap %.0f MiB; simulated %d ns, state hash %s%n",
                    runMode.name().toLowerCase(Locale.ROOT), frames, sim.stepCount(), events, seconds, cpuSeconds,
                    frames / seconds / 1e6, peakMib, sim.cost().simTimeNs(), sim.stateHash());
        }
        return 0;
    }

    static double peakHeapMib() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
