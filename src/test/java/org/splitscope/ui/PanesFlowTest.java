package org.splitscope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.history.Position;
import org.splitscope.render.CellLayout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's list, by hand in the real window: keys after a text field and in the menu bar, the
 * pickers, Open recent, the log's "Show:", the message, the hover line, the kernel picker, and menus
 * and toolbar enabled together.
 */
class PanesFlowTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    void focusMap(FxRobot robot) {
        robot.interact(() -> view.heatMap.requestFocus());
    }

    MenuItem runMenuItem(String label) {
        return view.menus.bar.getMenus().get(1).getItems().stream()
                .filter(i -> i.getText() != null && i.getText().startsWith(label + "    ")).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("Enter in the breakpoint field runs it and gives the keys back to the map; so does Esc")
    void keysAfterATextField(FxRobot robot) {
        robot.doubleClickOn(view.toolbar.breakpoint).eraseText(20).write("rmp-fault").type(KeyCode.ENTER);
        assertThat(snap().position()).isEqualTo(Position.at(5));
        robot.type(KeyCode.LEFT);
        assertThat(snap().position()).as("Left steps back after Enter").isEqualTo(Position.at(4));
        robot.type(KeyCode.SPACE);
        assertThat(nav().playingProperty().get()).as("Space plays").isTrue();
        robot.type(KeyCode.SPACE);
        robot.clickOn(view.toolbar.breakpoint).type(KeyCode.HOME).type(KeyCode.END).type(KeyCode.LEFT);
        assertThat(snap().position()).as("keys edit the field while it has the focus").isEqualTo(Position.at(4));
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.HOME);
        assertThat(snap().position()).as("Home goes to the start after Esc").isEqualTo(Position.START);
        assertThat(view.toolbar.breakpoint.getText()).isEqualTo("rmp-fault");
    }

    @Test
    @DisplayName("Right in an open menu moves to the next menu and never steps the run")
    void keysInTheMenuBar(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.RIGHT);
        robot.clickOn("Run");
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertThat(snap().position()).isEqualTo(Position.at(1));
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.ESCAPE);
        focusMap(robot);
        robot.type(KeyCode.RIGHT);
        assertThat(snap().position()).isEqualTo(Position.at(2));
    }

    @Test
    @DisplayName("menus and toolbar enable together, from one executable binding per action")
    void enabledTogether(FxRobot robot) {
        assertThat(view.toolbar.buttons.get(AppAction.STEP_BACK).isDisabled()).isTrue();
        assertThat(runMenuItem(AppAction.STEP_BACK.label()).isDisable()).isTrue();
        focusMap(robot);
        robot.type(KeyCode.END);
        assertThat(view.toolbar.buttons.get(AppAction.STEP_BACK).isDisabled()).isFalse();
        assertThat(runMenuItem(AppAction.STEP_BACK.label()).isDisable()).isFalse();
        assertThat(view.toolbar.buttons.get(AppAction.STEP).isDisabled()).isTrue();
        assertThat(runMenuItem(AppAction.STEP.label()).isDisable()).isTrue();
        assertThat(runMenuItem(AppAction.CANCEL.label()).isDisable()).as("nothing to cancel").isTrue();
        robot.type(KeyCode.RIGHT);
        assertThat(snap().position()).as("a key does nothing when its action cannot run").isEqualTo(Position.at(8));
    }

    @Test
    @DisplayName("a file: Open recent is enabled and lists it, the picker shows it; a built-in again clears it from the picker")
    void recentAndPicker(FxRobot robot, @TempDir Path dir) throws Exception {
        assertThat(view.menus.recent.isDisable()).isTrue();
        Path good = dir.resolve("mine.yaml");
        Files.writeString(good, "splitscope: 1\nmachine: { ram: 1GiB, cpus: 2 }\nsteps: []\n");
        robot.interact(() -> nav().openFile(good));
        assertThat(view.menus.recent.isDisable()).isFalse();
        assertThat(view.menus.recent.getItems()).extracting(MenuItem::getText).containsExactly(good.toString());
        assertThat(view.toolbar.scenarios.getValue()).isEqualTo("file: mine.yaml");
        assertThat(view.toolbar.scenarios.getItems()).contains("file: mine.yaml", "overlap-crash");
        robot.clickOn(view.toolbar.scenarios);
        robot.clickOn("stale-tlb");
        assertThat(view.toolbar.scenarios.getValue()).isEqualTo("stale-tlb");
        assertThat(view.toolbar.scenarios.getItems()).doesNotContain("file: mine.yaml");
        assertThat(view.menus.recent.getItems()).hasSize(1);
    }

    @Test
    @DisplayName("the log's Show: names the kinds the filter shows, and the rows and count follow")
    void showKinds(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.END);
        assertThat(view.eventLog.kinds.getTitle()).isEqualTo("all kinds");
        robot.interact(() -> view.eventLog.kinds.getCheckModel().check(EventKind.RMP_FAULT));
        assertThat(view.eventLog.kinds.getTitle()).isEqualTo(org.splitscope.ui.service.EventWords.RMP_FAULT);
        assertThat(view.eventLog.table.getItems()).singleElement().extracting(r -> r.kind())
                .isEqualTo("RMP #PF (oops: RMP violation; the thread's host crash)");
        robot.interact(() -> view.eventLog.kinds.getCheckModel().check(EventKind.SPLIT));
        assertThat(view.eventLog.kinds.getTitle()).contains("RMP #PF").contains("split");
        assertThat(shownKinds(robot)).as("what the control shows").contains("RMP #PF").contains("split");
        robot.clickOn("Clear");
        assertThat(view.eventLog.kinds.getTitle()).isEqualTo("all kinds");
        assertThat(shownKinds(robot)).as("what the control shows after Clear").isEqualTo("all kinds");
    }

    /** The text the kinds control draws (its button cell), not only its title property. */
    static String shownKinds(FxRobot robot) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#log-kinds .text").queryAll().stream().filter(n -> n.getScene() != null && n.isVisible())
                .map(n -> ((javafx.scene.text.Text) n).getText())
                .filter(t -> t != null && !t.isEmpty()).collect(java.util.stream.Collectors.joining(" "));
    }

    @Test
    @DisplayName("the message is about the run and position it was made at: a new scenario or a step clears it")
    void message(FxRobot robot) {
        robot.doubleClickOn(view.toolbar.breakpoint).eraseText(20).write("rmp-fault").type(KeyCode.ENTER);
        assertThat(view.message.getText()).startsWith("Stopped at step 5");
        robot.clickOn(view.toolbar.scenarios);
        robot.clickOn("stale-tlb");
        assertThat(view.message.getText()).isEqualTo("Opened stale-tlb under invalidate-noflush, kernel 6.18");
        robot.type(KeyCode.RIGHT);
        assertThat(view.message.getText()).isEmpty();
    }

    @Test
    @DisplayName("the hover line clears when the mouse leaves the map and does not come back on a step")
    void hoverOff(FxRobot robot) {
        robot.interact(() -> model.map().zoomTo(0x20000, 0x20200));
        CellLayout l = skin(view.heatMap).layout();
        long c = l.cellOf(0x20001);
        Point2D p = view.heatMap.localToScreen(l.xOf(c) + l.side() / 2.0, l.yOf(c) + l.side() / 2.0);
        robot.moveTo(p);
        assertThat(view.hover.getText()).startsWith("frame 0x20001");
        robot.moveTo(view.toolbar.breakpoint);
        assertThat(view.hover.getText()).isEmpty();
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 3);
        assertThat(view.hover.getText()).isEmpty();
        // the caption grew by a line: the map is smaller and lower now, so its cell is elsewhere on the screen
        CellLayout now = skin(view.heatMap).layout();
        long cell = now.cellOf(0x20001);
        robot.moveTo(view.heatMap.localToScreen(now.xOf(cell) + now.side() / 2.0, now.yOf(cell) + now.side() / 2.0));
        assertThat(view.hover.getText()).contains("GUEST_INVALID");
    }

    @Test
    @DisplayName("the charts reach the steps run so far with the cursor at the position; a new scenario brings its own curves")
    void charts(FxRobot robot) {
        robot.clickOn("Charts");
        focusMap(robot);
        robot.type(KeyCode.END);
        var splits = view.charts.line(0, 0);
        assertThat(splits.getData().get(splits.getData().size() - 1).getXValue().longValue()).isEqualTo(8);
        assertThat(view.charts.cursor(0).getData().get(0).getXValue().longValue()).isEqualTo(8);
        robot.type(KeyCode.LEFT, 3);
        assertThat(view.charts.cursor(0).getData().get(0).getXValue().longValue()).isEqualTo(5);
        assertThat(splits.getData().get(splits.getData().size() - 1).getXValue().longValue()).isEqualTo(8);
        robot.interact(() -> nav().openBuiltin("lazy-accept"));
        assertThat(view.charts.line(0, 0).getData()).singleElement().extracting(d -> d.getXValue().longValue()).isEqualTo(0L);
        assertThat(view.charts.cursor(0).getData().get(0).getXValue().longValue()).isZero();
    }

    @Test
    @DisplayName("the kernel picker re-runs at the same step; the title line and the status line name the kernel")
    void kernelPicker(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 4);
        assertThat(view.runLine.getText()).isEqualTo("under none, kernel 6.18");
        robot.clickOn(view.toolbar.kernels);
        robot.clickOn("6.8");
        assertThat(snap().run().kernel()).isEqualTo("6.8");
        assertThat(snap().position()).isEqualTo(Position.at(4));
        assertThat(view.runLine.getText()).isEqualTo("under none, kernel 6.8");
        assertThat(stage.getTitle()).endsWith("[none, kernel 6.8]");
        robot.type(KeyCode.RIGHT);
        assertThat(snap().position()).as("the keys are back with the map").isEqualTo(Position.at(5));
        robot.clickOn(view.toolbar.policies);
        robot.clickOn("split-on-demand");
        assertThat(snap().run().kernel()).as("a policy switch keeps the kernel").isEqualTo("6.8");
    }

    @Test
    @DisplayName("the marker bar: a fault of the step just run is drawn over the cursor, not hidden under it")
    void faultMarkAtTheCursor(FxRobot robot) {
        focusMap(robot);
        robot.interact(() -> nav().seek(5));                  // overlap-crash under none: the RMP #PF at step 5
        robot.interact(() -> { });
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = view.timelineBar.snapshot(null, null));
        double row = (img[0].getHeight() - 10) / 4;
        int y = (int) (6 + row / 2);                            // the faults row
        javafx.scene.paint.Color want = javafx.scene.paint.Color.web("#D55E00");
        int n = 0;
        for (int x = (int) view.timelineBar.gutter(); x < img[0].getWidth(); x++) {
            javafx.scene.paint.Color c = img[0].getPixelReader().getColor(x, y);
            if (Math.abs(c.getRed() - want.getRed()) < 0.02 && Math.abs(c.getGreen() - want.getGreen()) < 0.02
                    && Math.abs(c.getBlue() - want.getBlue()) < 0.02) {
                n++;
            }
        }
        assertThat(n).as("fault-coloured pixels in the faults row at step 5").isGreaterThanOrEqualTo(3);
    }
}
