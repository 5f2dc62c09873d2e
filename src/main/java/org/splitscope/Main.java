package org.splitscope;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.splitscope.cli.Cli;
import org.splitscope.desktop.Desktop;

/**
 * The entry point of {@code splitscope.jar}: with a subcommand it runs the command line and never
 * touches JavaFX; with no arguments, or with {@code --present [scenario|tour]}, it launches the
 * desktop app (the latter in presentation mode).
 */
public final class Main {
    private Main() {
    }

    /** The app's own option: {@code --present [scenario|tour]} opens the app in presentation mode. */
    public static final String PRESENT = "--present";

    public static void main(String[] args) {
        if (opensApp(args)) {
            System.exit(launchApp(args));
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err));
    }

    /** Whether these arguments open the app (none, or {@code --present ...}) rather than run a subcommand. */
    static boolean opensApp(String[] args) {
        return args.length == 0 || PRESENT.equals(args[0]);
    }

    private static int launchApp(String[] args) {
        try {
            // Found by ServiceLoader, so that the command line never links against JavaFX.
            Optional<Desktop> app = Desktop.find();
            if (app.isEmpty()) {
                System.err.println("splitscope: this build has no desktop app; use a subcommand (splitscope --help)");
                return 1;
            }
            app.get().launch(args);
            return 0;
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            System.err.println("splitscope: cannot open the desktop app: " + t.getMessage()
                    + " (a display and GTK 3 are needed; the command line works without them: splitscope --help)");
            return 2; // the machine lacks what the app needs (usually a display): bad usage, as in the CLI
        }
    }
}
