package org.splitscope.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1920x1080 screen at 200% system scale (GDK_SCALE=2) is 960x540 to the app, in 13 px type (issue 13
 * item 4): the band above the map is compact, the panels are rails, and the map keeps half the window.
 * Monocle's screen is at 1, so the dock is told the screen's scale.
 */
class SmallScreenTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage, 960, 540);
    }

    @Test
    @DisplayName("a 1080p screen at 200% (GDK_SCALE=2): a 960x540 window keeps half of it for the map")
    void screenAt200(FxRobot robot) {
        robot.interact(() -> view.dock.setScreenScale(2.0));
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                view.root.applyCss();
                view.root.layout();
            });
        }
        double window = stage.getScene().getWidth() * stage.getScene().getHeight();
        double map = ScaleLayoutTest.area(view.heatMap);
        javafx.scene.layout.Region top = (javafx.scene.layout.Region) view.root.getTop();
        javafx.scene.layout.Region bottom = (javafx.scene.layout.Region) view.root.getBottom();
        System.out.printf("960x540 at 200%%: scene %.0fx%.0f map %.0fx%.0f = %.2f; top %.0f (banner %.0f) bottom %.0f"
                + " timeline %.0f dock %.0f; compact %s%n", stage.getScene().getWidth(), stage.getScene().getHeight(),
                view.heatMap.getWidth(), view.heatMap.getHeight(), map / window, top.getHeight(), view.banner.box.getHeight(),
                bottom.getHeight(), view.timelineBar.getHeight(), view.dock.root.getHeight(), view.banner.isCompact());
        assertThat(view.banner.isCompact()).isTrue();
        assertThat(map / window).as("the map's share of a 960x540 window").isGreaterThanOrEqualTo(0.5);
        // every collapsed panel can be opened again: its button is on the window, whole
        java.util.List<javafx.scene.Node> rails = new java.util.ArrayList<>(view.dock.sideRail.getChildren());
        rails.addAll(view.dock.bottomInLine.getChildren());
        assertThat(rails).hasSize(view.dock.sideRail.getChildren().size() + 2);
        for (javafx.scene.Node n : rails) {
            javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
            assertThat(n.getScene()).isNotNull();
            assertThat(b.getMinY()).as("%s top", n).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxY()).as("%s bottom inside the map's height", n)
                    .isLessThanOrEqualTo(view.timelineBar.localToScene(0, 0).getY() + 0.5);
            assertThat(b.getMaxX()).isLessThanOrEqualTo(960.5);
        }
        for (AppAction a : new AppAction[] {AppAction.ZOOM_IN, AppAction.ZOOM_OUT, AppAction.ZOOM_ALL, AppAction.EXPORT}) {
            ScaleLayoutTest.assertOnToolbar(view.toolbar.buttons.get(a), stage.getScene().getWidth());
        }
        // the compact band has no micro line, but says what the step came to beside the title
        robot.interact(() -> nav().seek(5));                // overlap-crash under none: the RMP #PF
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                view.root.applyCss();
                view.root.layout();
            });
        }
        assertThat(view.banner.micro.isVisible()).isFalse();
        assertThat(view.banner.outcome.isVisible()).isTrue();
        assertThat(view.banner.outcome.getText()).isEqualTo("->  " + org.splitscope.render.StepOutcome.RMP_FAULT);
        assertThat(view.banner.outcome.getWidth()).as("some of it shows").isGreaterThan(40);
        assertThat(ScaleLayoutTest.area(view.heatMap) / (stage.getScene().getWidth() * stage.getScene().getHeight()))
                .as("the map's share is kept").isGreaterThanOrEqualTo(0.5);
    }

}
