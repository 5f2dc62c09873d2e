package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.HeapEstimate;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.export.AtomicFiles;
import org.splitscope.export.CsvExport;
import org.splitscope.export.GifWriter;
import org.splitscope.export.PngWriter;
import org.splitscope.render.Layer;
import org.splitscope.render.Palette;
import org.splitscope.render.Pictures;
import org.splitscope.render.Viewport;
import org.splitscope.scenario.IoReasons;
import org.splitscope.scenario.Numbers;
import org.splitscope.scenario.Quote;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.trace.Progress;
import org.splitscope.scenario.trace.RecordingWriter;
import org.splitscope.scenario.ReadPolicy;
import org.splitscope.scenario.Tour;
import org.splitscope.scenario.TourLoader;
import org.splitscope.scenario.ScenarioException;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: pictures and data of a run without JavaFX, the same as the app exports. What is
 * written follows the file name: {@code .png} the heat map at a step (with {@code --compare}, the
 * policies side by side); {@code .gif} an animation of steps {@code --from} to {@code --to}, each
 * frame with its step's caption; {@code .csv} the chart series or the event log ({@code --csv}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the heat map as a PNG, an animation of a step range as a GIF, the series/event log as CSV,"
                + " or the run as a host recording (--recording DIR).")
final class ExportCommand implements Callable<Integer> {
    /** Most frames an animation may have. */
    static final int MAX_FRAMES = 2000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions source;

    @Option(names = "--policy", paramLabel = "ID",
            description = "Run under this policy instead of the scenario's (see 'list').")
    String policy;

    @Option(names = "--compare", paramLabel = "a,b,...|all",
            description = "Draw these policies side by side (PNG or GIF), cells that differ marked.")
    String compare;

    @Option(names = "--step", paramLabel = "N", converter = Converters.Step.class,
            description = "Steps run before the picture, or the last step of a CSV (0 = as booted; default: the whole run).")
    Long step;

    @Option(names = "--from", paramLabel = "N", converter = Converters.Step.class, description = "First step of a GIF animation.")
    Long from;

    @Option(names = "--to", paramLabel = "M", converter = Converters.Step.class, description = "Last step of a GIF animation.")
    Long to;

    @Option(names = "--every", paramLabel = "K", defaultValue = "1", converter = Converters.Positive.class, description = "A GIF frame every K steps (default 1).")
    long every;

    @Option(names = "--delay-ms", paramLabel = "MS", defaultValue = "800", description = "Time each GIF frame shows (default 800).")
    int delayMs;

    @Option(names = "--csv", paramLabel = "series|events", description = "What a .csv holds: the chart series or the event log.")
    String csv;

    @Option(names = "--filter", paramLabel = "CONDITION",
            description = "Events a --csv events file keeps: kinds and pfn=A-B, guest=N, cpu=N (as --break without tlb=).")
    String filter;

    @Option(names = "--out", paramLabel = "FILE.png|.gif|.csv",
            description = "The file to write; its extension says what (a picture, an animation, a CSV); with"
                    + " --tour, a directory.")
    Path out;

    @Option(names = "--recording", paramLabel = "DIR",
            description = "Write the whole run as a host recording (TRACE.md) into DIR: what a host running the"
                    + " simulated kernel would record; replay it with 'replay --trace DIR'.")
    Path recording;

    @Option(names = "--width", defaultValue = "1600", converter = Converters.Pixels.class,
            description = "Picture width in pixels, up to 8192 (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1000", converter = Converters.Pixels.class,
            description = "Picture height in pixels, up to 8192 (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--layers", defaultValue = "directmap,rmp,tlb,faults,activity",
            description = "Comma-separated: directmap, rmp, tlb, faults, activity (default ${DEFAULT-VALUE}).")
    String layers;

    @Option(names = "--zoom", paramLabel = "PFN-RANGE", description = "Only these frames, e.g. 0x20000-0x201ff.")
    String zoom;

    @Option(names = "--theme", defaultValue = "light", description = "light or dark (default ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--tlb-cpu", defaultValue = "-1", description = "Show one CPU's TLB conflicts (default: all CPUs).")
    int tlbCpu;

    private enum Kind { PNG, GIF, CSV }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (source.source.tour != null) {
            return tour(o);
        }
        if (recording != null) {
            return recording(o);
        }
        if (out == null) {
            throw new UserError("say where to write: --out FILE.png|.gif|.csv, or --recording DIR");
        }
        Kind kind = kind();
        checkCombinations(kind);
        try {
            AtomicFiles.checkWritable(out);               // before any work: nothing is computed in vain
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        Scenario s = source.load();
        if (kind == Kind.CSV) {
            return csv(o, s);
        }
        Set<Layer> ls;
        try {
            ls = Layer.parse(layers);
        } catch (IllegalArgumentException e) {
            throw new UserError("--layers: " + e.getMessage());
        }
        Palette pal = switch (theme) {
            case "light" -> Palette.LIGHT;
            case "dark" -> Palette.DARK;
            default -> throw new UserError("--theme must be light or dark");
        };
        List<String> policies = compare == null ? List.of(policy == null ? s.policyId() : policy)
                : CompareCommand.policies(compare, s);
        List<SimSpec> specs = new ArrayList<>();
        for (String p : policies) {
            specs.add(source.spec(s, p));
        }
        // the pictures: the pixels, an image of them and a GIF frame, four bytes a pixel each
        List<Timeline> runs = Loaded.timelines(specs, HistoryBudget.DEFAULT, Timeline.Options.FULL,
                12L * width * height * policies.size());
        Timeline first = runs.get(0);
        SimSpec simSpec = first.spec();
        if (tlbCpu < -1 || tlbCpu >= simSpec.machine().cpus()) {
            throw new UserError("--tlb-cpu must be -1 (all) or 0.." + (simSpec.machine().cpus() - 1));
        }
        long frames = first.simulation().directMap().frames();
        Viewport vp = zoom == null ? Viewport.whole(frames) : parseZoom(zoom, frames);
        Pictures.Spec ps = new Pictures.Spec(s.title(), s.id(), s.description(), vp, ls, tlbCpu, pal, width, height);
        return kind == Kind.PNG ? png(o, runs, ps) : gif(o, runs, ps);
    }

    private Kind kind() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return Kind.PNG;
        }
        if (name.endsWith(".gif")) {
            return Kind.GIF;
        }
        if (name.endsWith(".csv")) {
            return Kind.CSV;
        }
        throw new UserError("--out " + out + ": the file name must end in .png, .gif or .csv");
    }

    private void checkCombinations(Kind kind) {
        if (kind != Kind.GIF && (from != null || to != null)) {
            throw new UserError("--from/--to make an animation: use --out with a .gif name");
        }
        if (kind == Kind.GIF && (from == null || to == null)) {
            throw new UserError("--out " + out + ": a GIF animation needs --from N and --to M");
        }
        if (kind == Kind.GIF && step != null) {
            throw new UserError("--step is for a .png or .csv; an animation takes --from and --to");
        }
        if (kind != Kind.CSV && (csv != null || filter != null)) {
            throw new UserError("--csv and --filter are for a .csv file");
        }
        if (kind == Kind.CSV && csv == null) {
            throw new UserError("--out " + out + ": say what the CSV holds with --csv series or --csv events");
        }
        if (kind == Kind.CSV && compare != null) {
            throw new UserError("--compare draws pictures; for the figures side by side use 'splitscope compare'");
        }
        if (compare != null && policy != null) {
            throw new UserError("--policy and --compare cannot be combined");
        }
        if (every < 1) {
            throw new UserError("--every must be at least 1");
        }
        if (delayMs < 10 || delayMs > 60_000) {
            throw new UserError("--delay-ms must be between 10 and 60000");
        }
    }

    private int png(PrintWriter o, List<Timeline> runs, Pictures.Spec ps) {
        long total = runs.get(0).totalSteps();
        long at = step == null ? total : step;
        if (at < 0 || at > total) {
            throw new UserError("--step " + at + ": the scenario has " + total + " steps");
        }
        for (Timeline t : runs) {
            t.seek(at);
        }
        int[] px;
        try {
            px = Pictures.draw(runs, ps);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try {
            PngWriter.write(px, width, height, out);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        if (runs.size() == 1) {
            o.printf("wrote %s (%dx%d, step %d, state hash %s)%n", out, width, height, at,
                    RunSummary.of(runs.get(0).simulation()).stateHash());
        } else {
            o.printf("wrote %s (%dx%d, step %d, %d policies side by side)%n", out, width, height, at, runs.size());
        }
        return 0;
    }

    private int gif(PrintWriter o, List<Timeline> runs, Pictures.Spec ps) {
        long total = runs.get(0).totalSteps();
        if (from < 0 || to > total || from > to) {
            throw new UserError("--from " + from + " --to " + to + ": need 0 <= from <= to <= " + total);
        }
        long count = (to - from) / every + 1;
        if (count > MAX_FRAMES) {
            throw new UserError("--from " + from + " --to " + to + " makes " + count + " frames; at most " + MAX_FRAMES
                    + " (use --every K)");
        }
        try {
            GifWriter.write(out, width, height, (int) count, delayMs, i -> {
                long at = from + i * every;
                for (Timeline t : runs) {
                    t.seek(at);
                }
                return Pictures.draw(runs, ps);
            });
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());              // a size that cannot be drawn; no file is left
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        o.printf("wrote %s (%dx%d, %d frames: steps %d to %d%s)%n", out, width, height, count, from, to,
                every > 1 ? " every " + every : "");
        return 0;
    }

    private UserError cannotWrite(IOException e) {
        return new UserError("--out " + out + ": cannot write it: " + IoReasons.of(e));
    }

    private int csv(PrintWriter o, Scenario s) {
        SimSpec simSpec = source.spec(s, policy);
        Loaded.checkHeap(simSpec, HeapEstimate.forRun(simSpec));
        long at = step == null ? CsvExport.WHOLE_RUN : step;
        try {
            CsvExport.Written w;
            switch (csv) {
                case "series" -> {
                    if (filter != null) {
                        throw new UserError("--filter is for --csv events");
                    }
                    w = CsvExport.writeSeries(simSpec, at, out, () -> false);
                    o.printf("wrote %s (%d rows: step boundaries 0 to %d)%n", out, w.rows(), w.lastStep());
                }
                case "events" -> {
                    EventFilter f;
                    try {
                        f = EventFilter.parse(filter);
                    } catch (IllegalArgumentException e) {
                        throw new UserError("--filter: " + e.getMessage());
                    }
                    w = CsvExport.writeEvents(simSpec, at, f, out, () -> false);
                    o.printf("wrote %s (%d events of steps 1 to %d)%n", out, w.rows(), w.lastStep());
                }
                default -> throw new UserError("--csv must be series or events");
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(s.id() + ": " + e.getMessage());        // a step outside the run, or a guest that does not fit
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        return 0;
    }

    /** {@code export --tour F --out DIR}: a PNG per stop (TourExport). */
    private int tour(PrintWriter o) {
        if (out == null) {
            throw new UserError("--tour writes one PNG per stop: say into which folder with --out DIR");
        }
        if (recording != null || compare != null || policy != null || step != null || from != null || to != null
                || csv != null || zoom != null || source.seed != null || source.kernel != null) {
            throw new UserError("--tour takes its scenarios, policies, kernels, steps and zoom from the tour; with it"
                    + " give only --out DIR and the picture options (--width, --height, --theme)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": with --tour, --out is a folder, and this is a file");
        }
        Palette pal = switch (theme) {
            case "light" -> Palette.LIGHT;
            case "dark" -> Palette.DARK;
            default -> throw new UserError("--theme must be light or dark");
        };
        ReadPolicy read = ReadPolicy.SCENARIO_FOLDER;
        for (Path p : source.allowPaths) {
            read = read.allow(p);
        }
        Tour tour;
        try {
            tour = TourLoader.load(source.source.tour);
        } catch (ScenarioException e) {
            throw new UserError(e.getMessage());
        }
        return TourExport.export(o, tour, out, width, height, pal, read);
    }

    private int recording(PrintWriter o) {
        if (out != null || compare != null || step != null || from != null || to != null || csv != null || zoom != null) {
            throw new UserError("--recording writes the whole run under one policy; it takes none of --out, --compare,"
                    + " --step, --from, --to, --csv, --zoom");
        }
        SimSpec simSpec = source.spec(source.load(), policy);
        Loaded.checkHeap(simSpec, HeapEstimate.forRun(simSpec));
        RecordingWriter.Written w;
        try {
            w = RecordingWriter.write(simSpec, recording, Progress.NONE);
        } catch (IllegalArgumentException e) {
            throw new UserError(simSpec.name() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot write " + recording + ": " + IoReasons.of(e));
        }
        o.printf("wrote %s (%d trace lines of %d steps under %s, kernel %s)%n", w.dir(), w.lines(), w.steps(),
                simSpec.policy().id(), simSpec.machine().kernel().id());
        return 0;
    }

    static Viewport parseZoom(String z, long frames) {
        int dash = z.indexOf('-', 1);
        Long a = Numbers.longValue(dash < 0 ? z : z.substring(0, dash));
        Long last = dash < 0 ? a : Numbers.longValue(z.substring(dash + 1));
        if (a == null || last == null) {
            throw new UserError("--zoom " + Quote.of(z) + ": use A-B with frame numbers, e.g. 0x20000-0x201ff");
        }
        if (a < 0 || last < a || a >= frames) {
            throw new UserError("--zoom " + Quote.of(z) + ": not a frame range within RAM (0x0-"
                    + Long.toHexString(frames - 1) + ")");
        }
        return Viewport.of(a, Math.min(last, frames - 1) + 1, frames);
    }
}
