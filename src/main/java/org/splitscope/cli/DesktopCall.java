package org.splitscope.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls into the desktop app by name (the command line never links JavaFX): the commands that need
 * the real window, {@code screenshots} and {@code bench play}. Every failure becomes one line for
 * the user; a missing display is the usual one.
 */
final class DesktopCall {
    private DesktopCall() {
    }

    /** The {@link java.io.IOException} the app threw, for the caller to name its file. */
    static final class IoFailure extends RuntimeException {
        IoFailure(java.io.IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    static Object invoke(String what, String className, String method, Class<?>[] types, Object... args) {
        Method m;
        try {
            m = Class.forName(className).getMethod(method, types);
        } catch (ClassNotFoundException e) {
            throw new UserError("this build has no desktop app");
        } catch (NoSuchMethodException | LinkageError e) {
            throw new UserError("cannot " + what + ": " + e);
        }
        try {
            return m.invoke(null, args);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            if (t instanceof java.io.IOException io) {
                throw new IoFailure(io);
            }
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            throw new UserError("cannot " + what + ": " + t.getMessage() + " (a display is needed: run under xvfb-run)");
        }
    }
}
