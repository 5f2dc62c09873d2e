package org.splitscope.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.cli.Cli;
import org.splitscope.core.history.Position;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.export.PngWriter;
import org.splitscope.render.CellLayout;
import org.splitscope.render.Layer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as a person uses it, headless (Monocle): the real main window, driven by clicks and keys
 * through TestFX. The simulation runs on the FX thread (same-thread executor), so each action has
 * finished when the robot returns; play ticks are run by hand.
 */
class MainViewFlowTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    HeatMapSkin skin() {
        return (HeatMapSkin) view.heatMap.getSkin();
    }

    /** The pixel at the middle of the cell that holds {@code pfn}, as the screen shows it. */
    int pixelOf(long pfn) {
        CellLayout l = skin().layout();
        long c = l.cellOf(pfn);
        return skin().pixel(l.xOf(c) + l.side() / 2, l.yOf(c) + l.side() / 2);
    }

    Point2D screenPointOf(long pfn) {
        CellLayout l = skin().layout();
        long c = l.cellOf(pfn);
        return view.heatMap.localToScreen(l.xOf(c) + l.side() / 2.0, l.yOf(c) + l.side() / 2.0);
    }

    void focusMap(FxRobot robot) {
        robot.interact(() -> view.heatMap.requestFocus());
    }

    @Test
    @DisplayName("opens a built-in scenario from the picker: title, description and caption show")
    void openBuiltin(FxRobot robot) {
        assertThat(view.title.getText()).isEqualTo("Host write through a 2M entry that covers a private frame");
        robot.clickOn(view.toolbar.scenarios);
        robot.clickOn("stale-tlb");
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("stale-tlb");
        assertThat(view.title.getText()).startsWith("Stale 4K TLB entries");
        assertThat(view.description.getText()).contains("set_direct_map_invalid_noflush");
        assertThat(view.caption.getText()).contains("as booted");
        assertThat(view.toolbar.policies.getValue()).isEqualTo("invalidate-noflush");
        assertThat(stage.getTitle()).contains("invalidate-noflush");
    }

    @Test
    @DisplayName("step and step back with the toolbar buttons; the buttons follow canStepBack/Forward")
    void stepButtons(FxRobot robot) {
        assertThat(view.toolbar.buttons.get(AppAction.STEP_BACK).isDisabled()).isTrue();
        robot.clickOn("#action-step");
        robot.clickOn("#action-step");
        assertThat(snap().position()).isEqualTo(Position.at(2));
        assertThat(view.caption.getText()).contains("CPU 0 writes frame 0x20005");
        assertThat(view.status.step.getText()).startsWith("step 2 of 8");
        assertThat(view.toolbar.buttons.get(AppAction.STEP_BACK).isDisabled()).isFalse();
        robot.clickOn("#action-step-back");
        assertThat(snap().position()).isEqualTo(Position.at(1));
        robot.clickOn("#action-to-end");
        assertThat(snap().position()).isEqualTo(Position.at(8));
        assertThat(view.toolbar.buttons.get(AppAction.STEP).isDisabled()).isTrue();
        assertThat(view.toolbar.buttons.get(AppAction.TO_END).isDisabled()).isTrue();
    }

    @Test
    @DisplayName("keys: Right/Left step, Shift+Right a micro-event, End/Home, and plain keys stay in text fields")
    void keys(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 3);
        assertThat(snap().position()).isEqualTo(Position.at(3));
        robot.type(KeyCode.LEFT, 2);
        assertThat(snap().position()).isEqualTo(Position.at(1));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);  // step 2 has 2 events: access, TLB fill
        assertThat(snap().position()).isEqualTo(new Position(1, 1));
        assertThat(view.micro.getText()).isNotBlank();
        robot.type(KeyCode.END);
        assertThat(snap().position().step()).isEqualTo(8);
        robot.type(KeyCode.HOME);
        assertThat(snap().position()).isEqualTo(Position.START);
        // typing in the breakpoint field moves the caret, not the run
        robot.clickOn(view.toolbar.breakpoint);
        robot.type(KeyCode.LEFT, 2);
        assertThat(snap().position()).isEqualTo(Position.START);
    }

    @Test
    @DisplayName("Space plays and pauses; playing advances on each tick")
    void playPause(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.SPACE);
        assertThat(nav().playingProperty().get()).isTrue();
        assertThat(((org.kordamp.ikonli.javafx.FontIcon) view.toolbar.buttons.get(AppAction.PLAY_PAUSE).getGraphic())
                .getIconCode()).isEqualTo(org.kordamp.ikonli.materialdesign2.MaterialDesignP.PAUSE);
        for (int i = 0; i < 3; i++) {
            tick(robot);                                        // 30 steps/s: one step per 33 ms
        }
        long first = snap().position().step();
        assertThat(first).isEqualTo(1);
        tick(robot);
        tick(robot);
        long later = snap().position().step();
        assertThat(later).isGreaterThan(first);
        robot.type(KeyCode.SPACE);
        assertThat(nav().playingProperty().get()).isFalse();
        tick(robot);
        assertThat(snap().position().step()).isEqualTo(later);
    }

    @Test
    @DisplayName("clicking a cell selects it and the inspector reads its RMP entry, leaf and TLB entries")
    void selectAndInspect(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 5);                          // after the RMP #PF
        robot.interact(() -> model.map().zoomTo(0x20000, 0x20200));    // one 2M region, 512 cells
        assertThat(skin().layout().unit().frames()).isEqualTo(1);
        robot.moveTo(screenPointOf(0x20005));
        assertThat(view.hover.getText()).isEqualTo(
                "frame 0x20005: under a 2M leaf at 0x20000; RMP HYPERVISOR; TLB: 2 entries (RMP_HAZARD)");
        robot.clickOn(screenPointOf(0x20001));
        assertThat(view.inspector.title.getText()).contains("Frame 0x20001");
        String fields = view.inspector.fields.getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).reduce("", (a, b) -> a + "|" + b);
        assertThat(fields).contains("GUEST_INVALID").contains("4K entry, ASID 1").contains("under a 2M leaf at 0x20000");
        assertThat(view.inspector.tlb.getText()).contains("CPU 0: 2M entry 0x20000").contains("RMP_HAZARD");
        assertThat(view.inspector.lastEvent.getText()).contains("RMPUPDATE 0x20001");
        // the link jumps to the event that last changed the frame
        // the link jumps to right after the event that last changed the frame (the RMPUPDATE of step 3)
        robot.interact(() -> ((javafx.scene.control.ScrollPane) view.inspector.getParent().getParent().getParent()).setVvalue(1));
        robot.clickOn(view.inspector.jump);
        assertThat(snap().position()).isEqualTo(Position.at(3));
    }

    @Test
    @DisplayName("toggling the direct-map layer changes the pixels of the map, and back")
    void toggleLayer(FxRobot robot) {
        int before = pixelOf(0x20000);
        robot.clickOn("Legend");
        CheckBox dm = view.legend.toggles.get(Layer.DIRECT_MAP);
        robot.clickOn(dm);
        assertThat(model.map().layersProperty().get()).doesNotContain(Layer.DIRECT_MAP);
        assertThat(pixelOf(0x20000)).isNotEqualTo(before);
        robot.clickOn(dm);
        assertThat(model.map().layersProperty().get()).contains(Layer.DIRECT_MAP);
        assertThat(pixelOf(0x20000)).isEqualTo(before);
    }

    @Test
    @DisplayName("switching policy re-runs the scenario and stays at the same step: no crash under split-on-demand")
    void switchPolicy(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 5);
        assertThat(snap().status().summary().rmpFaults()).isEqualTo(1);
        robot.clickOn(view.toolbar.policies);
        robot.clickOn("split-on-demand");
        assertThat(nav().runProperty().get().policy()).isEqualTo("split-on-demand");
        assertThat(snap().position()).isEqualTo(Position.at(5));
        assertThat(snap().status().summary().rmpFaults()).isZero();
        assertThat(snap().status().summary().level2Splits()).isEqualTo(1);
        assertThat(view.micro.getText()).endsWith("no fault");
        assertThat(view.message.getText()).isEqualTo("Re-ran under split-on-demand, kernel 6.18 at step 5");
    }

    @Test
    @DisplayName("export from the dialog (Ctrl+E): the PNG has the chosen size and the same pixels as the command line")
    void exportHeatMap(FxRobot robot, @TempDir Path dir) throws Exception {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 5);
        Path out = dir.resolve("app.png");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        TextField file = robot.lookup("#export-file").queryAs(TextField.class);
        robot.interact(() -> {
            file.setText(out.toString());
            robot.lookup("#export-width").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(800);
            robot.lookup("#export-height").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(600);
        });
        robot.clickOn("OK");
        assertThat(out).exists();
        int[] size = new int[2];
        int[] app = PngWriter.read(out, size);
        assertThat(size).containsExactly(800, 600);

        Path cliOut = dir.resolve("cli.png");
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"export", "--scenario", "overlap-crash", "--step", "5", "--out", cliOut.toString(),
                "--width", "800", "--height", "600"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        int[] cliSize = new int[2];
        int[] cli = PngWriter.read(cliOut, cliSize);
        assertThat(cliSize).containsExactly(800, 600);
        assertThat(app).as("the app and the command line draw the same pixels").isEqualTo(cli);
    }

    @Test
    @DisplayName("export the whole window: the PNG is the window's size")
    void exportWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("window.png");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        robot.clickOn("#export-window");
        TextField file = robot.lookup("#export-file").queryAs(TextField.class);
        robot.interact(() -> file.setText(out.toString()));
        robot.clickOn("OK");
        int[] size = new int[2];
        int[] px = PngWriter.read(out, size);
        assertThat(size[0]).isEqualTo((int) Math.round(view.root.getWidth()));
        assertThat(size[1]).isEqualTo((int) Math.round(view.root.getHeight()));
        assertThat(java.util.Arrays.stream(px).distinct().count()).as("not a blank picture").isGreaterThan(20);
    }

    @Test
    @DisplayName("a bad scenario file gets a dialog naming file, line and cause; the current run stays loaded")
    void badFile(FxRobot robot, @TempDir Path dir) throws Exception {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 3);
        Path bad = dir.resolve("broken.yaml");
        Files.writeString(bad, "splitscope: 1\nname: broken\nmachine:\n  ram: lots\n  cpus: 4\nsteps: []\n");
        robot.interact(() -> nav().openFile(bad));
        assertThat(dialogs.lastError()).contains("broken.yaml").contains(":4").contains("ram");
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("broken.yaml");
        robot.clickOn("OK");
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("overlap-crash");
        assertThat(snap().position()).isEqualTo(Position.at(3));
    }

    @Test
    @DisplayName("choosing an event-log row jumps right after that event")
    void eventLogJump(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 5);
        AtomicReference<TableRow<?>> fill = new AtomicReference<>();
        for (javafx.scene.Node n : robot.lookup(".table-row-cell").queryAll()) {
            TableRow<?> r = (TableRow<?>) n;
            if (r.getItem() instanceof Snapshot.EventRow e && e.step() == 4 && e.kind().equals("TLB fill")) {
                fill.set(r);
            }
        }
        assertThat(fill.get()).as("row 'TLB fill' of step 4 is shown").isNotNull();
        Snapshot.EventRow row = (Snapshot.EventRow) fill.get().getItem();
        robot.clickOn(fill.get());
        assertThat(snap().position()).isEqualTo(row.after());
        assertThat(snap().position()).as("the TLB fill is the last event of step 4").isEqualTo(Position.at(4));
    }

    @Test
    @DisplayName("dark theme (Ctrl+T) restyles the window and the map; UI scale enlarges the fonts")
    void themeAndScale(FxRobot robot) {
        int light = skin().pixel(1, 1);
        robot.press(KeyCode.CONTROL).press(KeyCode.T).release(KeyCode.T).release(KeyCode.CONTROL);
        assertThat(model.map().darkProperty().get()).isTrue();
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        assertThat(skin().pixel(1, 1)).isNotEqualTo(light);
        double before = view.caption.getFont().getSize();
        robot.interact(() -> view.setUiScale(2.0));
        robot.interact(() -> view.root.applyCss());
        assertThat(view.caption.getFont().getSize()).isGreaterThan(before * 1.8);
    }

    @Test
    @DisplayName("breakpoints from the toolbar: Enter runs to the first split, Ctrl+Left runs back to it")
    void breakpoints(FxRobot robot) {
        robot.clickOn(view.toolbar.policies);
        robot.clickOn("split-on-demand");
        robot.doubleClickOn(view.toolbar.breakpoint).eraseText(20).write("split").type(KeyCode.ENTER);
        Position hit = snap().position();
        assertThat(hit.step()).as("the split happens inside step 3").isEqualTo(2);
        assertThat(hit.boundary()).isFalse();
        assertThat(view.micro.getText()).contains("split");
        assertThat(view.message.getText()).startsWith("Stopped at");
        focusMap(robot);
        robot.type(KeyCode.END);
        robot.press(KeyCode.CONTROL).type(KeyCode.LEFT).release(KeyCode.CONTROL);
        assertThat(snap().position()).isEqualTo(hit);
        robot.doubleClickOn(view.toolbar.breakpoint).eraseText(20).write("nonsense=1").type(KeyCode.ENTER);
        assertThat(dialogs.lastError()).startsWith("Breakpoint:");
        robot.clickOn("OK");
    }

    @Test
    @DisplayName("bookmarks: Ctrl+B names the position, the list and the timeline show it, Go returns to it")
    void bookmarks(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 4);
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Name this position");
        TextField name = robot.from(dialog).lookup(".text-field").queryAs(TextField.class);
        robot.interact(() -> name.setText("before the crash"));
        robot.clickOn("OK");
        assertThat(view.bookmarks.getItems()).containsExactly("step 4  before the crash");
        focusMap(robot);
        robot.type(KeyCode.END);
        robot.clickOn(robot.lookup(".tab-label").match(org.testfx.matcher.control.LabeledMatchers.hasText("Bookmarks"))
                .queryAs(javafx.scene.Node.class));                   // the tab, not the menu of the same name
        robot.clickOn("step 4  before the crash");
        robot.clickOn("Go");
        assertThat(snap().position()).isEqualTo(Position.at(4));
    }

    @Test
    @DisplayName("the event log filter: guest and frame range narrow the rows; Clear shows them all again")
    void eventFilter(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.END);
        int all = view.eventLog.table.getItems().size();
        robot.clickOn(view.eventLog.guest).write("1").type(KeyCode.ENTER);
        assertThat(view.eventLog.table.getItems()).isNotEmpty().allMatch(r -> r.guest() == 1);
        robot.clickOn(view.eventLog.guest).eraseText(1).type(KeyCode.ENTER);
        robot.clickOn(view.eventLog.frames).write("0x20205").type(KeyCode.ENTER);
        assertThat(view.eventLog.table.getItems()).isNotEmpty().allMatch(r -> r.frames().startsWith("0x20205")
                || r.frames().startsWith("0x20200"));
        robot.clickOn("Clear");
        assertThat(view.eventLog.table.getItems()).hasSize(all);
        // bad input: one line naming the field, and the filter as it was
        robot.clickOn(view.eventLog.guest).write("abc").type(KeyCode.ENTER);
        assertThat(view.eventLog.status()).isEqualTo("guest: 'abc' is not a number (decimal, or hex with 0x); the filter is unchanged");
        assertThat(view.eventLog.table.getItems()).hasSize(all);
        robot.clickOn(view.eventLog.guest).eraseText(3);
        robot.clickOn(view.eventLog.frames).write("0x20300-0x100").type(KeyCode.ENTER);
        assertThat(view.eventLog.status()).startsWith("frames: the range 0x20300-0x100 ends before it starts");
        assertThat(view.eventLog.table.getItems()).hasSize(all);
    }
}
