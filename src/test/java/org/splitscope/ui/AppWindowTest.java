package org.splitscope.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.core.history.HistoryBudget;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real main window for TestFX flows, headless on Monocle: a 1280x780 scene on overlap-crash. The
 * simulation runs on the FX thread (same-thread executor), so each action has finished when the
 * robot returns; play ticks are run by hand with {@code sim.runDelayed()}. TestFX finds only the
 * test class's own {@code @Start} method, so each subclass has one that calls {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class AppWindowTest {
    SimExecutor.Inline sim;
    AppViewModel vm;
    MainView view;
    Stage stage;

    /** Subclasses call this from their own {@code @Start} method (TestFX looks only at declared methods). */
    void open(Stage stage) {
        this.stage = stage;
        sim = SimExecutor.sameThread();
        vm = new AppViewModel(sim, RecentFiles.inMemory(), new HistoryBudget(64L << 20));
        view = new MainView(vm, stage);
        Scene scene = new Scene(view.root(), 1280, 780);
        MainView.applyTheme(scene, false);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.show();
        vm.openBuiltin("overlap-crash");
        view.heatMap.requestFocus();
    }

    HeatMapSkin skin(HeatMap m) {
        return (HeatMapSkin) m.getSkin();
    }
}
