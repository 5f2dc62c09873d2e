package org.splitscope.core.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

/**
 * The seed thread's two fault-in experiments (DOMAIN.md R26, {@code assets/data/seed-fault-in-rates.csv}),
 * run on the simulator the way the seed ran them: a guest (or several) launches, faults in all its
 * memory by lazy acceptance with its vCPUs, and exits; three runs in a row on the same host, whose
 * direct map therefore carries the splits of the earlier runs into the later ones, as on the
 * seed's machine; the figure is the mean of the runs' fault-in rates (guest bytes over the time from
 * launch to the last fault-in).
 *
 * <ul>
 *   <li>S1: one 1 TiB guest, 128 vCPUs, 2M folios, under presplit-4k, invalidate-noflush and
 *       invalidate-flush.</li>
 *   <li>S2: 1, 4 and 8 guests of 128 vCPUs (512 GiB, 256 GiB, 160 GiB each), 2M folios, under
 *       presplit-4k and split-on-demand.</li>
 * </ul>
 * Both on the seed's host: 512 logical CPUs, 1.5 TiB, under kernel profile 6.8 (R27: the seed's
 * era, before INVLPGB flushes and _PAGE_KERNEL_4K). {@code scale} shrinks guest and host memory
 * alike while keeping the per-vCPU structure (each vCPU still faults in hundreds of folios), since
 * the rates are steady-state rates.
 */
public final class SeedExperiments {
    public static final int HOST_CPUS = 512;
    public static final long HOST_RAM = 1536 * Pfns.GIB;
    /** The seed thread's kernel (v6.8-rc era, January 2024). */
    public static final KernelProfile SEED_KERNEL = KernelProfile.V6_8;

    private SeedExperiments() {
    }

    /**
     * One configuration's result. {@code seedGbPerS} is null where the seed has no figure;
     * {@code variant} says how a what-if differs from the seed's setup ("" for the seed's own rows).
     */
    public record Row(String table, int guests, int vcpusPerGuest, long guestMemory, PageSize folio, String config,
                      double simulatedGbPerS, Double seedGbPerS, double[] runs, String variant, int hostCpus,
                      KernelProfile kernel) {
        Row withVariant(String v) {
            return new Row(table, guests, vcpusPerGuest, guestMemory, folio, config, simulatedGbPerS, seedGbPerS, runs,
                    v, hostCpus, kernel);
        }
    }

    /**
     * Runs one configuration {@code runs} times on one host and returns the mean rate in GB/s (GiB
     * per simulated second) and each run's rate.
     */
    public static Row run(String table, String policy, int guests, long guestMemory, int vcpus, PageSize folio,
                          int hostCpus, long hostRam, CostConstants costs, int runs, Double seed) {
        return run(table, policy, guests, guestMemory, vcpus, folio, hostCpus, hostRam, SEED_KERNEL, costs, runs, seed);
    }

    /** As above, on a host running kernel profile {@code kernel} (with INVLPGB, R18). */
    public static Row run(String table, String policy, int guests, long guestMemory, int vcpus, PageSize folio,
                          int hostCpus, long hostRam, KernelProfile kernel, CostConstants costs, int runs, Double seed) {
        List<GuestSpec> gs = new ArrayList<>();
        List<Integer> asids = new ArrayList<>();
        for (int g = 1; g <= guests; g++) {
            gs.add(new GuestSpec(g, guestMemory, vcpus, folio));
            asids.add(g);
        }
        List<ProgramItem> items = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            for (int g = 1; g <= guests; g++) {
                items.add(new ProgramItem.Fixed(new Step.Launch(g, null)));
            }
            items.add(new ProgramItem.Generated(new WorkloadSpec.LazyAccept(asids, 1.0), null));
            for (int g = 1; g <= guests; g++) {
                items.add(new ProgramItem.Fixed(new Step.Teardown(g, null)));
            }
        }
        SimSpec spec = new SimSpec(table, MachineSpec.of(hostRam, hostCpus).withKernel(kernel), Policies.byId(policy), gs,
                items, 1, costs);
        Simulation sim = Simulation.booted(spec);
        long perRunAccepts = sim.stepCount() / runs - 2L * guests;
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            sim.runTo(sim.position() + guests, RunMode.BULK);         // the launches
            long start = sim.cost().simTimeNs();
            long bytes0 = sim.cost().faultInBytes();
            sim.runTo(sim.position() + perRunAccepts, RunMode.BULK);  // every folio, all guests at once
            long end = sim.cost().simTimeNs();
            long bytes = sim.cost().faultInBytes() - bytes0;
            rates[r] = (bytes / (double) (1L << 30)) / ((end - start) / 1e9);
            sim.runTo(sim.position() + guests, RunMode.BULK);         // the teardowns
        }
        double mean = 0;
        for (double v : rates) {
            mean += v / runs;
        }
        return new Row(table, guests, vcpus, guestMemory, folio, policy, mean, seed, rates, "", hostCpus, kernel);
    }

    /** Both seed experiments at {@code scale} (1 = the seed's sizes). */
    public static List<Row> reproduce(double scale, int runs, CostConstants costs) {
        Map<String, Double> seed = seedMeans();
        long host = scaled(HOST_RAM, scale);
        List<Row> rows = new ArrayList<>();
        for (String p : List.of("presplit-4k", "invalidate-noflush", "invalidate-flush")) {
            rows.add(run("S1", p, 1, scaled(1024 * Pfns.GIB, scale), 128, PageSize.M2, HOST_CPUS, host, costs, runs,
                    seed.get("S1/1/" + p)));
        }
        int[][] s2 = {{1, 512}, {4, 256}, {8, 160}};
        for (int[] g : s2) {
            for (String p : List.of("presplit-4k", "split-on-demand")) {
                rows.add(run("S2", p, g[0], scaled(g[1] * Pfns.GIB, scale), 128, PageSize.M2, HOST_CPUS, host, costs,
                        runs, seed.get("S2/" + g[0] + "/" + p)));
            }
        }
        return rows;
    }

    /**
     * The what-ifs the thread left open, on the same host and at the same {@code scale}:
     * <ul>
     *   <li>W1, mainline's 4K folios: S2's 1 and 4 guests backed by 4K guest_memfd folios, where every
     *       first private fault in a 2M region splits under split-on-demand (memory a further 1/64
     *       smaller: 4K folios are 512 times more steps);</li>
     *   <li>W2, no cpa_lock (the RFC that removes it): 4 and 8 guests under invalidate-noflush with and
     *       without the lock;</li>
     *   <li>W3, 64 vs 512 host CPUs under both kernel profiles (R27): one guest of 32 vCPUs under the
     *       three S1 policies, where under 6.8 the cost of flush_tlb_all() grows with the CPU count and
     *       under 6.18 (INVLPGB) it does not; plus invalidate-flush with 4K folios, whose per-page range
     *       flushes send IPIs under both profiles (memory a further 1/64 smaller).</li>
     * </ul>
     * Every what-if runs under the seed's kernel (6.8) unless its variant names 6.18.
     */
    public static List<Row> whatIfs(double scale, int runs, CostConstants costs) {
        long host = scaled(HOST_RAM, scale);
        List<Row> rows = new ArrayList<>();
        double s4k = scale / 64;
        long host4k = scaled(HOST_RAM, s4k);
        for (int[] g : new int[][] {{1, 512}, {4, 256}}) {
            for (String p : List.of("presplit-4k", "split-on-demand")) {
                rows.add(run("W1", p, g[0], scaled(g[1] * Pfns.GIB, s4k), 128, PageSize.K4, HOST_CPUS, host4k, costs,
                        runs, null).withVariant("4K folios, memory x" + fraction(s4k)));
            }
        }
        for (int[] g : new int[][] {{4, 256}, {8, 160}}) {
            rows.add(run("W2", "invalidate-noflush", g[0], scaled(g[1] * Pfns.GIB, scale), 128, PageSize.M2, HOST_CPUS,
                    host, costs, runs, null).withVariant("with cpa_lock"));
            rows.add(run("W2", "invalidate-noflush", g[0], scaled(g[1] * Pfns.GIB, scale), 128, PageSize.M2, HOST_CPUS,
                    host, costs.withoutCpaLock(), runs, null).withVariant("without cpa_lock"));
        }
        for (KernelProfile k : List.of(KernelProfile.V6_8, KernelProfile.V6_18)) {
            for (int cpus : new int[] {64, 512}) {
                for (String p : List.of("presplit-4k", "invalidate-noflush", "invalidate-flush")) {
                    rows.add(run("W3", p, 1, scaled(256 * Pfns.GIB, scale), 32, PageSize.M2, cpus, host, k, costs, runs,
                            null).withVariant(cpus + " host CPUs, " + k.id()));
                }
                rows.add(run("W3", "invalidate-flush", 1, scaled(256 * Pfns.GIB, s4k), 32, PageSize.K4, cpus, host4k, k,
                        costs, runs, null).withVariant(cpus + " host CPUs, " + k.id() + ", 4K folios, memory x"
                        + fraction(s4k)));
            }
        }
        return rows;
    }

    /** "1/16" for 0.0625. */
    public static String fraction(double scale) {
        if (scale >= 1) {
            return "1";
        }
        long d = Math.round(1 / scale);
        return Math.abs(1.0 / d - scale) < 1e-9 ? "1/" + d : Double.toString(scale);
    }

    /** {@code bytes * scale}, rounded down to a whole number of 2 MiB (at least 64 MiB). */
    public static long scaled(long bytes, double scale) {
        long b = (long) (bytes * scale);
        long unit = 2 * Pfns.MIB;
        return Math.max(64 * Pfns.MIB, b / unit * unit);
    }

    /**
     * The seed's figures, mean per (table, guests, config) over its runs and placements, read from
     * the CSV packaged in the jar.
     */
    public static Map<String, Double> seedMeans() {
        Map<String, double[]> acc = new LinkedHashMap<>();
        try (InputStream in = SeedExperiments.class.getResourceAsStream("/assets/data/seed-fault-in-rates.csv")) {
            if (in == null) {
                throw new IllegalStateException("seed-fault-in-rates.csv is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("table,")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                String key = f[0] + "/" + f[1] + "/" + f[4];
                double[] a = acc.computeIfAbsent(key, k -> new double[2]);
                a[0] += Double.parseDouble(f[7]);
                a[1]++;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        acc.forEach((k, a) -> out.put(k, a[0] / a[1]));
        return out;
    }
}
