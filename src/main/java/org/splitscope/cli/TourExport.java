package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.splitscope.core.history.Breakpoint;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.export.PngWriter;
import org.splitscope.render.FollowZoom;
import org.splitscope.render.Layer;
import org.splitscope.render.Palette;
import org.splitscope.render.Pictures;
import org.splitscope.render.Viewport;
import org.splitscope.scenario.ReadPolicy;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.ScenarioLoader;
import org.splitscope.scenario.Tour;
import org.splitscope.scenario.trace.Progress;
import org.splitscope.scenario.trace.RecordingLoader;

/**
 * {@code export --tour F --out DIR}: one PNG per stop of a tour ({@code 01-<title>.png}, ...), for
 * handouts. Every stop is opened and positioned before anything is written, so a bad stop (a step
 * beyond its scenario, a breakpoint that never fires) fails the export with one line naming the
 * tour file, the stop's line and the cause, and leaves no picture behind.
 */
final class TourExport {
    private TourExport() {
    }

    /** One positioned stop, ready to draw. */
    private record Ready(Tour.Stop stop, Scenario scenario, Timeline timeline, Viewport viewport, Set<Layer> layers) {
    }

    static int export(PrintWriter out, Tour tour, Path dir, int width, int height, Palette pal, ReadPolicy read) {
        List<Ready> ready = new ArrayList<>();
        for (int i = 0; i < tour.stops().size(); i++) {
            ready.add(open(tour, i, read));
        }
        List<int[]> pictures = new ArrayList<>();
        for (Ready r : ready) {
            Pictures.Spec spec = new Pictures.Spec(r.stop().label(), r.scenario().id(), r.scenario().description(),
                    r.viewport(), r.layers(), -1, pal, width, height);
            try {
                pictures.add(Pictures.single(r.timeline(), spec).pixels());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("--out " + dir + ": cannot make the folder: " + e.getMessage());
        }
        for (int i = 0; i < ready.size(); i++) {
            Path file = dir.resolve(fileName(i, ready.get(i).stop()));
            try {
                PngWriter.write(pictures.get(i), width, height, file);
            } catch (IOException e) {
                throw new UserError("--out " + file + ": cannot write it: " + e.getMessage());
            }
            out.printf(Locale.ROOT, "wrote %s (%s, step %s)%n", file, ready.get(i).timeline().spec().policy().id(),
                    ready.get(i).timeline().position());
        }
        return 0;
    }

    /** {@code 01-the-crash.png}: the stop's number and its title (else scenario) as a file-name slug. */
    static String fileName(int index, Tour.Stop stop) {
        String slug = stop.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return String.format(Locale.ROOT, "%02d-%s.png", index + 1, slug.isEmpty() ? "stop" : slug);
    }

    private static UserError error(Tour tour, int index, String cause) {
        Tour.Stop s = tour.stops().get(index);
        return new UserError(tour.source() + ":" + s.line() + ": stop " + (index + 1) + ": " + cause);
    }

    private static Ready open(Tour tour, int index, ReadPolicy read) {
        Tour.Stop stop = tour.stops().get(index);
        Scenario scenario;
        try {
            scenario = stop.file() == null ? ScenarioLoader.load(stop.scenario())
                    : stop.recording() ? RecordingLoader.load(stop.file().toString(), Progress.NONE).scenario()
                    : ScenarioLoader.loadFile(stop.file(), read);
        } catch (ScenarioException e) {
            throw error(tour, index, e.getMessage());
        }
        SimSpec spec = Loaded.spec(scenario, stop.policy(), null, stop.kernel());
        Timeline t = Loaded.timeline(spec, HistoryBudget.DEFAULT, Timeline.Options.FULL);
        if (stop.step() >= 0) {
            if (stop.step() > t.totalSteps()) {
                throw error(tour, index, "step " + stop.step() + " is beyond the " + t.totalSteps() + " steps of "
                        + scenario.id());
            }
            t.seek(stop.step());
        } else {
            Timeline.Hit hit = t.runForwardUntil(Breakpoint.parse(stop.breakAt()), () -> false);
            if (hit == null) {
                throw error(tour, index, "no event of " + scenario.id() + " under " + spec.policy().id()
                        + " matches break \"" + stop.breakAt() + "\"");
            }
        }
        long frames = t.simulation().directMap().frames();
        Viewport whole = Viewport.whole(frames);
        Viewport vp = switch (stop.zoom()) {
            case Tour.Zoom.All a -> whole;
            case Tour.Zoom.Follow f -> FollowZoom.of(t, whole);
            case Tour.Zoom.Range r -> {
                if (r.from() >= frames) {
                    throw error(tour, index, "zoom " + org.splitscope.core.mem.Pfns.hex(r.from()) + "-"
                            + org.splitscope.core.mem.Pfns.hex(r.to()) + " is beyond RAM (0x0-"
                            + org.splitscope.core.mem.Pfns.hex(frames - 1) + ")");
                }
                yield Viewport.of(r.from(), r.to() + 1, frames);
            }
        };
        Set<Layer> layers = stop.layers() == null ? Layer.DEFAULT : Layer.parse(String.join(",", stop.layers()));
        return new Ready(stop, scenario, t, vp, layers);
    }
}
