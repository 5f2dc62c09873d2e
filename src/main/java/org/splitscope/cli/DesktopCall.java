package org.splitscope.cli;

import java.io.IOException;
import java.util.ServiceConfigurationError;
import org.splitscope.desktop.Desktop;

/**
 * Calls into the desktop app through its {@link Desktop} interface, found by ServiceLoader (the
 * command line never links JavaFX): the commands that need the real window, {@code screenshots} and
 * {@code bench play}. Every failure becomes one line for the user; a missing display is the usual one.
 */
final class DesktopCall {
    private DesktopCall() {
    }

    /** What a command does with the app. */
    @FunctionalInterface
    interface Call<T> {
        T on(Desktop app) throws IOException;
    }

    /** The {@link IOException} the app threw, for the caller to name its file. */
    static final class IoFailure extends RuntimeException {
        IoFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    static <T> T call(String what, Call<T> call) {
        Desktop app;
        try {
            app = Desktop.find().orElseThrow(() -> new UserError("this build has no desktop app"));
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new UserError("cannot " + what + ": " + e.getMessage());
        }
        try {
            return call.on(app);
        } catch (IOException e) {
            throw new IoFailure(e);
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof UserError u) {
                throw u;
            }
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            throw new UserError("cannot " + what + ": " + t.getMessage() + " (a display is needed: run under xvfb-run)");
        }
    }
}
