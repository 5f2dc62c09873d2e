package org.splitscope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.history.Position;
import org.splitscope.render.Viewport;
import org.splitscope.scenario.Tour;
import org.splitscope.ui.service.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presentation mode and tours in the app (issue 13 items 1 and 2), driven by the keys a presenter and a
 * clicker send: F5 enters, the strip says what the applied snapshot says, PageDown/PageUp/Right/Left
 * step, PageDown past a tour stop's last step opens the next stop at its step or breakpoint, speaker
 * notes stay off the projected window, Esc leaves; {@code --present} starts there.
 */
class PresentFlowTest extends AppWindowTest {
    final ScriptedDialogs scripted = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        open(stage, scripted, 1280, 780);
    }

    PresentationView pv() {
        return view.presentation;
    }

    /** The strip and the big caption show exactly the applied snapshot's step, policy, kernel and outcome. */
    void assertStripIsTheSnapshot() {
        Snapshot s = snap();
        assertThat(pv().step.getText()).isEqualTo("step " + s.position() + " of " + s.run().totalSteps());
        assertThat(pv().policy.getText()).isEqualTo(s.run().policy());
        assertThat(pv().kernel.getText()).isEqualTo("kernel " + s.run().kernel());
        assertThat(pv().outcome.getText()).isEqualTo(s.step().outcome()).isNotBlank();
        assertThat(pv().caption.getText()).isEqualTo(s.step().caption());
        assertThat(pv().frames.getText()).as("the strip says which frames the map shows")
                .startsWith(s.map().viewportText());
    }

    /** Every text drawn in the window's scene (visible nodes only). */
    static List<String> shownTexts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    @Test
    @DisplayName("F5 enters: map, caption and strip alone; the strip follows every key; Esc leaves and restores")
    void presentAndStep(FxRobot robot) {
        assertThat(view.menus.bar.getScene()).isNotNull();
        robot.type(KeyCode.F5);
        assertThat(model.present().presentingProperty().get()).isTrue();
        assertThat(view.root.getTop()).isSameAs(pv().caption);
        assertThat(view.root.getBottom()).isSameAs(pv().strip);
        assertThat(view.menus.bar.getScene()).as("menus gone").isNull();
        assertThat(view.toolbar.bar.getScene()).as("toolbar gone").isNull();
        assertThat(view.legend.getScene()).as("side panel gone").isNull();
        assertThat(view.eventLog.getScene()).as("bottom panel gone").isNull();
        assertThat(view.heatMap.getScene()).isNotNull();
        assertThat(pv().caption.getFont().getSize()).as("the caption in large type")
                .isGreaterThan(view.caption.getFont().getSize());
        assertStripIsTheSnapshot();
        assertThat(snap().position()).isEqualTo(Position.START);

        robot.type(KeyCode.PAGE_DOWN);
        assertThat(snap().position()).isEqualTo(Position.at(1));
        assertStripIsTheSnapshot();
        robot.type(KeyCode.RIGHT);
        assertThat(snap().position()).isEqualTo(Position.at(2));
        assertStripIsTheSnapshot();
        robot.type(KeyCode.PAGE_DOWN, 3);
        assertThat(snap().position()).isEqualTo(Position.at(5));
        assertStripIsTheSnapshot();
        assertThat(pv().outcome.getText()).as("step 5 of overlap-crash faults under none").contains("RMP");
        robot.type(KeyCode.PAGE_UP);
        assertThat(snap().position()).isEqualTo(Position.at(4));
        assertStripIsTheSnapshot();
        robot.type(KeyCode.LEFT);
        assertThat(snap().position()).isEqualTo(Position.at(3));
        assertStripIsTheSnapshot();
        // another policy while presenting: re-run at the same step, and the strip says so
        robot.interact(() -> nav().switchPolicy("split-on-demand"));
        assertThat(snap().run().policy()).isEqualTo("split-on-demand");
        assertStripIsTheSnapshot();

        robot.type(KeyCode.ESCAPE);
        assertThat(model.present().presentingProperty().get()).isFalse();
        assertThat(view.menus.bar.getScene()).as("menus back").isNotNull();
        assertThat(view.toolbar.bar.getScene()).isNotNull();
        assertThat(view.legend.getScene()).as("side panel back").isNotNull();
        assertThat(view.eventLog.getScene()).as("bottom panel back").isNotNull();
        assertThat(view.root.getTop()).isNotSameAs(pv().caption);
        // outside presentation mode PageDown still steps, Esc does nothing more
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(snap().position()).isEqualTo(Position.at(4));
    }

    @Test
    @DisplayName("follow the action is on while presenting and off again after; it frames the step's frames")
    void followWhilePresenting(FxRobot robot) {
        assertThat(model.map().followProperty().get()).isFalse();
        robot.type(KeyCode.F5);
        assertThat(model.map().followProperty().get()).isTrue();
        long whole = snap().map().layout().viewport().span();
        robot.type(KeyCode.PAGE_DOWN, 5);
        // glide frames come from the virtual clock
        for (int i = 0; i < 40; i++) {
            tick(robot);
        }
        Viewport vp = snap().map().layout().viewport();
        assertThat(vp.span()).as("zoomed to the step's frames").isLessThan(whole);
        assertThat(vp.start()).isLessThanOrEqualTo(0x20005);
        assertThat(vp.start() + vp.span()).isGreaterThan(0x20005);
        assertThat(snap().map().layout().side()).as("never finer than a cell can be drawn")
                .isGreaterThanOrEqualTo(org.splitscope.render.CellLayout.MIN_SIDE);
        robot.type(KeyCode.ESCAPE);
        assertThat(model.map().followProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a tour stop shows one run, the one its strip names, even on a scenario that opens comparing (gmem-2m)")
    void stopShowsOneRun(FxRobot robot) {
        robot.interact(() -> model.tour().open("thread-argument"));
        Tour tour = model.tour().tourProperty().get();
        int last = tour.stops().size() - 1;
        assertThat(tour.stops().get(last).scenario()).isEqualTo("gmem-2m");
        robot.interact(() -> model.tour().openStop(last));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(snap().run().scenarioId()).isEqualTo("gmem-2m");
        assertThat(snap().compare() == null ? List.of() : snap().compare().panes()).as("no compared runs at a tour stop").isEmpty();
    }

    @Test
    @DisplayName("File > Open tour: PageDown past a stop's last step opens the next stop at its step, then at its break;"
            + " PageUp goes back; notes only in the presenter window")
    void tourNavigation(FxRobot robot) {
        scripted.nextFile = Path.of("assets/tours/thread-argument.yaml");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        Tour tour = model.tour().tourProperty().get();
        assertThat(tour).as("the tour opened").isNotNull();
        assertThat(scripted.errors).isEmpty();
        assertThat(model.tour().indexProperty().get()).isZero();
        Tour.Stop first = tour.stops().get(0);
        assertThat(snap().run().scenarioId()).isEqualTo(first.scenario());
        assertThat(snap().run().policy()).isEqualTo(first.policy());
        assertThat(snap().position()).isEqualTo(Position.at(first.step()));
        assertThat(snap().map().layout().viewport()).isEqualTo(new Viewport(0x20000, 0x200));

        robot.type(KeyCode.F5);
        assertThat(pv().stop.getText()).isEqualTo("stop 1 of " + tour.stops().size() + ": " + first.label());
        assertThat(pv().presenter()).as("the presenter window opens with a tour").isNotNull();
        assertThat(pv().presenter().isShowing()).isTrue();
        assertThat(pv().presenter().notes.getText()).isEqualTo(first.notes());
        String notesWords = first.notes().substring(0, 40);
        assertThat(shownTexts(view.root)).as("no speaker notes on the projected window")
                .noneMatch(t -> t.contains(notesWords));

        long total = snap().run().totalSteps();
        int presses = 0;
        while (model.tour().indexProperty().get() == 0 && presses < total + 2) {
            robot.type(KeyCode.PAGE_DOWN);
            presses++;
            if (model.tour().indexProperty().get() == 0) {
                assertStripIsTheSnapshot();
            }
        }
        assertThat(presses).as("the last step of stop 1, then the next stop").isEqualTo((int) (total - first.step() + 1));
        Tour.Stop second = tour.stops().get(1);
        assertThat(snap().run().scenarioId()).isEqualTo(second.scenario());
        assertThat(snap().run().policy()).isEqualTo(second.policy());
        assertThat(snap().position()).isEqualTo(Position.at(second.step()));
        assertStripIsTheSnapshot();
        assertThat(pv().stop.getText()).startsWith("stop 2 of ");
        assertThat(pv().presenter().notes.getText()).isEqualTo(second.notes());
        assertThat(shownTexts(view.root)).noneMatch(t -> t.contains(second.notes().substring(0, 40)));

        // to the end of stop 2, then stop 3, which stops right after its breakpoint (rmp-fault)
        robot.interact(() -> nav().toEnd());
        robot.type(KeyCode.PAGE_DOWN);
        Tour.Stop third = tour.stops().get(2);
        assertThat(model.tour().indexProperty().get()).isEqualTo(2);
        assertThat(third.breakAt()).isEqualTo("rmp-fault");
        assertThat(snap().step().outcome()).as("stopped right after the RMP fault").contains("RMP");
        assertThat(snap().message().text()).doesNotContain("no event");
        assertStripIsTheSnapshot();
        // PageUp steps back within the stop; before its first step it opens the previous stop
        robot.interact(() -> nav().toStart());
        robot.type(KeyCode.PAGE_UP);
        assertThat(model.tour().indexProperty().get()).isEqualTo(1);
        assertThat(snap().position()).isEqualTo(Position.at(second.step()));
        robot.type(KeyCode.ESCAPE);
        assertThat(model.present().presentingProperty().get()).isFalse();
    }

    @Test
    @DisplayName("--present [tour]: the app starts presenting the tour's first stop; --present alone presents overlap-crash")
    void presentArgument(FxRobot robot) {
        LaunchArgs plain = LaunchArgs.parse(List.of());
        assertThat(plain.present()).isFalse();
        LaunchArgs bare = LaunchArgs.parse(List.of("--present"));
        assertThat(bare.present()).isTrue();
        assertThat(bare.target()).isNull();
        LaunchArgs withTour = LaunchArgs.parse(List.of("--present", "thread-argument"));
        assertThat(withTour.tour()).isTrue();
        assertThat(LaunchArgs.parse(List.of("--present", "assets/tours/thread-argument.yaml")).tour()).isTrue();
        assertThat(LaunchArgs.parse(List.of("--present", "stale-tlb")).tour()).isFalse();

        robot.interact(() -> withTour.start(model, view));
        assertThat(model.present().presentingProperty().get()).isTrue();
        assertThat(model.tour().indexProperty().get()).isZero();
        assertThat(snap().position()).isEqualTo(Position.at(model.tour().stop().step()));
        assertStripIsTheSnapshot();
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> LaunchArgs.parse(List.of("--present", "stale-tlb")).start(model, view));
        assertThat(model.present().presentingProperty().get()).isTrue();
        assertThat(snap().run().scenarioId()).isEqualTo("stale-tlb");
        assertStripIsTheSnapshot();
    }
}
