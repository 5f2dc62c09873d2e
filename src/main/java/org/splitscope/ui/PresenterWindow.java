package org.splitscope.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.splitscope.scenario.Tour;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.TourModel;

/**
 * The presenter's own window (issue 13): the speaker notes of the tour's stop, the stop and what
 * comes next, the step and its caption, with buttons to page. It is a second window, not owned by the
 * main one, so it can be moved to another screen (it opens on a screen other than the main window's
 * when there is one); the notes are never drawn on the projected window. Its keys are the main
 * window's (PageDown/PageUp from a clicker work whichever window has the focus).
 *
 * <p>Threading: FX thread only.
 */
final class PresenterWindow {
    final Stage stage = new Stage();
    final Label tourTitle = new Label();
    final Label stopLine = new Label();
    final Label notes = new Label();
    final Label nextStop = new Label();
    final Label stepLine = new Label();
    final Label caption = new Label();
    private final Window main;

    PresenterWindow(AppModel model, ActionSet actions, Window main) {
        this.main = main;
        TourModel tour = model.tour();
        tourTitle.textProperty().bind(Bindings.createStringBinding(() -> tour.tourProperty().get() == null
                ? "No tour open: File > Open tour, or Tour > a built-in tour."
                : tour.tourProperty().get().title(), tour.tourProperty()));
        tourTitle.getStyleClass().add("presenter-tour");
        stopLine.textProperty().bind(tour.stopLine());
        stopLine.getStyleClass().add("presenter-stop");
        notes.textProperty().bind(Bindings.createStringBinding(() -> tour.stop() == null ? ""
                : tour.stop().notes().isBlank() ? "(no notes for this stop)" : tour.stop().notes(), tour.tourProperty(),
                tour.indexProperty()));
        notes.getStyleClass().add("presenter-notes");
        notes.setWrapText(true);
        nextStop.textProperty().bind(Bindings.createStringBinding(() -> {
            Tour t = tour.tourProperty().get();
            int i = tour.indexProperty().get();
            return t == null ? "" : i + 1 < t.stops().size() ? "Next stop: " + t.stops().get(i + 1).label() : "Last stop.";
        }, tour.tourProperty(), tour.indexProperty()));
        nextStop.getStyleClass().add("presenter-next");
        stepLine.textProperty().bind(Bindings.createStringBinding(() -> model.present().stepTextProperty().get() + "  |  "
                + model.present().policyTextProperty().get() + ", " + model.present().kernelTextProperty().get() + "  |  "
                + model.present().outcomeTextProperty().get(), model.present().stepTextProperty(),
                model.present().policyTextProperty(), model.present().kernelTextProperty(), model.present().outcomeTextProperty()));
        caption.textProperty().bind(Bindings.createStringBinding(() -> model.navigation().stepProperty().get() == null ? ""
                : model.navigation().stepProperty().get().caption(), model.navigation().stepProperty()));
        caption.setWrapText(true);
        caption.getStyleClass().add("presenter-caption");
        for (Label l : new Label[] {tourTitle, stopLine, nextStop, stepLine}) {
            l.setWrapText(true);
        }
        HBox buttons = new HBox(8, button(AppAction.PREVIOUS_STOP, "Previous stop", actions),
                button(AppAction.PREVIOUS, "Back", actions), button(AppAction.NEXT, "Next", actions),
                button(AppAction.NEXT_STOP, "Next stop", actions), button(AppAction.PRESENT, "Present", actions));
        buttons.setAlignment(Pos.CENTER_LEFT);
        ScrollPane notesScroll = new ScrollPane(notes);
        notesScroll.setFitToWidth(true);
        notesScroll.getStyleClass().add("presenter-notes-scroll");
        VBox.setVgrow(notesScroll, Priority.ALWAYS);
        VBox box = new VBox(10, tourTitle, stopLine, notesScroll, nextStop, new Region(), stepLine, caption, buttons);
        box.setPadding(new Insets(16));
        box.getStyleClass().addAll("splitscope", "presenter");
        Scene scene = new Scene(box, 720, 560);
        scene.getStylesheets().setAll(MainView.class.getResource("splitscope.css").toExternalForm());
        KeyRouter.install(scene, actions, notes, new MenuBar());
        stage.setScene(scene);
        stage.setTitle("SplitScope - presenter (speaker notes)");
        model.map().darkProperty().addListener((o, a, d) -> MainView.applyTheme(scene, d));
        MainView.applyTheme(scene, model.map().darkProperty().get());
    }

    private static Button button(AppAction a, String text, ActionSet actions) {
        Button b = new Button(text, new FontIcon(a.icon()));
        b.setTooltip(new javafx.scene.control.Tooltip(a.tooltip()));
        b.setOnAction(e -> actions.run(a));
        b.disableProperty().bind(Bindings.not(actions.executable(a)));
        b.setFocusTraversable(false);
        b.setId("presenter-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return b;
    }

    boolean isShowing() {
        return stage.isShowing();
    }

    void show() {
        if (!stage.isShowing()) {
            place();
            stage.show();
        }
        stage.toFront();
    }

    void hide() {
        stage.hide();
    }

    /** On another screen than the main window's, when there is one; else beside it. */
    private void place() {
        Rectangle2D mainBounds = main == null ? null : new Rectangle2D(main.getX(), main.getY(),
                Math.max(1, main.getWidth()), Math.max(1, main.getHeight()));
        for (Screen s : Screen.getScreens()) {
            if (mainBounds == null || !s.getVisualBounds().intersects(mainBounds)) {
                Rectangle2D b = s.getVisualBounds();
                stage.setX(b.getMinX() + 40);
                stage.setY(b.getMinY() + 40);
                return;
            }
        }
    }
}
