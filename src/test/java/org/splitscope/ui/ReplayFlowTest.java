package org.splitscope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.history.Position;
import org.splitscope.ui.model.ReplayModel;
import org.splitscope.ui.service.Snapshot.EventRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Host recordings in the app (TRACE.md, issue 11 item 3): opened from the service command, the
 * picker and File > Open (an injected dialog service chooses the trace.txt), replayed with their
 * mismatches on the timeline, in the event log (both figures; a row jumps to its step) and in the
 * inspector with the step's trace line; the kernel picker turns the replay into a what-if at the
 * same step. The example is the built-in recording: as traced it has no mismatch, on 6.8 three
 * (the per-page range flushes 6.8's set_memory_4k does not do, at trace lines 5, 21 and 36).
 */
class ReplayFlowTest extends AppWindowTest {
    static final String EXAMPLE = "snp-host-split-on-demand";
    static final Path EXAMPLE_DIR = Path.of("assets/recordings", EXAMPLE);
    final ScriptedDialogs scripted = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        open(stage, scripted);
    }

    ReplayModel replay() {
        return model.replay();
    }

    List<EventRow> mismatchRows() {
        return view.eventLog.table.getItems().stream().filter(r -> r.kind().equals("mismatch")).toList();
    }

    @Test
    @DisplayName("the service command opens a recording's directory: a replay as the traced host, with no mismatch")
    void openDirectory(FxRobot robot) {
        robot.interact(() -> nav().openFile(EXAMPLE_DIR));
        assertThat(scripted.errors).isEmpty();
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo(EXAMPLE);
        assertThat(nav().runProperty().get().file()).isEqualTo(EXAMPLE_DIR);
        assertThat(nav().runProperty().get().policy()).isEqualTo("split-on-demand");
        assertThat(view.runLine.getText()).isEqualTo("under split-on-demand, kernel 6.18");
        assertThat(replay().replayingProperty().get()).isTrue();
        assertThat(replay().mismatchCountProperty().get()).isZero();
        assertThat(replay().summaryProperty().get()).contains("Replayed as the traced host").contains("0 mismatches");
        assertThat(view.message.getText()).contains("as the traced host: 0 mismatches");
        assertThat(view.timelineBar.showsMismatches()).isTrue();
        assertThat(nav().scenarioChoiceProperty().get()).isEqualTo("file: " + EXAMPLE);
        // a scenario afterwards: no replay, no mismatch row
        robot.interact(() -> nav().openBuiltin("overlap-crash"));
        assertThat(replay().replayingProperty().get()).isFalse();
        assertThat(view.timelineBar.showsMismatches()).isFalse();
    }

    @Test
    @DisplayName("File > Open (Ctrl+O) takes a recording's trace.txt through the dialog service")
    void fileOpenTraceTxt(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("my-host"));
        try (var files = Files.list(EXAMPLE_DIR)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        scripted.nextFile = dir.resolve("trace.txt");
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        assertThat(scripted.errors).isEmpty();
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("my-host");
        assertThat(nav().runProperty().get().file()).isEqualTo(dir);
        assertThat(replay().replayingProperty().get()).isTrue();
        assertThat(nav().recentFiles()).contains(dir.toString());
        // File > Open recording folder takes the directory itself
        scripted.nextDirectory = EXAMPLE_DIR;
        robot.interact(() -> view.openFiles.chooseFolder());
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo(EXAMPLE);
    }

    @Test
    @DisplayName("a bad recording is one message naming file and line; the run shown stays")
    void badRecording(FxRobot robot, @TempDir Path tmp) throws Exception {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 2);
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.copy(EXAMPLE_DIR.resolve("host.txt"), dir.resolve("host.txt"));
        Files.copy(EXAMPLE_DIR.resolve("ptdump.before"), dir.resolve("ptdump.before"));
        Files.writeString(dir.resolve("trace.txt"), " qemu-5120 [003] 7391.402121: rmp_private: pfn=0x1c3a41 gpa=0x0"
                + " level=7 asid=1\n");
        robot.interact(() -> nav().openFile(dir));
        assertThat(scripted.errors).singleElement().asString().startsWith("Cannot open " + dir.resolve("trace.txt") + ":1:")
                .contains("level").doesNotContain("Exception");
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("overlap-crash");
        assertThat(snap().position()).isEqualTo(Position.at(2));
    }

    @Test
    @DisplayName("the kernel picker makes a what-if at the same step: mismatches recomputed, on the timeline, in the log"
            + " with both figures, a row jumps there, the inspector quotes the step's trace line")
    void whatIf(FxRobot robot) {
        robot.clickOn(view.toolbar.scenarios);
        robot.clickOn(EXAMPLE + "  (host recording)");
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo(EXAMPLE);
        assertThat(mismatchRowsOnTimeline(robot)).isZero();
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 5);
        robot.clickOn(view.toolbar.kernels);
        robot.clickOn("6.8");
        assertThat(nav().runProperty().get().kernel()).isEqualTo("6.8");
        assertThat(snap().position()).isEqualTo(Position.at(5));
        assertThat(stage.getTitle()).contains("kernel 6.8");
        assertThat(replay().mismatchCountProperty().get()).isEqualTo(3);
        assertThat(replay().summaryProperty().get()).contains("What-if: replayed as split-on-demand, kernel 6.8")
                .contains("the host ran split-on-demand, kernel 6.18").contains("range_flush_ipis 3");
        assertThat(view.message.getText()).contains("what-if against the host's trace: 3 mismatches");
        assertThat(mismatchRowsOnTimeline(robot)).as("the timeline's mismatch row is drawn").isGreaterThan(0);
        // the log lists the mismatches of the steps run so far (lines 5 and 21), after their step's events
        assertThat(mismatchRows()).extracting(EventRow::step).containsExactly(1L, 4L);
        assertMismatchesAfterTheirStep();
        assertThat(mismatchRows().get(0).text()).isEqualTo("trace.txt:5 rmp_private: range_flush_ipis observed 7 on"
                + " the host, predicted 0 (split-on-demand, kernel 6.8)");
        robot.type(KeyCode.END);
        assertThat(mismatchRows()).extracting(EventRow::step).containsExactly(1L, 4L, 8L);
        assertMismatchesAfterTheirStep();
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.RIGHT);
        assertThat(mismatchRows()).extracting(EventRow::step).containsExactly(1L);
        assertMismatchesAfterTheirStep();
        robot.type(KeyCode.END);
        assertThat(replay().mismatches()).hasSize(3);
        // choosing the row of line 21 jumps right after its step; the inspector quotes that line
        EventRow line21 = mismatchRows().get(1);
        robot.interact(() -> view.eventLog.table.scrollTo(line21));
        TableRow<?> row = robot.lookup(".table-row-cell").queryAll().stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getItem() instanceof EventRow e && e.text().startsWith("trace.txt:21 ")).findFirst()
                .orElseThrow();
        robot.clickOn(row);
        assertThat(snap().position()).isEqualTo(Position.at(4));
        assertThat(view.inspector.traceLocation.getText()).isEqualTo("trace.txt:21");
        assertThat(view.inspector.traceQuote.getText()).contains("rmp_private:").contains("level=1");
        assertThat(view.inspector.traceQuote.isVisible()).isTrue();
        assertThat(view.inspector.stepCheck.getText()).isEqualTo("1 mismatch: range_flush_ipis observed 7, predicted 0");
        assertThat(view.caption.getText()).startsWith("trace.txt:21: ");
        // back to the traced kernel: the mismatches are gone, the step stays
        robot.clickOn(view.toolbar.kernels);
        robot.clickOn("6.18");
        assertThat(snap().position()).isEqualTo(Position.at(4));
        assertThat(replay().mismatchCountProperty().get()).isZero();
        assertThat(mismatchRowsOnTimeline(robot)).isZero();
        assertThat(view.inspector.stepCheck.getText()).startsWith("matches the host");
    }

    @Test
    @DisplayName("the policy picker replays under another policy: what the host did and none would")
    void policyWhatIf(FxRobot robot) {
        robot.interact(() -> nav().openBuiltin(EXAMPLE));
        robot.clickOn(view.toolbar.policies);
        robot.clickOn("none");
        assertThat(nav().runProperty().get().policy()).isEqualTo("none");
        assertThat(replay().summaryProperty().get()).contains("set_memory_4k 3").contains("splits 3");
        assertThat(replay().mismatchCountProperty().get()).isGreaterThanOrEqualTo(12);
    }

    @Test
    @DisplayName("the log's filter: a guest or frame range keeps the mismatches it names; a kind filter shows events only")
    void mismatchFilter(FxRobot robot) {
        robot.interact(() -> nav().openBuiltin(EXAMPLE));
        robot.interact(() -> nav().switchKernel("6.8"));
        robot.interact(() -> nav().toEnd());
        assertThat(view.eventLog.status()).startsWith("27 events and 3 mismatches with the host's trace");
        robot.clickOn(view.eventLog.guest).write("1").type(KeyCode.ENTER);
        assertThat(mismatchRows()).extracting(EventRow::step).containsExactly(1L, 4L);   // line 36 is a release
        assertThat(view.eventLog.status()).contains("and 2 mismatches");
        robot.clickOn(view.eventLog.guest).eraseText(1).type(KeyCode.ENTER);
        robot.clickOn(view.eventLog.frames).write("0x1c5e00-0x1c5fff").type(KeyCode.ENTER);
        assertThat(mismatchRows()).extracting(EventRow::step).containsExactly(4L);
        robot.clickOn("Clear");
        robot.interact(() -> view.eventLog.kinds.getCheckModel().check(org.splitscope.core.event.EventKind.SPLIT));
        assertThat(mismatchRows()).isEmpty();
        assertThat(view.eventLog.table.getItems()).isNotEmpty();
    }

    /** Each mismatch row comes right after the last event of its step. */
    void assertMismatchesAfterTheirStep() {
        List<EventRow> rows = view.eventLog.table.getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind().equals("mismatch")) {
                assertThat(i).as("a mismatch row follows its step's events").isGreaterThan(0);
                assertThat(rows.get(i - 1).step()).as("row before the mismatch of step " + rows.get(i).step())
                        .isEqualTo(rows.get(i).step());
                if (i + 1 < rows.size()) {
                    assertThat(rows.get(i + 1).step()).isGreaterThan(rows.get(i).step());
                }
            }
        }
    }

    void focusMap(FxRobot robot) {
        robot.interact(() -> view.heatMap.requestFocus());
    }

    /** Pixels of the timeline bar's fifth row in the mismatch colour. */
    long mismatchRowsOnTimeline(FxRobot robot) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.timelineBar.snapshot(null, null));
        double h = img[0].getHeight();
        double row = (h - 10) / 5;
        int y = (int) (6 + 4 * row + row / 2);
        Color want = Color.web("#CC79A7");
        long n = 0;
        for (int x = (int) view.timelineBar.gutter(); x < img[0].getWidth(); x++) {
            Color c = img[0].getPixelReader().getColor(x, y);
            if (Math.abs(c.getRed() - want.getRed()) < 0.02 && Math.abs(c.getGreen() - want.getGreen()) < 0.02
                    && Math.abs(c.getBlue() - want.getBlue()) < 0.02) {
                n++;
            }
        }
        return n;
    }
}
