package org.splitscope;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.splitscope.cli.Cli;

/**
 * The entry point of {@code splitscope.jar}: with a subcommand it runs the command line and never
 * touches JavaFX; with no arguments it launches the desktop app.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(launchApp(args));
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err));
    }

    private static int launchApp(String[] args) {
        try {
            // Loaded by name so that the command line never links against JavaFX.
            Class.forName("org.splitscope.ui.AppLauncher").getMethod("launch", String[].class)
                    .invoke(null, (Object) args);
            return 0;
        } catch (ClassNotFoundException e) {
            System.err.println("splitscope: this build has no desktop app; use a subcommand (splitscope --help)");
            return 1;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable t = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                    ? ite.getCause() : e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            System.err.println("splitscope: cannot open the desktop app: " + t.getMessage()
                    + " (a display and GTK 3 are needed; the command line works without them: splitscope --help)");
            return 2; // the machine lacks what the app needs (usually a display): bad usage, as in the CLI
        }
    }
}
