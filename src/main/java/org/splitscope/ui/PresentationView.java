package org.splitscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.PresentModel;
import org.splitscope.ui.model.TourModel;

/**
 * Presentation mode on screen (issue 13): the map and the step's caption take the window, full
 * screen; the caption in large type above the map, and under it a thin strip with the tour's stop,
 * the step, the policy, the kernel and what the step came to. Menus, toolbar, panels, timeline and
 * status bar go, and come back as they were on leaving. Speaker notes are never shown here: they are
 * the presenter window's ({@link PresenterWindow}).
 *
 * <p>Threading: FX thread only.
 */
final class PresentationView {
    final CaptionBox caption = new CaptionBox("present-caption", 3, 0.5);   // smaller before cut: a projector shows it whole
    final Label stop = new Label();
    final Label step = new Label();
    final Label policy = new Label();
    final Label kernel = new Label();
    final Label outcome = new Label();
    /** Which frames the map shows and whether it follows the action: a teacher who zoomed by hand is never lost. */
    final Label frames = new Label();
    final HBox strip;
    private final BorderPane root;
    private final PanelDock dock;
    private final Stage stage;
    private final AppModel model;
    private final ActionSet actions;
    private PresenterWindow presenter;
    private Node savedTop;
    private Node savedBottom;
    private boolean wasFullScreen;

    PresentationView(AppModel model, BorderPane root, PanelDock dock, Stage stage, ActionSet actions) {
        this.model = model;
        this.actions = actions;
        this.root = root;
        this.dock = dock;
        this.stage = stage;
        PresentModel p = model.present();
        TourModel tour = model.tour();
        caption.getStyleClass().add("present-caption-box");
        caption.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.navigation().stepProperty().get() == null ? "" : model.navigation().stepProperty().get().caption(),
                model.navigation().stepProperty()));
        stop.textProperty().bind(tour.stopLine());
        stop.visibleProperty().bind(tour.tourProperty().isNotNull());
        stop.managedProperty().bind(stop.visibleProperty());
        step.textProperty().bind(p.stepTextProperty());
        policy.textProperty().bind(p.policyTextProperty());
        kernel.textProperty().bind(p.kernelTextProperty());
        outcome.textProperty().bind(p.outcomeTextProperty());
        for (Label l : new Label[] {stop, step, policy, kernel, outcome}) {
            l.getStyleClass().add("strip-item");
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        stop.setMinWidth(0);
        outcome.setMinWidth(0);
        outcome.getStyleClass().add("strip-outcome");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(outcome, Priority.SOMETIMES);
        frames.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                        model.map().viewportTextProperty().get() + (model.map().followProperty().get() ? "  (following)" : ""),
                model.map().viewportTextProperty(), model.map().followProperty()));
        frames.getStyleClass().add("strip-item");
        frames.setMinWidth(0);                                  // gives way to the step and the outcome
        strip = new HBox(18, stop, step, policy, kernel, outcome, gap, frames);
        strip.getStyleClass().add("present-strip");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(3, 14, 3, 14));
        stop.maxWidthProperty().bind(strip.widthProperty().multiply(0.3));   // the outcome matters more than the stop's title
        stop.setTooltip(new javafx.scene.control.Tooltip());
        stop.getTooltip().textProperty().bind(stop.textProperty());
        caption.setPadding(new Insets(10, 18, 6, 18));
        p.presentingProperty().addListener((o, a, on) -> {
            if (on) {
                enter();
            } else {
                leave();
            }
        });
    }

    private void enter() {
        savedTop = root.getTop();
        savedBottom = root.getBottom();
        root.setTop(caption);
        root.setBottom(strip);
        dock.setBare(true);
        root.getStyleClass().add("presenting");
        if (stage != null) {
            wasFullScreen = stage.isFullScreen();
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);   // Esc is ours: it leaves presentation
            stage.setFullScreen(true);
        }
        if (model.tour().tourProperty().get() != null && (presenter == null || !presenter.isShowing())) {
            togglePresenterWindow();                      // the notes, on the presenter's screen
        }
    }

    /** The presenter window with the speaker notes: shown or hidden. */
    void togglePresenterWindow() {
        if (presenter == null) {
            presenter = new PresenterWindow(model, actions, stage);
        }
        if (presenter.isShowing()) {
            presenter.hide();
        } else {
            presenter.show();
        }
    }

    /** The presenter window, once it was opened (null before). */
    PresenterWindow presenter() {
        return presenter;
    }

    private void leave() {
        root.setTop(savedTop);
        root.setBottom(savedBottom);
        dock.setBare(false);
        dock.refitNow();
        root.getStyleClass().remove("presenting");
        if (stage != null) {
            stage.setFullScreen(wasFullScreen);
            stage.setFullScreenExitKeyCombination(null);                       // the default again
            stage.setFullScreenExitHint(null);
        }
    }
}
