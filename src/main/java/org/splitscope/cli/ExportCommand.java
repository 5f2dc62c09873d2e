package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.export.PngWriter;
import org.splitscope.render.ExportComposer;
import org.splitscope.render.Figures;
import org.splitscope.render.Layer;
import org.splitscope.render.Overlay;
import org.splitscope.render.OverlayBuilder;
import org.splitscope.render.Palette;
import org.splitscope.render.Viewport;
import org.splitscope.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: the heat map of a scenario at a step as a PNG, with legend, scenario, policy,
 * step, caption and state hash drawn in; the same pixels as the app's "export heat map", without
 * JavaFX.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the heat map at a step as a PNG, with legend, caption and state hash.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME|PATH")
    String scenario;

    @Option(names = "--policy", paramLabel = "ID")
    String policy;

    @Option(names = "--seed", paramLabel = "N")
    Long seed;

    @Option(names = "--step", required = true, paramLabel = "N", description = "Steps run before the picture (0 = as booted).")
    long step;

    @Option(names = "--out", required = true, paramLabel = "FILE.png")
    Path out;

    @Option(names = "--width", defaultValue = "1600")
    int width;

    @Option(names = "--height", defaultValue = "1000")
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

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        if (!out.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new UserError("--out " + out + ": the file name must end in .png");
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
        Scenario s = Loaded.scenario(scenario);
        SimSpec simSpec = Loaded.spec(s, policy, seed);
        Timeline t = TimelineRuns.open(simSpec, Timeline.Options.FULL);
        if (step < 0 || step > t.totalSteps()) {
            throw new UserError("--step " + step + ": the scenario has " + t.totalSteps() + " steps");
        }
        if (tlbCpu < -1 || tlbCpu >= simSpec.machine().cpus()) {
            throw new UserError("--tlb-cpu must be -1 (all) or 0.." + (simSpec.machine().cpus() - 1));
        }
        long frames = t.simulation().directMap().frames();
        Viewport vp = zoom == null ? Viewport.whole(frames) : parseZoom(zoom, frames);
        t.seek(step);
        Overlay overlay = OverlayBuilder.build(t, 16).withTlbCpu(tlbCpu);
        RunSummary sum = RunSummary.of(t.simulation());
        String caption = step == 0 ? s.description() : t.simulation().program().caption(step - 1);
        ExportComposer.Header head = new ExportComposer.Header(s.title(), s.id(), simSpec.policy().id(), step,
                t.totalSteps(), caption == null ? t.simulation().step(step - 1).describe() : caption, sum.stateHash(),
                Figures.of(sum));
        ExportComposer.Picture pic;
        try {
            pic = new ExportComposer().compose(t.simulation(), head, vp, ls, overlay, pal, width, height);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try {
            PngWriter.write(pic.pixels(), pic.width(), pic.height(), out);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
        o.printf("wrote %s (%dx%d, step %d, state hash %s)%n", out, width, height, step, sum.stateHash());
        return 0;
    }

    static Viewport parseZoom(String z, long frames) {
        int dash = z.indexOf('-', 1);
        try {
            long a = parseLong(dash < 0 ? z : z.substring(0, dash));
            long b = dash < 0 ? a + 1 : parseLong(z.substring(dash + 1)) + 1;
            if (a < 0 || b <= a || a >= frames) {
                throw new UserError("--zoom " + z + ": not a frame range within RAM (0x0-" + Long.toHexString(frames - 1) + ")");
            }
            return Viewport.of(a, Math.min(b, frames), frames);
        } catch (NumberFormatException e) {
            throw new UserError("--zoom " + z + ": use A-B with frame numbers, e.g. 0x20000-0x201ff");
        }
    }

    private static long parseLong(String s) {
        String t = s.trim();
        return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
    }
}
