package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code screenshots}: the README's pictures of the real app window. Needs a display (run it under
 * {@code xvfb-run} on a server); the app is reached through its Desktop interface, found by
 * ServiceLoader, so the rest of the command line never links JavaFX.
 */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Open the app, drive it through a few states and write each window as a PNG (needs a display).")
final class ScreenshotsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "assets/screenshots", paramLabel = "DIR",
            description = "Directory for the PNGs (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--width", defaultValue = "1500", description = "Window width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "950", description = "Window height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Override
    public Integer call() {
        if (width < 900 || height < 600 || width > 8000 || height > 8000) {
            throw new UserError("--width/--height: the window must be between 900x600 and 8000x8000");
        }
        PrintWriter o = spec.commandLine().getOut();
        List<Path> written;
        try {
            written = DesktopCall.call("open the app for screenshots", app -> app.screenshots(out, width, height));
        } catch (DesktopCall.IoFailure e) {
            throw new UserError("--out " + out + ": cannot write the screenshots there (" + e.getMessage() + ")");
        }
        for (Path p : written) {
            o.println(p);
        }
        return 0;
    }
}
