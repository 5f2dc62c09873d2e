package org.splitscope.ui;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.stage.Stage;
import org.splitscope.ui.model.AppModel;

/**
 * The screenshot tour's shots of issue 13: the tour navigator, presentation mode (light and dark,
 * following the action), the presenter window's notes, and the window at 150% and 200% UI scale on a
 * 1920x1080 screen. Each is the real window, driven through the models' commands.
 *
 * <p>Threading: FX thread only.
 */
final class PresentShots {
    private PresentShots() {
    }

    /** {@code present} turns presentation mode on or off in the window as it is (no full screen). */
    static List<ScreenshotTour.Shot> shots(AppModel vm, MainView view, BiConsumer<Stage, Boolean> present) {
        return List.of(
                new ScreenshotTour.Shot("tour-navigator.png", s -> {
                    vm.map().setDark(false);
                    vm.tour().open("thread-argument");
                    view.dock.sideShownProperty().set(true);
                    view.legendTab.getTabPane().getSelectionModel().select(2);
                }),
                new ScreenshotTour.Shot("present-crash.png", s -> {
                    present.accept(s, true);
                }),
                new ScreenshotTour.Shot("present-follow-dark.png", s -> {
                    vm.map().setDark(true);
                    vm.tour().openStop(6);
                    vm.present().next();
                }),
                new ScreenshotTour.Shot("presenter-window.png", s -> {
                    vm.map().setDark(false);
                    view.presentation.togglePresenterWindow();
                }, () -> view.presentation.presenter().stage.getScene()),
                new ScreenshotTour.Shot("scale-150.png", s -> {
                    view.presentation.presenter().hide();
                    present.accept(s, false);
                    vm.tour().close();
                    vm.navigation().openBuiltin("overlap-crash");
                    vm.navigation().seek(5);
                    s.setWidth(1920);
                    s.setHeight(1080);
                    view.setUiScale(1.5);
                }),
                new ScreenshotTour.Shot("scale-200-dark.png", s -> {
                    vm.map().setDark(true);
                    view.setUiScale(2.0);
                }));
    }
}
