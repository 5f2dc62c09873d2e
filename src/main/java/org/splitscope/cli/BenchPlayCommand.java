package org.splitscope.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.splitscope.core.policy.Policies;
import org.splitscope.scenario.BuiltinScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench play}: plays a built-in scenario in the real app window and measures steps per second
 * and the frames per second of the heat map. Goal: 1,000 steps per second or more while the view
 * keeps at least 30 frames per second. Needs a display (run it under {@code xvfb-run} on a server).
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Play a scenario in the app window and measure steps/s and the view's frames/s (needs a display).")
final class BenchPlayCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "multi-guest", description = "A built-in scenario or a scenario file (default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--policy", paramLabel = "ID", description = "Play under this policy (default: the scenario's).")
    String policy;

    @Option(names = "--speed", defaultValue = "1000", description = "Steps per second, 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to play (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--width", defaultValue = "1920", description = "Window width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1080", description = "Window height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (!BuiltinScenarios.names().contains(scenario)) {
            Loaded.scenario(scenario);                  // a bad file is one clean line here, before any window opens
        }
        if (policy != null && !Policies.ids().contains(policy)) {
            throw new UserError("--policy: unknown policy '" + policy + "' (see 'splitscope list')");
        }
        if (speed < 0 || seconds <= 0 || seconds > 3600 || width < 900 || height < 600 || width > 8000 || height > 8000) {
            throw new UserError("--speed >= 0, 0 < --seconds <= 3600, window 900x600 to 8000x8000");
        }
        Map<String, Object> r;
        try {
            r = DesktopCall.call("play in the app", app -> app.benchPlay(scenario, policy, speed, seconds, width, height));
        } catch (DesktopCall.IoFailure e) {
            throw new UserError("cannot play in the app: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, r);
        } else {
            out.printf(java.util.Locale.ROOT, "%s under %s at %s steps/s for %.1f s in a %dx%d window:%n",
                    r.get("scenario"), r.get("policy"), speed == 0 ? "max" : r.get("speed_steps_per_s"), r.get("seconds"),
                    width, height);
            out.printf(java.util.Locale.ROOT, "  %s steps/s (%s steps%s), view %s fps (%s pulses/s), longest gap between frames %s ms%n",
                    r.get("steps_per_s"), r.get("steps"), Boolean.TRUE.equals(r.get("reached_end")) ? ", reached the end" : "",
                    r.get("view_fps"), r.get("pulses_per_s"), r.get("max_frame_gap_ms"));
        }
        return 0;
    }
}
