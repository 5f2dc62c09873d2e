package org.splitscope.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.Simulation;

/**
 * Exported pictures of runs at their timelines' current positions: one run as {@link ExportComposer}
 * draws it, two or more side by side as {@link CompareComposer} draws them. The command line and
 * the app both come here, so a picture (and every frame of an animation) is the same from either.
 */
public final class Pictures {
    private Pictures() {
    }

    /** What every picture of an export shares; {@code selectFrom}/{@code selectTo} outline frames (-1: none). */
    public record Spec(String title, String scenarioId, String description, Viewport viewport, Set<Layer> layers,
                       int tlbCpu, Palette palette, int width, int height, long selectFrom, long selectTo) {
        public Spec(String title, String scenarioId, String description, Viewport viewport, Set<Layer> layers,
                    int tlbCpu, Palette palette, int width, int height) {
            this(title, scenarioId, description, viewport, layers, tlbCpu, palette, width, height, -1, -1);
        }
    }

    /** Steps of recent activity an exported picture shows fading. */
    public static final int ACTIVITY_WINDOW = 16;

    /** The caption of the step that led to the timeline's position (the description before step 1). */
    public static String caption(Timeline t, String description) {
        long step = t.position().step();
        if (step == 0) {
            return description;
        }
        Simulation sim = t.simulation();
        String c = sim.program().caption(step - 1);
        return c != null ? c : sim.step(step - 1).describe();
    }

    /**
     * What the position shows came to, as the app's step line says it: the step just run and its
     * outcome under this policy ("host CPU 0 writes 0x20005  ->  RMP #PF (oops: ...)"), or inside a
     * step the event that led there; empty as booted.
     */
    public static String outcome(Timeline t) {
        org.splitscope.core.event.SimEvent e = t.currentMicroEvent();
        if (e != null) {
            return e.describe();
        }
        long step = t.position().step();
        if (step == 0) {
            return "";
        }
        return t.simulation().step(step - 1).describe() + "  ->  " + StepOutcome.of(t.eventsOf(step - 1));
    }

    /** "kernel 6.18", or "kernel 6.18 without INVLPGB": a picture says which profile it shows (R27). */
    static String kernel(org.splitscope.core.mem.MachineSpec m) {
        return "kernel " + m.kernel().id() + (m.invlpgb() ? "" : " without INVLPGB");
    }

    /** The picture: one run, or the runs side by side (the first run's caption). */
    public static int[] draw(List<Timeline> runs, Spec s) {
        return runs.size() == 1 ? single(runs.get(0), s).pixels() : compare(runs, s).pixels();
    }

    public static ExportComposer.Picture single(Timeline t, Spec s) {
        Simulation sim = t.simulation();
        RunSummary sum = RunSummary.of(sim);
        ExportComposer.Header head = new ExportComposer.Header(s.title(), s.scenarioId(),
                sim.spec().policy().id() + ", " + kernel(sim.spec().machine()),
                t.position().step(), t.totalSteps(), caption(t, s.description()), sum.stateHash(), Figures.of(sum),
                outcome(t));
        Overlay overlay = OverlayBuilder.build(t, ACTIVITY_WINDOW).withTlbCpu(s.tlbCpu())
                .withSelection(s.selectFrom(), s.selectTo());
        return new ExportComposer().compose(sim, head, s.viewport(), s.layers(), overlay, s.palette(), s.width(),
                s.height());
    }

    public static CompareComposer.Picture compare(List<Timeline> runs, Spec s) {
        List<CompareComposer.Run> rs = new ArrayList<>();
        for (Timeline t : runs) {
            rs.add(new CompareComposer.Run(t.simulation().spec().policy().id(), t.simulation(),
                    OverlayBuilder.build(t, ACTIVITY_WINDOW).withSelection(s.selectFrom(), s.selectTo())));
        }
        Timeline first = runs.get(0);
        CompareComposer.Header head = new CompareComposer.Header(s.title(), s.scenarioId(),
                kernel(first.simulation().spec().machine()), first.position().step(),
                first.totalSteps(), caption(first, s.description()));
        return new CompareComposer().compose(rs, head, s.viewport(), s.layers(), s.tlbCpu(), s.palette(), s.width(),
                s.height());
    }
}
