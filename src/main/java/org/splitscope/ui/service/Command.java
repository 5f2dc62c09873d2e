package org.splitscope.ui.service;

import java.nio.file.Path;
import java.util.List;
import org.splitscope.core.history.Breakpoint;
import org.splitscope.core.history.Position;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.PageSize;

/**
 * What the view asks of the simulation (the one way in, besides cancel): typed records, each carrying
 * the {@link ViewSettings} it was issued under, which the service adopts before it acts. Commands run
 * in the order they were submitted; a command that arrives while the previous one of the same kind
 * still waits replaces or merges with it ({@link #coalesce}): the latest seek wins while the
 * timeline is dragged, pan distances add up, and only the latest settings, hover, selection or speed
 * count. Commands that move the run elsewhere stop play ({@link #stopsPlay}).
 *
 * <p>Threading: immutable; made on the FX thread, carried out on the simulation thread.
 */
public sealed interface Command {
    ViewSettings settings();

    /** Whether the service pauses play before acting (moving back, jumping, opening another run). */
    default boolean stopsPlay() {
        return true;
    }

    /** This command merged with a {@code newer} one issued right after it, or null when they stay two. */
    default Command coalesce(Command newer) {
        return null;
    }

    /** Opens a built-in scenario (or built-in host recording) under its own policy and kernel. */
    record OpenBuiltin(String name, ViewSettings settings) implements Command {
    }

    /**
     * Opens a scenario file, or a host recording (its directory or its trace.txt, TRACE.md); a bad file
     * is an error naming file, line and cause, and the current run stays.
     */
    record OpenFile(Path file, ViewSettings settings) implements Command {
    }

    /** The user allows scenarios to read boot files in {@code folder} this session; opens {@code file} again. */
    record AllowFolder(Path folder, Path file, ViewSettings settings) implements Command {
    }

    /** Re-runs the scenario under another policy, at the same step; compare mode carries over. */
    record SwitchPolicy(String policy, ViewSettings settings) implements Command {
    }

    /** Re-runs the scenario under another kernel profile (DOMAIN.md R27), at the same step. */
    record SwitchKernel(KernelProfile kernel, ViewSettings settings) implements Command {
    }

    /** The ways to step. */
    enum Motion { FORWARD, BACK, MICRO_FORWARD, MICRO_BACK, TO_START }

    /** One step or micro-event, or back to the start; stepping forward does not stop play. */
    record Step(Motion motion, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return motion != Motion.FORWARD && motion != Motion.MICRO_FORWARD;
        }
    }

    /** Moves to a position (clamped to the run). */
    record Seek(Position target, ViewSettings settings) implements Command {
        @Override
        public Command coalesce(Command newer) {
            return newer instanceof Seek ? newer : null;
        }
    }

    /** Runs to the end of the run, in cancellable chunks with progress. */
    record ToEnd(ViewSettings settings) implements Command {
    }

    /** Plays at {@code speed} steps per second (0: as fast as possible) under a new generation token. */
    record Play(long generation, double speed, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }
    }

    /** Stops play; {@code generation} is the view's token for this request. */
    record Pause(long generation, ViewSettings settings) implements Command {
    }

    /** The play speed, steps per second (0: as fast as possible). */
    record Speed(double stepsPerSecond, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }

        @Override
        public Command coalesce(Command newer) {
            return newer instanceof Speed ? newer : null;
        }
    }

    /** Runs forward (or back) until the breakpoint holds; without a match the run stays where it was. */
    record RunToBreakpoint(Breakpoint breakpoint, boolean forward, ViewSettings settings) implements Command {
    }

    /** The zooms of the toolbar and the wheel; SELECTION shows the selected cell's region. */
    enum ZoomKind { IN, OUT, ALL, SELECTION }

    /** Zooms around {@code focus} (a frame; -1: the selection if shown, else the middle). */
    record Zoom(ZoomKind kind, long focus, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }
    }

    /** Shows the frames {@code [from, to)} (at least one 2M region), as the export's {@code --zoom} does. */
    record ZoomTo(long from, long to, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }
    }

    /** Moves the view by {@code frames} (positive: toward lower addresses). */
    record Pan(long frames, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }

        @Override
        public Command coalesce(Command newer) {
            return newer instanceof Pan p ? new Pan(frames + p.frames, p.settings) : null;
        }
    }

    /** Selects frames {@code [from, to)} for the inspector; {@code from < 0} clears the selection. */
    record Select(long from, long to, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }

        @Override
        public Command coalesce(Command newer) {
            return newer instanceof Select ? newer : null;
        }
    }

    /** The cell under the mouse ({@code pfn < 0}: the mouse left the map). */
    record Hover(long pfn, PageSize unit, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }

        @Override
        public Command coalesce(Command newer) {
            return newer instanceof Hover ? newer : null;
        }
    }

    /** Jumps right after an event and outlines its frames ({@code pfn < 0}: none), bringing them into view. */
    record Reveal(Position after, long pfn, long frames, ViewSettings settings) implements Command {
    }

    /** New settings and nothing else (a layer, the theme, the TLB CPU, the filter, a size, the pane). */
    record ApplySettings(ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }

        @Override
        public Command coalesce(Command newer) {
            return newer instanceof ApplySettings ? newer : null;
        }
    }

    /** Names the current position. */
    record AddBookmark(String name, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }
    }

    record RemoveBookmark(String name, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }
    }

    record GoToBookmark(String name, ViewSettings settings) implements Command {
    }

    /** Compares the run with the same scenario and seed under these policies; an empty list stops comparing. */
    record Compare(List<String> policies, ViewSettings settings) implements Command {
        public Compare {
            policies = List.copyOf(policies);
        }
    }

    /** Writes a file as a long task; an animation stops play, the others do not. */
    record Export(ExportJob job, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return job instanceof ExportJob.Animation;
        }
    }

    /**
     * The wheel: half (or twice) the span around frame {@code focus}, which is under pixel ({@code x},
     * {@code y}) of the map; the new view keeps it there ({@code render.ZoomAround}).
     */
    record ZoomAround(boolean in, long focus, double x, double y, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }
    }

    /**
     * Follow the action on or off: while on, each move of the run glides the view to the frames the
     * step touches ({@code render.FollowZoom}); a zoom or pan by hand ends the glide under way.
     */
    record Follow(boolean on, ViewSettings settings) implements Command {
        @Override
        public boolean stopsPlay() {
            return false;
        }
    }

    /**
     * Opens stop {@code index} of a tour: its scenario (built-in, file or recording) under its policy
     * and kernel, at its step or first breakpoint hit, framed as it says (the layers come with the settings).
     */
    record OpenStop(org.splitscope.scenario.Tour tour, int index, ViewSettings settings) implements Command {
    }
}
