package org.splitscope.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.splitscope.desktop.Desktop;

/**
 * The app's side of the command line's {@link Desktop} contract, registered in
 * {@code META-INF/services}. Each method starts JavaFX only when called; the caller's thread waits
 * for the window (the command line's main thread).
 */
public final class DesktopApp implements Desktop {
    @Override
    public void launch(String[] args) {
        AppLauncher.launch(args);
    }

    @Override
    public List<Path> screenshots(Path dir, int width, int height) throws IOException {
        return ScreenshotTour.write(dir, width, height);
    }

    @Override
    public Map<String, Object> benchPlay(String scenario, String policy, double speed, double seconds, int width,
                                         int height) throws IOException {
        try {
            return PlayBenchmark.run(scenario, policy, speed, seconds, width, height);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
