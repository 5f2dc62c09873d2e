package org.splitscope.ui;

import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** The toolbar at 1280 px (issue 13): zoom and export are never hidden in the overflow menu. */
class ToolbarFlowTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage, 1280, 780);
    }

    @Test
    @DisplayName("at 1280 px every tool is on the bar at 100%; at 150% and 200% zoom and export still are")
    void toolbarAt1280(FxRobot robot) {
        for (Node n : view.toolbar.left.getItems()) {
            System.out.printf("%-40s %6.1f %s%n", n.getClass().getSimpleName() + " " + n.getId(), n.getLayoutBounds().getWidth(),
                    n.getScene() != null);
        }
        System.out.println("left " + view.toolbar.left.getWidth() + " right " + view.toolbar.right.getWidth());
        for (Node n : view.toolbar.left.getItems()) {
            assertThat(n.getScene()).as("%s on the bar at 100%%", n).isNotNull();
        }
        for (double scale : new double[] {1.5, 2.0}) {
            robot.interact(() -> view.setUiScale(scale));
            robot.interact(() -> {
                view.root.applyCss();
                view.root.layout();
            });
            for (AppAction a : new AppAction[] {AppAction.ZOOM_IN, AppAction.ZOOM_OUT, AppAction.ZOOM_ALL, AppAction.EXPORT}) {
                ScaleLayoutTest.assertOnToolbar(view.toolbar.buttons.get(a), stage.getScene().getWidth());
            }
        }
    }
}
