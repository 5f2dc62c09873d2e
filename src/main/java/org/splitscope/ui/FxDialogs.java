package org.splitscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The real dialogs, owned by the main window. It remembers the last error shown (the status of a
 * session can be read back by the window's tests).
 *
 * <p>Threading: FX thread only.
 */
public final class FxDialogs implements DialogService {
    private final Stage owner;
    private String lastError;

    public FxDialogs(Stage owner) {
        this.owner = owner;
    }

    /** The text of the last error shown, or null. */
    public String lastError() {
        return lastError;
    }

    private void own(Dialog<?> d) {
        if (owner != null && owner.isShowing()) {
            d.initOwner(owner);
        }
    }

    @Override
    public void error(String text) {
        lastError = text;
        Alert a = new Alert(Alert.AlertType.ERROR, text);
        a.setHeaderText("SplitScope");
        own(a);
        a.getDialogPane().setMinWidth(560);
        a.show();
    }

    @Override
    public void info(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setHeaderText(header);
        own(a);
        a.show();
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(header);
        own(d);
        return d.showAndWait();
    }

    @Override
    public Optional<Path> openFile(String title, FileChooser.ExtensionFilter filter) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(filter);
        File f = fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> openDirectory(String title) {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle(title);
        File f = dc.showDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, FileChooser.ExtensionFilter filter) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(filter);
        File f = fc.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public <R> Optional<R> show(Dialog<R> dialog) {
        own(dialog);
        return dialog.showAndWait();
    }
}
