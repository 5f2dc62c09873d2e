package org.splitscope.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.NavigationModel;
import org.splitscope.ui.model.PresentModel;
import org.splitscope.ui.model.TourModel;

/**
 * What the actions of presentation mode, tours and zoom (issue 13) do and when they can, registered
 * with the {@link ActionSet} like every other action.
 *
 * <p>Threading: FX thread only.
 */
final class PresentActions {
    /** How an action is registered: ActionSet's {@code put}. */
    interface Registry {
        void put(AppAction a, Runnable run, ObservableBooleanValue executable);
    }

    private PresentActions() {
    }

    static void put(Registry r, AppModel model, MainView view) {
        NavigationModel nav = model.navigation();
        PresentModel present = model.present();
        TourModel tour = model.tour();
        BooleanExpression idle = nav.busyProperty().not();
        BooleanExpression hasRun = nav.hasRunProperty();
        BooleanExpression always = BooleanExpression.booleanExpression(new javafx.beans.property.SimpleBooleanProperty(true));
        r.put(AppAction.ZOOM_SELECTION, model.map()::zoomToSelection, model.map().inspectorProperty().isNotNull().and(hasRun));
        r.put(AppAction.FOLLOW, () -> model.map().setFollow(!model.map().followProperty().get()), hasRun);
        r.put(AppAction.PRESENT, present::toggle, always);
        r.put(AppAction.LEAVE_PRESENTATION, present::leave, present.presentingProperty());
        r.put(AppAction.NEXT, present::next, nav.canStepForwardProperty().or(tour.canNextStopProperty()).and(idle));
        r.put(AppAction.PREVIOUS, present::previous, nav.canStepBackProperty().or(tour.canPreviousStopProperty()).and(idle));
        r.put(AppAction.OPEN_TOUR, () -> view.dialogs().openFile("Open a tour",
                new javafx.stage.FileChooser.ExtensionFilter("Tours", "*.yaml", "*.yml", "*.json"))
                .ifPresent(f -> tour.open(f.toString())), idle);
        r.put(AppAction.NEXT_STOP, tour::nextStop, tour.canNextStopProperty().and(idle));
        r.put(AppAction.PREVIOUS_STOP, tour::previousStop, tour.canPreviousStopProperty().and(idle));
        r.put(AppAction.PRESENTER_WINDOW, () -> view.presentation.togglePresenterWindow(), always);
    }
}
