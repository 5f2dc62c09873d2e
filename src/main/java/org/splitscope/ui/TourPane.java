package org.splitscope.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.splitscope.scenario.Tour;
import org.splitscope.ui.model.TourModel;

/**
 * The tour navigator, a tab of the side panel (issue 13): the tour's title, "stop N of M" and the
 * stop's title, the stops to choose from, buttons to the previous and next stop, and, outside
 * presentation mode, the stop's speaker notes (in presentation mode the side panel is not shown: the
 * notes are the presenter window's alone). Without a tour it says how to open one.
 *
 * <p>Threading: FX thread only.
 */
final class TourPane extends VBox {
    final Label title = new Label();
    final Label position = new Label();
    final ListView<String> stops = new ListView<>();
    final Label notes = new Label();
    private boolean following;

    TourPane(TourModel tour, ActionSet actions) {
        getStyleClass().add("tour-pane");
        setSpacing(6);
        setPadding(new Insets(8));
        title.getStyleClass().add("inspector-title");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> tour.tourProperty().get() == null
                ? "No tour open. A tour is a rehearsed demo: stops, each a scenario at a step, with speaker notes."
                : tour.tourProperty().get().title(), tour.tourProperty()));
        position.textProperty().bind(tour.stopLine());
        position.setWrapText(true);
        for (Label l : new Label[] {title, position}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // wrap onto the lines it needs, never "..."
        }
        position.getStyleClass().add("tour-position");
        stops.setPrefHeight(160);
        stops.setPlaceholder(new Label("Tour > thread-argument, or Tour > Open tour..."));
        tour.tourProperty().addListener((o, a, t) -> fill(t));
        tour.indexProperty().addListener((o, a, i) -> follow(() -> stops.getSelectionModel().select(i.intValue())));
        stops.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!following && i.intValue() >= 0 && i.intValue() != tour.indexProperty().get()) {
                tour.openStop(i.intValue());
            }
        });
        notes.textProperty().bind(tour.notesText());
        notes.setWrapText(true);
        notes.getStyleClass().add("tour-notes");
        Label notesHead = new Label("Speaker notes");
        notesHead.getStyleClass().add("legend-heading");
        notesHead.visibleProperty().bind(tour.tourProperty().isNotNull());
        notesHead.managedProperty().bind(notesHead.visibleProperty());
        HBox buttons = new HBox(6, button(AppAction.PREVIOUS_STOP, actions), button(AppAction.NEXT_STOP, actions),
                button(AppAction.OPEN_TOUR, actions));
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(stops, Priority.SOMETIMES);
        getChildren().addAll(title, position, buttons, stops, notesHead, notes);
    }

    private void fill(Tour t) {
        follow(() -> {
            stops.getItems().clear();
            if (t != null) {
                for (int i = 0; i < t.stops().size(); i++) {
                    stops.getItems().add((i + 1) + ". " + t.stops().get(i).label());
                }
            }
        });
    }

    private void follow(Runnable r) {
        following = true;
        try {
            r.run();
        } finally {
            following = false;
        }
    }

    private static Button button(AppAction a, ActionSet actions) {
        Button b = new Button(null, new FontIcon(a.icon()));
        b.setTooltip(new javafx.scene.control.Tooltip(a.tooltip()));
        b.setOnAction(e -> actions.run(a));
        b.disableProperty().bind(Bindings.not(actions.executable(a)));
        b.setFocusTraversable(false);
        return b;
    }
}
