package org.splitscope.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.splitscope.core.mem.KernelProfile;

/**
 * A tour (format 1): a list of stops for a live demo or a handout, each a scenario (a built-in
 * name, a file, or a host recording) under a policy and kernel, at a step or at the first event
 * matching a breakpoint, zoomed to all of RAM, to the frames the step touches, or to a range, with
 * the layers to show, a title and speaker notes (for the presenter, never the projected screen).
 *
 * @param title  the tour's title
 * @param source where it was read from (file path or {@code builtin:<name>}), for messages
 * @param stops  at least one stop, in order
 */
public record Tour(String title, String source, List<Stop> stops) {
    public static final int FORMAT = 1;

    public Tour {
        stops = List.copyOf(stops);
    }

    /** How a stop frames the map. */
    public sealed interface Zoom {
        /** All of RAM. */
        record All() implements Zoom {
        }

        /** The frames the stop's step touches (the app follows the action from step to step). */
        record Follow() implements Zoom {
        }

        /** Frames [from, to] (inclusive, as {@code --zoom} takes them). */
        record Range(long from, long to) implements Zoom {
        }
    }

    /**
     * One stop.
     *
     * @param scenario  a built-in scenario name, or a path (resolved against the tour's folder)
     * @param recording whether {@code file} is a host recording's folder (TRACE.md) rather than a scenario
     * @param file      the resolved file or recording folder, or null for a built-in
     * @param policy    the policy id, or null for the scenario's own
     * @param kernel    the kernel profile, or null for the scenario's own
     * @param step      the position to stop at (steps run), or -1 when {@code breakAt} is given
     * @param breakAt   a breakpoint condition (run --break syntax), or null
     * @param zoom      how to frame the map
     * @param layers    layer ids to show (render.Layer ids), or null for the default layers
     * @param title     the stop's title, or null (the scenario's title then)
     * @param notes     speaker notes, or ""
     * @param line      the stop's line in the tour file (for messages)
     */
    public record Stop(String scenario, boolean recording, Path file, String policy, KernelProfile kernel, long step, String breakAt,
                       Zoom zoom, Set<String> layers, String title, String notes, int line) {
        public Stop {
            layers = layers == null ? null : Set.copyOf(layers);
        }

        /** The stop's title, else the scenario's name. */
        public String label() {
            return title != null && !title.isBlank() ? title : scenario;
        }
    }
}
