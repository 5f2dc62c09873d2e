package org.splitscope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;

/**
 * A {@link DialogService} for flows: it records what the app showed and answers as the test says,
 * without opening a window (a dialog that waits would block the robot's FX call).
 */
final class ScriptedDialogs implements DialogService {
    final List<String> errors = new ArrayList<>();
    /** The header of every dialog of the app's own asked through {@link #show}. */
    final List<String> asked = new ArrayList<>();
    /** The file the next openFile returns (then cleared). */
    Path nextFile;
    /** The directory the next openDirectory returns (then cleared). */
    Path nextDirectory;
    /** What show answers: the dialog's OK_DONE button when true, else its CANCEL_CLOSE one. */
    boolean allow = true;

    @Override
    public void error(String text) {
        errors.add(text);
    }

    @Override
    public void info(String header, String text) {
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> openFile(String title, FileChooser.ExtensionFilter filter) {
        Path p = nextFile;
        nextFile = null;
        return Optional.ofNullable(p);
    }

    @Override
    public Optional<Path> openDirectory(String title) {
        Path p = nextDirectory;
        nextDirectory = null;
        return Optional.ofNullable(p);
    }

    @Override
    public Optional<Path> saveFile(String title, FileChooser.ExtensionFilter filter) {
        return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Optional<R> show(Dialog<R> dialog) {
        asked.add(dialog.getHeaderText());
        ButtonBar.ButtonData want = allow ? ButtonBar.ButtonData.OK_DONE : ButtonBar.ButtonData.CANCEL_CLOSE;
        for (ButtonType b : dialog.getDialogPane().getButtonTypes()) {
            if (b.getButtonData() == want) {
                return Optional.of((R) b);
            }
        }
        return Optional.empty();
    }
}
