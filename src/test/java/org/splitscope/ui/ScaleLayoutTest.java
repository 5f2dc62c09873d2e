package org.splitscope.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window on a 1920x1080 projector at 100%, 150% and 200% UI scale (issue 13): the map keeps at
 * least half of the window (panels collapse first), the legend shows on first open, an empty inspector
 * has no bare headings, and the map keeps its size when the caption wraps.
 */
class ScaleLayoutTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage, 1920, 1080);
    }

    /** Lets CSS and layout settle after a change (two pulses: the dock decides after the first layout). */
    void settle(FxRobot robot) {
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                view.root.applyCss();
                view.root.layout();
            });
        }
    }

    static double area(Node n) {
        Bounds b = n.getLayoutBounds();
        return b.getWidth() * b.getHeight();
    }

    @ParameterizedTest(name = "at {0}%")
    @ValueSource(ints = {100, 150, 200})
    @DisplayName("the map keeps at least half of a 1920x1080 window at 100, 150 and 200%")
    void mapKeepsHalf(int percent, FxRobot robot) {
        robot.interact(() -> view.setUiScale(percent / 100.0));
        settle(robot);
        double window = stage.getScene().getWidth() * stage.getScene().getHeight();
        double map = area(view.heatMap);
        System.out.printf("%d%%: map %.0fx%.0f = %.2f of the window; side %s, bottom %s%n", percent,
                view.heatMap.getWidth(), view.heatMap.getHeight(), map / window,
                view.dock.sideShownProperty().get(), view.dock.bottomShownProperty().get());
        if (percent == 100) {
            // at 100% the panels are compact and stay (the event log is where a step is read)
            assertThat(view.dock.sideShownProperty().get()).as("side panel at 100%").isTrue();
            assertThat(view.dock.bottomShownProperty().get()).as("bottom panel at 100%").isTrue();
            assertThat(map / window).as("the map's share of the window at 100%").isGreaterThanOrEqualTo(PanelDock.MAP_SHARE_100);
        } else {
            assertThat(map / window).as("the map's share of the window at %d%%", percent).isGreaterThanOrEqualTo(0.5);
        }
        for (AppAction a : new AppAction[] {AppAction.ZOOM_IN, AppAction.ZOOM_OUT, AppAction.ZOOM_ALL, AppAction.EXPORT}) {
            assertOnToolbar(view.toolbar.buttons.get(a), stage.getScene().getWidth());
        }
        robot.interact(() -> view.heatMap.requestFocus());
        robot.type(javafx.scene.input.KeyCode.END);
        settle(robot);
        assertThat(view.status.step.getText()).startsWith("step 8 of 8");
        assertThat(view.status.step.getWidth()).as("the step line is whole at %d%%", percent)
                .isGreaterThanOrEqualTo(view.status.step.prefWidth(-1) - 0.5);
    }

    @ParameterizedTest(name = "at {0}%")
    @ValueSource(ints = {100, 150, 200})
    @DisplayName("the event log's narrow columns grow with the UI scale, so a clipped cell never shows a wrong number")
    void logColumnsScale(int percent, FxRobot robot) {
        robot.interact(() -> view.setUiScale(percent / 100.0));
        settle(robot);
        javafx.scene.control.TableColumn<?, ?> frames = view.eventLog.table.getColumns().stream()
                .filter(c -> c.getText().equals("frames")).findFirst().orElseThrow();
        javafx.scene.text.Text probe = new javafx.scene.text.Text("0x1c5e00 +512");
        probe.setFont(javafx.scene.text.Font.font(13 * percent / 100.0));    // the app's type: 13 px at 100%
        assertThat(frames.getPrefWidth()).as("frames column at %d%%", percent)
                .isGreaterThanOrEqualTo(probe.getLayoutBounds().getWidth() + 8);
    }

    @ParameterizedTest(name = "at {0}%")
    @ValueSource(ints = {100, 150, 200})
    @DisplayName("the marker bar's row names fit their margin at every UI scale, and the bar grows with it")
    void markerRowsScale(int percent, FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1500);                       // the app's first window on a 1920x1080 screen
            stage.setHeight(950);
            view.setUiScale(percent / 100.0);
        });
        try {
            markerRowsAt(percent, robot);
        } finally {
            robot.interact(() -> {
                view.setUiScale(1.0);
                stage.setWidth(1920);
                stage.setHeight(1080);
            });
        }
    }

    private void markerRowsAt(int percent, FxRobot robot) {
        settle(robot);
        double scale = percent / 100.0;
        javafx.scene.text.Text probe = new javafx.scene.text.Text("collapses");
        probe.setFont(javafx.scene.text.Font.font(10 * scale));
        assertThat(8 + 8 * scale + probe.getLayoutBounds().getWidth()).as("'collapses' ends inside the margin at %d%%", percent)
                .isLessThan(view.timelineBar.gutter());
        assertThat(view.timelineBar.getHeight()).as("the bar's height at %d%%", percent).isGreaterThanOrEqualTo(60 * scale - 0.5);
        // a collapsed bottom panel's buttons show their names whole
        int shown = 0;
        for (String id : new String[] {"#rail-event-log-inline", "#rail-charts-inline", "#rail-event-log", "#rail-charts"}) {
            javafx.scene.control.Button b = robot.lookup(id).<javafx.scene.control.Button>tryQuery().orElse(null);
            if (b != null && b.getScene() != null && b.isVisible() && b.getWidth() > 0) {
                shown++;
                assertThat(b.getWidth()).as("%s at %d%%", id, percent).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
            }
        }
        if (percent == 200) {
            assertThat(shown).as("the bottom panel is collapsed into buttons at 200%").isPositive();
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("in a 1024x768 window the log's number columns keep their width; 'what happened' gives way")
    void narrowWindowKeepsNumbers(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        try {
            settle(robot);
            for (String[] c : new String[][] {{"step", "4194905"}, {"frames", "0x740000 +262144"},
                {"kind", "RMP #PF (oops: RMP violation)"}}) {
                javafx.scene.control.TableColumn<?, ?> col = view.eventLog.table.getColumns().stream()
                        .filter(x -> x.getText().equals(c[0])).findFirst().orElseThrow();
                javafx.scene.text.Text probe = new javafx.scene.text.Text(c[1]);
                probe.setFont(javafx.scene.text.Font.font(13));
                assertThat(col.getWidth()).as("the %s column in a 1024-pixel window", c[0])
                        .isGreaterThanOrEqualTo(probe.getLayoutBounds().getWidth() + 6);
            }
        } finally {
            robot.interact(() -> {
                stage.setWidth(1920);
                stage.setHeight(1080);
            });
        }
    }

    static void assertOnToolbar(Button b, double sceneWidth) {
        assertThat(b.getScene()).as("%s is on the window, not in the overflow menu", b.getId()).isNotNull();
        assertThat(b.isVisible()).isTrue();
        Bounds s = b.localToScene(b.getLayoutBounds());
        assertThat(s.getMinX()).as(b.getId()).isGreaterThanOrEqualTo(0);
        assertThat(s.getMaxX()).as(b.getId()).isLessThanOrEqualTo(sceneWidth + 0.5);
    }

    @Test
    @DisplayName("the legend shows on first open, and an empty inspector says what to do, with no bare headings")
    void legendFirst(FxRobot robot) {
        assertThat(view.legendTab.isSelected()).isTrue();
        assertThat(view.legend.getScene()).isNotNull();
        assertThat(view.legend.isVisible()).isTrue();
        assertThat(view.inspector.title.getText()).startsWith("Nothing selected.");
        assertThat(view.inspector.tlbHead.isVisible()).isFalse();
        assertThat(view.inspector.lastHead.isVisible()).isFalse();
        robot.interact(() -> model.map().selectFrames(0x20001, 0x20002));
        assertThat(view.inspectorTab.isSelected()).as("a selection brings the inspector forward").isTrue();
        assertThat(view.inspector.tlbHead.isVisible()).isTrue();
        robot.interact(() -> model.map().selectFrames(-1, -1));
        assertThat(view.inspector.tlbHead.isVisible()).isFalse();
    }

    @ParameterizedTest(name = "presenting = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("the map does not jump in size when the caption wraps onto more lines (main window and presentation)")
    void captionDoesNotMoveTheMap(boolean presenting, FxRobot robot) {
        if (presenting) {
            robot.interact(() -> view.run(AppAction.PRESENT));
        }
        CaptionBox box = presenting ? view.presentation.caption : view.caption;
        robot.interact(() -> box.textProperty().unbind());       // the presentation caption is bound to the step's
        settle(robot);
        double h0 = view.heatMap.getHeight();
        double y0 = view.heatMap.localToScene(0, 0).getY();
        String longText = "A caption long enough to wrap: " + "the host writes through a 2M direct-map entry that"
                + " covers a private frame, and the RMP check of the 2M translation faults. ".repeat(4);
        for (String text : new String[] {"Short.", longText, "Short again.", longText + longText}) {
            robot.interact(() -> box.textProperty().set(text));
            settle(robot);
            javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
            probe.setFont(box.nominalFont());
            boolean wraps = probe.getLayoutBounds().getWidth() > box.getWidth();
            assertThat(wraps).as("\"%s...\" needs more than one line", text.substring(0, 5)).isEqualTo(text.length() > 20);
            assertThat(view.heatMap.getHeight()).as("map height with \"%s...\"", text.substring(0, 5)).isEqualTo(h0);
            assertThat(view.heatMap.localToScene(0, 0).getY()).as("map top").isEqualTo(y0);
        }
        for (int step = 1; step <= 8 && !presenting; step++) {
            robot.interact(() -> nav().stepForward());
            settle(robot);
            assertThat(view.heatMap.getHeight()).as("map height at step %d", step).isEqualTo(h0);
            assertThat(view.heatMap.localToScene(0, 0).getY()).as("map top at step %d", step).isEqualTo(y0);
        }
    }
}
