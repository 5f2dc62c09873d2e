package org.splitscope.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;

/**
 * Every dialog of the app goes through here (JabRef's DialogService): errors, information, a line of
 * text, file choosers and the app's own dialogs. The app uses {@link FxDialogs}; a test can inject
 * one that records what was shown.
 *
 * <p>Threading: FX thread only.
 */
public interface DialogService {
    /** Shows an error (file:line:column: cause, or what went wrong) without waiting. */
    void error(String text);

    /** Shows information without waiting. */
    void info(String header, String text);

    /** Asks for a line of text; empty when cancelled. */
    Optional<String> askText(String title, String header, String initial);

    /** Chooses a file to open. */
    Optional<Path> openFile(String title, FileChooser.ExtensionFilter filter);

    /** Chooses a directory to open (a host recording); empty when cancelled or not offered. */
    default Optional<Path> openDirectory(String title) {
        return Optional.empty();
    }

    /** Chooses a file to write. */
    Optional<Path> saveFile(String title, FileChooser.ExtensionFilter filter);

    /** Shows one of the app's dialogs and waits for its result. */
    <R> Optional<R> show(Dialog<R> dialog);
}
