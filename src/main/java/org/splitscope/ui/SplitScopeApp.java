package org.splitscope.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.RecentFiles;
import org.splitscope.ui.service.PlayClock;
import org.splitscope.ui.service.SimService;
import org.splitscope.ui.service.SimThread;

/**
 * The desktop app. Opens on the built-in {@code overlap-crash} scenario (or the scenario or tour named
 * on the command line, see {@link LaunchArgs}), ready to step; with {@code --present}, in presentation mode. The simulation runs on its own thread behind the {@link SimService};
 * an AnimationTimer applies the latest snapshot once per pulse.
 */
public final class SplitScopeApp extends Application {
    private AppModel model;
    private AnimationTimer pulses;

    @Override
    public void start(Stage stage) {
        model = new AppModel(new SimService(SimThread.background(), PlayClock.system(), HistoryBudget.DEFAULT),
                RecentFiles.preferences());
        MainView view = new MainView(model, stage, new FxDialogs(stage));
        // 1500x950, or the screen when it is smaller (a 1080p screen at 200% is 960x540 to us)
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        boolean small = screen.getWidth() < 1500 || screen.getHeight() < 950;
        Scene scene = new Scene(view.root(), Math.min(1500, screen.getWidth()), Math.min(950, screen.getHeight()));
        MainView.applyTheme(scene, false);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.setMaximized(small);
        pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.pulse();
            }
        };
        pulses.start();
        LaunchArgs launch = LaunchArgs.parse(getParameters().getRaw());
        stage.show();
        launch.start(model, view);
        view.heatMap.requestFocus();
    }

    @Override
    public void stop() {
        if (pulses != null) {
            pulses.stop();
        }
        if (model != null) {
            model.shutdown();
        }
    }
}
