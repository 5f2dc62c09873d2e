package org.splitscope.desktop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The desktop app as the command line sees it: what {@code splitscope} with no arguments,
 * {@code screenshots} and {@code bench play} ask of it. The command line never links JavaFX; it finds
 * the app's implementation with {@link ServiceLoader} ({@code META-INF/services}), so a build without
 * the app simply finds none.
 *
 * <p>Threading: each method blocks the calling thread until the window is done with.
 */
public interface Desktop {
    /**
     * Opens the app window and returns when it closes: on {@code args[0]}, a built-in scenario or a file,
     * if given; with {@code --present [scenario|tour]} in presentation mode, on that scenario or tour
     * (a built-in name or a file).
     */
    void launch(String[] args);

    /** Writes the README's screenshots to {@code dir} and returns their paths (needs a display). */
    List<Path> screenshots(Path dir, int width, int height) throws IOException;

    /**
     * Plays {@code scenario} (a built-in or a file; {@code policy} null: its own) in the real window at
     * {@code speed} steps/s (0: as fast as possible) for {@code seconds}, and returns the figures: steps/s,
     * the map's redraws per second and more (needs a display).
     */
    Map<String, Object> benchPlay(String scenario, String policy, double speed, double seconds, int width, int height)
            throws IOException;

    /** The app in this build, if there is one. */
    static Optional<Desktop> find() {
        return ServiceLoader.load(Desktop.class).findFirst();
    }
}
