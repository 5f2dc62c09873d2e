package org.splitscope.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.splitscope.core.history.HistoryBudget;

/**
 * The desktop app. Opens on the built-in {@code overlap-crash} scenario, ready to step. The
 * simulation runs on its own thread; an AnimationTimer applies the latest snapshot once per pulse.
 */
public final class SplitScopeApp extends Application {
    private AppViewModel vm;
    private AnimationTimer pulses;

    @Override
    public void start(Stage stage) {
        vm = new AppViewModel(SimExecutor.background(), RecentFiles.preferences(), HistoryBudget.DEFAULT);
        MainView view = new MainView(vm, stage);
        Scene scene = new Scene(view.root(), 1500, 950);
        MainView.applyTheme(scene, false);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.setTitle("SplitScope");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pulse();
            }
        };
        pulses.start();
        String first = getParameters().getRaw().isEmpty() ? "overlap-crash" : getParameters().getRaw().get(0);
        if (first.endsWith(".yaml") || first.endsWith(".yml") || first.endsWith(".json")) {
            vm.openFile(java.nio.file.Path.of(first));
        } else {
            vm.openBuiltin(first);
        }
        stage.show();
        view.heatMap.requestFocus();
    }

    @Override
    public void stop() {
        if (pulses != null) {
            pulses.stop();
        }
        if (vm != null) {
            vm.shutdown();
        }
    }
}
