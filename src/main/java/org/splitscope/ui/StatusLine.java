package org.splitscope.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.controlsfx.control.StatusBar;
import org.splitscope.ui.model.AppModel;

/**
 * The status bar: the step line (step, simulated time) on the left; a running
 * operation with its progress and Cancel, the run's figures (every counter at the position shown,
 * micro-events included) and the map's redraws per second on the right.
 *
 * <p>Threading: FX thread only.
 */
final class StatusLine {
    final StatusBar bar = new StatusBar();
    final Label figures = new Label();
    final Label step = new Label();

    StatusLine(AppModel model) {
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancel());
        Label busy = new Label();
        HBox busyBox = new HBox(6, busy, progress, cancel);
        // while something long runs, its line, progress and Cancel stay whole; the figures give way
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {busy, progress, cancel}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        busyBox.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        busyBox.setPadding(new javafx.geometry.Insets(0, 0, 0, 8));
        busyBox.setAlignment(Pos.CENTER_LEFT);
        busyBox.visibleProperty().bind(model.busyTextProperty().isNotNull());
        busyBox.managedProperty().bind(busyBox.visibleProperty());
        busy.textProperty().bind(model.busyTextProperty());
        progress.progressProperty().bind(model.busyProgressProperty());
        Label fps = new Label();
        fps.textProperty().bind(Bindings.createStringBinding(() -> model.fpsProperty().get() < 0.5 ? "view idle"
                : String.format(java.util.Locale.ROOT, "view %.0f fps", model.fpsProperty().get()), model.fpsProperty()));
        fps.setTooltip(new Tooltip("Frames per second the heat map was redrawn (it skips frames, never queues them)"));
        figures.textProperty().bind(model.figures().statusTextProperty());
        figures.setMinWidth(0);                           // the figures give way first: "step 5 of 8" stays whole
        fps.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        figures.setTooltip(new Tooltip());
        figures.getTooltip().textProperty().bind(figures.textProperty());
        // the step line as a left item that never shrinks (the bar's own text label is the first to be
        // cut to "..." when the figures need room, at 200% on a 1080p screen)
        step.textProperty().bind(model.figures().stepTextProperty());
        step.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.setText("");
        bar.getLeftItems().add(step);
        Separator beforeFigures = new Separator(Orientation.VERTICAL);
        Separator beforeFps = new Separator(Orientation.VERTICAL);
        for (Separator sep : new Separator[] {beforeFigures, beforeFps}) {
            sep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);   // kept when the figures are cut
        }
        figures.setPadding(new javafx.geometry.Insets(0, 0, 0, 4));
        bar.getRightItems().addAll(busyBox, beforeFigures, figures, beforeFps, fps);
    }
}
