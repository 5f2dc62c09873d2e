package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.SeedExperiments;
import org.splitscope.core.sim.SeedExperiments.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reproduce}: the seed thread's fault-in measurements, simulated side by side with the seed's figures. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run the seed's fault-in experiments (S1, S2) and print the seed's GB/s beside the simulated ones.")
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The smallest scale whose guests still fit their hosts: S2's 8 guests of 160 GiB on 1536 GiB, scaled. */
    static final double MIN_SCALE = 1.0 / 1024;
    /** --what-if's W1 runs at 1/64 of the scale; its 4 guests need the host that scale gives. */
    static final double MIN_WHAT_IF_SCALE = 1.0 / 64;

    @Option(names = "--scale", defaultValue = "0.0625", converter = Scale.class,
            description = "Guest and host memory as a fraction of the seed's, 1/1024 to 1 (vCPU counts stay);"
                    + " default ${DEFAULT-VALUE} (1/16).")
    double scale;

    @Option(names = "--runs", defaultValue = "3", converter = Runs.class,
            description = "Runs per configuration, averaged, 1 to 10 (default ${DEFAULT-VALUE}, as the seed).")
    int runs;

    static final class Scale implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = new Converters.DoubleValue().convert(value);
            if (!(v >= MIN_SCALE && v <= 1)) {
                throw new picocli.CommandLine.TypeConversionException("must be from 1/1024 (" + MIN_SCALE + ") to 1, got "
                        + value);
            }
            return v;
        }
    }

    static final class Runs implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Converters.inRange(value, 1, 10);
        }
    }

    @Option(names = "--what-if", description = "Also run the what-ifs: 4K folios, no cpa_lock, 64 vs 512 host CPUs under kernels 6.8 and 6.18.")
    boolean whatIf;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** A ratio the thread argued from, and the window it must fall in (R26). */
    record Ratio(String name, Double seed, double simulated, double low, double high, String seedNote) {
        boolean ok() {
            return simulated >= low && simulated <= high;
        }
    }

    @Override
    public Integer call() {
        if (whatIf && scale < MIN_WHAT_IF_SCALE) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--scale': "
                    + scale + " is too small for --what-if, whose W1 runs at 1/64 of it (at least 1/64, "
                    + MIN_WHAT_IF_SCALE + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Row> rows = SeedExperiments.reproduce(scale, runs, CostConstants.DEFAULT);
        List<Row> whatIfs = whatIf ? SeedExperiments.whatIfs(scale, runs, CostConstants.DEFAULT) : List.of();
        List<Ratio> ratios = ratios(rows);
        if (json) {
            ObjectNode o = Json.object();
            o.put("scale", scale);
            o.put("runs", runs);
            o.put("note", note());
            ArrayNode arr = o.putArray("rows");
            for (Row r : rows) {
                arr.add(rowJson(r));
            }
            ArrayNode rs = o.putArray("ratios");
            for (Ratio r : ratios) {
                ObjectNode x = rs.addObject();
                x.put("name", r.name());
                if (r.seed() == null) {
                    x.putNull("seed");
                } else {
                    x.put("seed", round(r.seed()));
                }
                x.put("simulated", round(r.simulated()));
                x.put("low", r.low());
                x.put("high", r.high());
                x.put("ok", r.ok());
            }
            if (whatIf) {
                ArrayNode w = o.putArray("what_ifs");
                for (Row r : whatIfs) {
                    w.add(rowJson(r));
                }
            }
            Json.print(out, o);
        } else {
            out.println(note());
            out.printf(Locale.ROOT, "%-5s %6s %-20s %10s %14s   %s%n", "table", "guests", "config", "seed GB/s",
                    "simulated GB/s", "runs");
            for (Row r : rows) {
                out.printf(Locale.ROOT, "%-5s %6d %-20s %10s %14.2f   %s%n", r.table(), r.guests(), r.config(),
                        r.seedGbPerS() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.seedGbPerS()),
                        r.simulatedGbPerS(), runsText(r));
            }
            out.println("ratios the thread argued from:");
            for (Ratio r : ratios) {
                out.printf(Locale.ROOT, "  %-52s seed %-20s simulated %5.2f  (must be %s)  %s%n", r.name(),
                        r.seed() == null ? r.seedNote() : String.format(Locale.ROOT, "%.2f", r.seed()), r.simulated(),
                        window(r), r.ok() ? "ok" : "OUTSIDE");
            }
            if (whatIf) {
                out.println("what-ifs:");
                for (Row r : whatIfs) {
                    out.printf(Locale.ROOT, "  %-3s %2d guest%s x %3d vCPUs, %-20s %-45s %7.2f GB/s   %s%n", r.table(),
                            r.guests(), r.guests() == 1 ? " " : "s", r.vcpusPerGuest(), r.config(), r.variant(),
                            r.simulatedGbPerS(), runsText(r));
                }
            }
        }
        return 0;
    }

    private String note() {
        return "Seed fault-in experiments (DOMAIN.md R26) on a simulated 512-CPU host running kernel profile "
                + SeedExperiments.SEED_KERNEL.id() + " (the seed's era, R27); guest and host memory at "
                + SeedExperiments.fraction(scale) + " of the seed's sizes, vCPU counts as in the seed; mean of "
                + runs + " runs in a row on one host (later runs start from the direct map earlier runs left)."
                + (whatIf ? " What-ifs run under " + SeedExperiments.SEED_KERNEL.id() + " unless they name 6.18." : "");
    }

    private static String window(Ratio r) {
        if (r.high() == Double.MAX_VALUE) {
            return ">= " + r.low();
        }
        if (r.low() == -Double.MAX_VALUE) {
            return "<= " + r.high();
        }
        return r.low() + "-" + r.high();
    }

    private static String runsText(Row r) {
        List<String> s = new ArrayList<>();
        for (double v : r.runs()) {
            s.add(String.format(Locale.ROOT, "%.2f", v));
        }
        return String.join(" ", s);
    }

    private static ObjectNode rowJson(Row r) {
        ObjectNode x = Json.object();
        x.put("table", r.table());
        x.put("guests", r.guests());
        x.put("vcpus_per_guest", r.vcpusPerGuest());
        x.put("guest_memory_gib", r.guestMemory() / (double) Pfns.GIB);
        x.put("folio", r.folio().label());
        x.put("host_cpus", r.hostCpus());
        x.put("kernel", r.kernel().id());
        x.put("config", r.config());
        if (!r.variant().isEmpty()) {
            x.put("variant", r.variant());
        }
        x.put("simulated_gb_per_s", round(r.simulatedGbPerS()));
        if (r.seedGbPerS() == null) {
            x.putNull("seed_gb_per_s");
        } else {
            x.put("seed_gb_per_s", round(r.seedGbPerS()));
        }
        ArrayNode runs = x.putArray("runs");
        for (double v : r.runs()) {
            runs.add(round(v));
        }
        return x;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static Row find(List<Row> rows, String table, int guests, String config) {
        for (Row r : rows) {
            if (r.table().equals(table) && r.guests() == guests && r.config().equals(config)) {
                return r;
            }
        }
        throw new IllegalStateException("no row " + table + "/" + guests + "/" + config);
    }

    static Double seedRatio(Row a, Row b) {
        return a.seedGbPerS() == null || b.seedGbPerS() == null ? null : a.seedGbPerS() / b.seedGbPerS();
    }

    /** The five orderings R26 asks for, with their windows. */
    static List<Ratio> ratios(List<Row> rows) {
        List<Ratio> out = new ArrayList<>();
        Row pre = find(rows, "S1", 1, "presplit-4k");
        Row nf = find(rows, "S1", 1, "invalidate-noflush");
        Row fl = find(rows, "S1", 1, "invalidate-flush");
        out.add(new Ratio("S1 presplit-4k / invalidate-noflush", seedRatio(pre, nf),
                pre.simulatedGbPerS() / nf.simulatedGbPerS(), 1.3, 1.9, ""));
        out.add(new Ratio("S1 invalidate-flush / invalidate-noflush", null,
                fl.simulatedGbPerS() / nf.simulatedGbPerS(), -Double.MAX_VALUE, 0.5, "\"cratered\""));
        for (int g : new int[] {1, 4, 8}) {
            Row p = find(rows, "S2", g, "presplit-4k");
            Row d = find(rows, "S2", g, "split-on-demand");
            out.add(new Ratio("S2 " + g + " guest" + (g == 1 ? "" : "s") + ": split-on-demand / presplit-4k",
                    seedRatio(d, p), d.simulatedGbPerS() / p.simulatedGbPerS(), 0.75, 1.25, ""));
        }
        Row one = find(rows, "S2", 1, "presplit-4k");
        Row four = find(rows, "S2", 4, "presplit-4k");
        Row eight = find(rows, "S2", 8, "presplit-4k");
        out.add(new Ratio("S2 presplit-4k: 4 guests / 1 guest", seedRatio(four, one),
                four.simulatedGbPerS() / one.simulatedGbPerS(), 1.8, Double.MAX_VALUE, ""));
        out.add(new Ratio("S2 presplit-4k: 8 guests / 4 guests", seedRatio(eight, four),
                eight.simulatedGbPerS() / four.simulatedGbPerS(), -Double.MAX_VALUE, 1.0, ""));
        return out;
    }
}
