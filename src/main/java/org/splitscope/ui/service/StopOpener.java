package org.splitscope.ui.service;

import org.splitscope.core.history.Breakpoint;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.Pfns;
import org.splitscope.render.FollowZoom;
import org.splitscope.render.Viewport;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.ScenarioLoader;
import org.splitscope.scenario.Tour;

/**
 * Opens a stop of a tour as {@code splitscope export --tour} positions it (cli/TourExport): its
 * scenario (a built-in, a file next to the tour, or a host recording's folder) under its policy and
 * kernel, at its step or right after the first event that matches its breakpoint (outlined), framed
 * on all of RAM, on the frames the step touches, or on its range. A stop that cannot be reached as
 * written (a step beyond the run, a breakpoint that never fires, a range beyond RAM) still opens, as
 * near as it can, and the error names the tour, the stop's line and the cause; a scenario that cannot
 * be opened leaves the current run.
 *
 * <p>Threading: simulation thread only.
 */
final class StopOpener {
    /** An opened stop and what to tell the user about it. */
    record Opened(Session session, String message) {
    }

    private final Tasks tasks;
    private final RunLoader loader;
    private final LongWork longWork;

    StopOpener(Tasks tasks, RunLoader loader, LongWork longWork) {
        this.tasks = tasks;
        this.loader = loader;
        this.longWork = longWork;
    }

    /** Opens stop {@code index} of {@code tour}; null when its scenario could not be opened (told). */
    Opened open(Tour tour, int index) {
        Tour.Stop stop = tour.stops().get(index);
        Session s;
        if (stop.recording()) {                         // replayed, so its mismatches show as when opened by hand
            s = loader.openRecording(stop.scenario(), stop.file(), stop.policy(), stop.kernel());
        } else {
            RunLoader.Source source = stop.file() == null ? () -> BuiltinScenarios.load(stop.scenario())
                    : () -> ScenarioLoader.loadFile(stop.file());
            s = loader.open(source, stop.policy(), stop.kernel(), stop.file());
        }
        if (s == null) {
            return null;
        }
        s.compare = null;                               // a stop shows one run: the one its strip names (a scenario's compare: list is not the tour's)
        Timeline t = s.timeline;
        String where = "stop " + (index + 1) + " of " + tour.stops().size();
        String message = "Opened " + where + ": " + stop.label();
        if (stop.step() >= 0) {
            if (stop.step() > t.totalSteps()) {
                tasks.error(problem(tour, index, "step " + stop.step() + " is beyond the " + t.totalSteps() + " steps of "
                        + s.scenario.id()));
            }
            t.seek(Math.min(stop.step(), t.totalSteps()));
        } else {
            String found = longWork.toBreakpoint(s, Breakpoint.parse(stop.breakAt()), true);
            if (found == null || !found.startsWith("Stopped at")) {
                tasks.error(problem(tour, index, "no event of " + s.scenario.id() + " under " + s.policy()
                        + " matches break \"" + stop.breakAt() + "\""));
            }
        }
        long frames = s.frames();
        Viewport whole = Viewport.whole(frames);
        s.viewport = switch (stop.zoom()) {
            case Tour.Zoom.All a -> whole;
            case Tour.Zoom.Follow f -> FollowZoom.of(t, whole);
            case Tour.Zoom.Range r -> {
                if (r.from() >= frames) {
                    tasks.error(problem(tour, index, "zoom " + Pfns.hex(r.from()) + "-" + Pfns.hex(r.to())
                            + " is beyond RAM (0x0-" + Pfns.hex(frames - 1) + ")"));
                    yield whole;
                }
                yield Viewport.of(r.from(), r.to() + 1, frames);
            }
        };
        return new Opened(s, message);
    }

    /** "tour.yaml:12: stop 3: cause", as the command line says it. */
    static String problem(Tour tour, int index, String cause) {
        return tour.source() + ":" + tour.stops().get(index).line() + ": stop " + (index + 1) + ": " + cause;
    }
}
