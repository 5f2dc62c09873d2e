package org.splitscope.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.NavigationModel;

/**
 * Each {@link AppAction} with what it does and when it can (JabRef's actions): its {@code executable}
 * binding enables the menu item, the toolbar button and the key together, and {@link #run} does
 * nothing when it is false.
 *
 * <p>Threading: FX thread only.
 */
final class ActionSet {
    /** What an action does and when it can. */
    record Action(Runnable run, ObservableBooleanValue executable) {
    }

    private final Map<AppAction, Action> actions = new EnumMap<>(AppAction.class);

    ActionSet(AppModel model, MainView view) {
        NavigationModel nav = model.navigation();
        BooleanExpression idle = nav.busyProperty().not();
        BooleanExpression hasRun = nav.hasRunProperty();
        BooleanExpression back = nav.canStepBackProperty().and(idle);
        BooleanExpression forward = nav.canStepForwardProperty().and(idle);
        BooleanExpression always = BooleanExpression.booleanExpression(new javafx.beans.property.SimpleBooleanProperty(true));
        put(AppAction.OPEN, view::openFileChooser, idle);
        put(AppAction.EXPORT, () -> new ExportDialog(view, model.export()).show(), hasRun.and(idle));
        put(AppAction.TO_START, nav::toStart, back);
        put(AppAction.STEP_BACK, nav::stepBack, back);
        put(AppAction.PLAY_PAUSE, nav::togglePlay, nav.playingProperty().or(forward));
        put(AppAction.STEP, nav::stepForward, forward);
        put(AppAction.TO_END, nav::toEnd, forward);
        put(AppAction.MICRO_BACK, nav::microBack, back);
        put(AppAction.MICRO_FORWARD, nav::microForward, forward);
        put(AppAction.RUN_BACK_TO_BREAKPOINT, () -> nav.runToBreakpoint(view.toolbar.breakpoint.getText(), false), back);
        put(AppAction.RUN_TO_BREAKPOINT, () -> nav.runToBreakpoint(view.toolbar.breakpoint.getText(), true), forward);
        put(AppAction.ZOOM_IN, model.map()::zoomIn, hasRun);
        put(AppAction.ZOOM_OUT, model.map()::zoomOut, hasRun);
        put(AppAction.ZOOM_ALL, model.map()::zoomAll, hasRun);
        PresentActions.put(this::put, model, view);
        put(AppAction.BOOKMARK, view::askBookmark, hasRun.and(idle));
        put(AppAction.COMPARE, () -> new CompareDialog(view, model).show(), hasRun.and(idle));
        put(AppAction.DARK_THEME, () -> model.map().setDark(!model.map().darkProperty().get()), always);
        put(AppAction.FULL_SCREEN, view::toggleFullScreen, always);
        put(AppAction.CANCEL, model::cancel, nav.busyProperty());
        put(AppAction.ABOUT, view::about, always);
    }

    void put(AppAction a, Runnable run, ObservableBooleanValue executable) {
        actions.put(a, new Action(run, executable));
    }

    /** Runs the action if it is executable now. */
    void run(AppAction a) {
        Action x = actions.get(a);
        if (x.executable().get()) {
            x.run().run();
        }
    }

    ObservableBooleanValue executable(AppAction a) {
        return actions.get(a).executable();
    }
}
