package org.splitscope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.history.Position;
import org.splitscope.ui.service.EventWords;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the app does with what it is given and what it says about it: a scenario whose boot file lies
 * outside its folder asks once per folder (issue 14 item 6), warnings go to the message bar, a
 * machine the heap cannot hold is refused before it is built (item 8), the window has the app's icon
 * (issue 16); a 2M leaf made not present in place says so and since when (R28), and the words for
 * faults (R16) and conversions (R21). Dialogs go through an injected dialog service.
 */
class InputFlowTest extends AppWindowTest {
    static final Path IMPORTS = Path.of("src/test/resources/imports");
    final ScriptedDialogs scripted = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        open(stage, scripted);
    }

    void focusMap(FxRobot robot) {
        robot.interact(() -> view.heatMap.requestFocus());
    }

    String inspectorFields() {
        return view.inspector.fields.getChildren().stream().map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + "|" + b);
    }

    @Test
    @DisplayName("a boot file outside the scenario's folder: asked once per folder; declined, nothing opens; allowed,"
            + " it opens and the folder stays allowed")
    void askOncePerFolder(FxRobot robot, @TempDir Path dir) throws Exception {
        Path mail = Files.createDirectories(dir.resolve("mail"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(IMPORTS.resolve("epyc-64g.meminfo"), elsewhere.resolve("m.meminfo"));
        for (String name : new String[] {"a", "b"}) {
            Files.writeString(mail.resolve(name + ".yaml"), "splitscope: 1\nname: " + name
                    + "\nmachine:\n  boot: meminfo:../elsewhere/m.meminfo\n");
        }
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 2);
        scripted.allow = false;
        robot.interact(() -> nav().openFile(mail.resolve("a.yaml")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scripted.asked).singleElement().asString().startsWith("Allow reading files in ")
                .contains("elsewhere");
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("overlap-crash");
        assertThat(snap().position()).isEqualTo(Position.at(2));
        scripted.allow = true;
        robot.interact(() -> nav().openFile(mail.resolve("a.yaml")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scripted.asked).hasSize(2);
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("a");
        assertThat(snap().run().frames() * 4096).as("the 64 GiB host of the meminfo").isGreaterThan(60L << 30);
        robot.interact(() -> nav().openFile(mail.resolve("b.yaml")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scripted.asked).as("the folder is allowed for the session: no second question").hasSize(2);
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("b");
        assertThat(scripted.errors).isEmpty();
    }

    @Test
    @DisplayName("a scenario's warnings show in the message bar")
    void warnings(FxRobot robot, @TempDir Path dir) throws Exception {
        Files.copy(IMPORTS.resolve("kaslr-dmesg.log"), dir.resolve("kaslr-dmesg.log"));
        Files.writeString(dir.resolve("w.yaml"), "splitscope: 1\nname: w\nmachine:\n"
                + "  boot: ptdump:kaslr-dmesg.log@0xff11a6c000000000\n");
        robot.interact(() -> nav().openFile(dir.resolve("w.yaml")));
        assertThat(scripted.errors).isEmpty();
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("w");
        assertThat(view.message.getText()).startsWith("Opened w under").contains("Warning: ")
                .contains("last mapped leaf");
    }

    @Test
    @DisplayName("a machine the heap cannot hold is refused before it is built, saying what it needs; the run stays")
    void heapRefusal(FxRobot robot, @TempDir Path dir) throws Exception {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 3);
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "splitscope: 1\nname: huge\nmachine:\n  ram: 16TiB\n  cpus: 4\npolicy: none\nsteps: []\n");
        robot.interact(() -> nav().openFile(huge));
        assertThat(scripted.errors).singleElement().asString().startsWith("Cannot open " + huge + ": a machine of 16 TiB"
                + " needs about").contains("of heap").contains("-Xmx");
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("overlap-crash");
        assertThat(snap().position()).isEqualTo(Position.at(3));
    }

    @Test
    @DisplayName("the window has the app's icon in its sizes")
    void windowIcon() {
        assertThat(stage.getIcons()).extracting(Image::getWidth).contains(16.0, 32.0, 48.0, 256.0);
        assertThat(stage.getIcons()).allSatisfy(i -> assertThat(i.isError()).isFalse());
    }

    @Test
    @DisplayName("R28: a 2M leaf made not present in place: the inspector and the hover line say which leaf and since"
            + " when, never 'under a 2M leaf' as if present")
    void notPresentLeaf(FxRobot robot) {
        robot.interact(() -> nav().openBuiltin("gmem-2m"));
        robot.interact(() -> nav().runToBreakpoint("np-fault", true));
        robot.interact(() -> model.map().zoomTo(0x3c000, 0x3c200));
        robot.interact(() -> model.map().selectFrames(0x3c010, 0x3c011));
        assertThat(inspectorFields()).contains("Direct map|under the 2M leaf at 0x3c000, not present since step 26"
                + " (made not present in place, without a split: any host access through it is a not-present #PF"
                + " (oops), R28)").doesNotContain("under a 2M leaf");
        robot.interact(() -> model.map().selectFrames(0x3c000, 0x3c200));
        assertThat(inspectorFields()).contains("Direct map|2M leaf at 0x3c000, not present since step 26");
        robot.moveTo(view.heatMap);
        assertThat(view.hover.getText()).contains("under the 2M leaf at 0x3c000, not present since step 26");
        // the step that made it so: its PTE event is in step 26
        robot.interact(() -> nav().runToBreakpoint("pte pfn=0x3c010", false));
        assertThat(snap().position().step() + 1).isEqualTo(26);
    }

    @Test
    @DisplayName("R16 and R21 in words: an RMP #PF is an oops and the thread's host crash; a conversion is made in place")
    void words(FxRobot robot) {
        focusMap(robot);
        robot.type(KeyCode.RIGHT, 5);
        assertThat(view.micro.getText()).endsWith("->  " + EventWords.RMP_FAULT);
        assertThat(view.eventLog.table.getItems()).anyMatch(r -> r.kind().equals(EventWords.RMP_FAULT));
        assertThat(view.legend.lookupAll(".label")).anyMatch(n -> ((Label) n).getText().startsWith(EventWords.RMP_FAULT));
        robot.interact(() -> nav().openBuiltin("gmem-2m"));
        robot.interact(() -> nav().runToBreakpoint("psmash", true));
        robot.interact(() -> nav().seek(snap().position().step() + 1));
        assertThat(view.micro.getText()).contains("converts 4K").contains("converted in place").contains("mainline 6.18"
                + " backs shared memory with other pages");
    }
}
