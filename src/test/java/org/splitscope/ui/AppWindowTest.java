package org.splitscope.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.NavigationModel;
import org.splitscope.ui.model.RecentFiles;
import org.splitscope.ui.service.SimService;
import org.splitscope.ui.service.SimThread;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.VirtualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real main window for TestFX flows, headless on Monocle: a 1280x780 scene on overlap-crash. The
 * simulation runs on the FX thread (same-thread service), so each action has finished when the robot
 * returns; play ticks come from a virtual clock the test advances ({@link #tick}). TestFX finds only
 * the test class's own {@code @Start} method, so each subclass has one that calls {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class AppWindowTest {
    VirtualClock clock;
    AppModel model;
    FxDialogs dialogs;
    MainView view;
    Stage stage;

    /** Subclasses call this from their own {@code @Start} method (TestFX looks only at declared methods). */
    void open(Stage stage) {
        open(stage, null, 1280, 780);
    }

    /** The window at another size (the layout flows: 1920x1080, 1280 wide). */
    void open(Stage stage, int width, int height) {
        open(stage, null, width, height);
    }

    /** With {@code injected} dialogs (null: the real ones, {@link #dialogs}). */
    void open(Stage stage, DialogService injected) {
        open(stage, injected, 1280, 780);
    }

    /** With {@code injected} dialogs (null: the real ones) at {@code width} x {@code height}. */
    void open(Stage stage, DialogService injected, int width, int height) {
        this.stage = stage;
        clock = new VirtualClock();
        model = new AppModel(new SimService(SimThread.sameThread(), clock, new HistoryBudget(64L << 20)),
                RecentFiles.inMemory());
        dialogs = injected == null ? new FxDialogs(stage) : null;
        view = new MainView(model, stage, injected == null ? dialogs : injected);
        Scene scene = new Scene(view.root(), width, height);
        MainView.applyTheme(scene, false);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.sizeToScene();                     // TestFX reuses one stage: a size set by an earlier test must not stay
        stage.show();
        model.navigation().openBuiltin("overlap-crash");
        view.heatMap.requestFocus();
    }

    NavigationModel nav() {
        return model.navigation();
    }

    Snapshot snap() {
        return model.applied();
    }

    /** One play tick: the clock moves one period and the window applies what the service published. */
    void tick(FxRobot robot) {
        robot.interact(() -> {
            clock.advance(16_000_000L);
            model.pulse();
        });
    }

    HeatMapSkin skin(HeatMap m) {
        return (HeatMapSkin) m.getSkin();
    }
}
