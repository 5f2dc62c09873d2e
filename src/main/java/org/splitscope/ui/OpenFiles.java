package org.splitscope.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import org.splitscope.ui.model.NavigationModel;
import org.splitscope.ui.service.FolderQuestion;

/**
 * Choosing what to open, through the {@link DialogService}: a scenario file or a host recording's
 * trace.txt (File > Open), a recording's directory (File > Open recording folder), and the question a
 * scenario raises when its boot file lies outside its folder (issue 14 item 6): the user allows that
 * folder for the session, or the scenario is not opened. The service remembers an allowed folder, so
 * the question comes once per folder.
 *
 * <p>Threading: FX thread only.
 */
final class OpenFiles {
    /** The answer that allows the folder (the other one is Cancel). */
    static final ButtonType ALLOW = new ButtonType("Allow this folder", ButtonBar.ButtonData.OK_DONE);
    static final FileChooser.ExtensionFilter FILTER = new FileChooser.ExtensionFilter(
            "Scenarios (.yaml, .yml, .json) and host recordings (trace.txt)", "*.yaml", "*.yml", "*.json", "trace.txt");

    private final NavigationModel nav;
    private final DialogService dialogs;

    OpenFiles(NavigationModel nav, DialogService dialogs) {
        this.nav = nav;
        this.dialogs = dialogs;
    }

    /** File > Open: a scenario, or the trace.txt of a recording directory. */
    void chooseFile() {
        dialogs.openFile("Open a scenario or a host recording's trace.txt", FILTER).ifPresent(nav::openFile);
    }

    /** File > Open recording folder: a recording directory (trace.txt, host.txt, ...). */
    void chooseFolder() {
        dialogs.openDirectory("Open a host recording (its folder)").ifPresent(nav::openFile);
    }

    /**
     * The service asks whether a scenario may read its boot file's folder. Asked after the pulse that
     * brought the question (a dialog that waits may not open during a pulse's animation).
     */
    void ask(FolderQuestion q) {
        Platform.runLater(() -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION);
            a.setTitle("SplitScope");
            a.setHeaderText("Allow reading files in " + q.folder() + "?");
            a.setContentText(q.file() + " reads a boot file outside its own folder:\n\n" + q.reason()
                    + "\n\nScenarios are shared by mail, so SplitScope reads only the scenario's own folder unless"
                    + " you allow another one. Allowed folders stay allowed until the app closes.");
            a.getButtonTypes().setAll(ALLOW, ButtonType.CANCEL);
            a.getDialogPane().setMinWidth(560);
            if (dialogs.show(a).filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent()) {
                nav.allowFolder(q.folder(), q.file());
            }
        });
    }

    /** Whether a path given on the command line is a file or a recording to open (else a built-in's name). */
    static boolean isPath(String arg) {
        return arg.endsWith(".yaml") || arg.endsWith(".yml") || arg.endsWith(".json") || arg.endsWith("trace.txt")
                || java.nio.file.Files.isDirectory(Path.of(arg));
    }
}
