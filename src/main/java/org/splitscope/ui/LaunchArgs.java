package org.splitscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.TourLoader;
import org.splitscope.ui.model.AppModel;

/**
 * What the app was launched on: {@code splitscope} (overlap-crash), {@code splitscope <scenario>}, or
 * {@code splitscope --present [scenario|tour]} (Main routes these to the app and every subcommand to
 * the command line). A name is a built-in tour or scenario; a file is a tour when it declares
 * {@code splitscope-tour:}, else a scenario.
 *
 * @param present whether to start in presentation mode
 * @param target  the scenario or tour named, or null
 * @param tour    whether {@code target} is a tour
 */
record LaunchArgs(boolean present, String target, boolean tour) {
    private static final Pattern TOUR_KEY = Pattern.compile("(?m)^\\s*\"?splitscope-tour\"?\\s*:");

    static LaunchArgs parse(List<String> raw) {
        boolean present = !raw.isEmpty() && raw.get(0).equals(org.splitscope.Main.PRESENT);
        List<String> rest = present ? raw.subList(1, raw.size()) : raw;
        String target = rest.isEmpty() ? null : rest.get(0);
        return new LaunchArgs(present, target, target != null && isTour(target));
    }

    static boolean isTour(String target) {
        if (TourLoader.builtins().contains(target)) {
            return true;
        }
        if (BuiltinScenarios.names().contains(target)) {
            return false;
        }
        Path p = Path.of(target);
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            return TOUR_KEY.matcher(new String(in.readNBytes(8192), StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            return false;                                   // opened as a scenario, whose loader says what is wrong
        }
    }

    /** Opens what was named and, with {@code --present}, enters presentation mode (the app's start). */
    void start(AppModel model, MainView view) {
        open(model);
        if (present) {
            view.run(AppAction.PRESENT);
        }
    }

    /** Opens what was named (overlap-crash when nothing was). */
    void open(AppModel model) {
        if (target == null) {
            model.navigation().openBuiltin("overlap-crash");
        } else if (tour) {
            if (!model.tour().open(target)) {
                model.navigation().openBuiltin("overlap-crash");
            }
        } else if (OpenFiles.isPath(target)) {
            model.navigation().openFile(Path.of(target));       // a scenario file, or a recording's directory or trace.txt
        } else {
            model.navigation().openBuiltin(target);             // a built-in scenario or recording; an unknown name is told
        }
    }
}
