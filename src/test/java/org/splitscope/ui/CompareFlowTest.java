package org.splitscope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.history.Position;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.export.CsvExport;
import org.splitscope.export.GifWriter;
import org.splitscope.export.PngWriter;
import org.splitscope.render.CellDiff;
import org.splitscope.render.CellLayout;
import org.splitscope.render.Palette;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** Compare mode and the review exports, driven headless through the real window. */
class CompareFlowTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }


    /** The pixel inside the top-left corner of the cell holding {@code pfn} on a map (where a diff mark runs). */
    int corner(HeatMap m, long pfn) {
        CellLayout l = skin(m).layout();
        long c = l.cellOf(pfn);
        return skin(m).pixel(l.xOf(c) + 1, l.yOf(c) + 1);       // where CellDiff's thin inset outline runs
    }

    void startComparing(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        CheckBox sod = robot.lookup("#compare-split-on-demand").queryAs(CheckBox.class);
        assertThat(sod.isSelected()).as("split-on-demand is offered first against 'none'").isTrue();
        robot.clickOn("OK");
    }

    @Test
    @DisplayName("Ctrl+K compares: two maps side by side, the table tab, both panes kept at one step")
    void panesInStep(FxRobot robot) {
        startComparing(robot);
        assertThat(view.mapPane.getCenter()).isSameAs(view.compareView.grid);
        assertThat(view.compareView.maps).hasSize(2);
        assertThat(view.bottomTabs.getSelectionModel().getSelectedItem()).isSameAs(view.compareTab);
        robot.interact(() -> view.heatMap.requestFocus());
        robot.type(KeyCode.RIGHT, 5);
        Snapshot s = snap();
        assertThat(s.compare().panes()).extracting(Snapshot.Pane::policy).containsExactly("none", "split-on-demand");
        assertThat(s.compare().panes()).extracting(Snapshot.Pane::stepText).containsOnly("step 5");
        assertThat(s.compare().summaries()).extracting(r -> r.steps()).containsOnly(5L);
        assertThat(s.compare().summaries().get(0).rmpFaults()).isEqualTo(1);
        assertThat(s.compare().summaries().get(1).rmpFaults()).isZero();
        // the peer's map shows the peer's pixels, laid out as the main map
        HeatMap peer = view.compareView.maps.get(1);
        assertThat(skin(peer).layout()).isEqualTo(skin(view.heatMap).layout());
        robot.type(KeyCode.LEFT, 2);
        assertThat(snap().compare().panes()).extracting(Snapshot.Pane::stepText).containsOnly("step 3");
        // a micro-step moves the main run; the peer stays at the boundary before that step
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(snap().position()).isEqualTo(new Position(3, 1));
        assertThat(snap().compare().panes().get(1).stepText()).isEqualTo("step 3");
        // the table: figures down, policies across, the differing ones starred
        assertThat(view.compareView.table.getColumns()).extracting(c -> c.getText())
                .containsExactly("figure", "none", "split-on-demand");
        assertThat(view.compareView.table.getItems()).filteredOn(CompareView.Row::differs)
                .extracting(CompareView.Row::label).contains("2M splits", "cpa calls");
    }

    @Test
    @DisplayName("zoom and selection are shared: zooming on one pane zooms both, clicking a peer cell selects it")
    void sharedZoomAndSelection(FxRobot robot) {
        startComparing(robot);
        robot.interact(() -> view.heatMap.requestFocus());
        robot.type(KeyCode.RIGHT, 5);
        robot.interact(() -> model.map().zoomTo(0x20000, 0x20200));
        HeatMap peer = view.compareView.maps.get(1);
        assertThat(skin(peer).layout().unit().frames()).isEqualTo(1);
        assertThat(skin(peer).layout()).isEqualTo(skin(view.heatMap).layout());
        CellLayout l = skin(peer).layout();
        long c = l.cellOf(0x20003);
        Point2D p = peer.localToScreen(l.xOf(c) + l.side() / 2.0, l.yOf(c) + l.side() / 2.0);
        robot.clickOn(p);
        assertThat(view.inspector.title.getText()).contains("Frame 0x20003");
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertThat(skin(peer).layout().unit()).isEqualTo(skin(view.heatMap).layout().unit());
        assertThat(skin(peer).layout().viewport().span()).isEqualTo(snap().map().layout().viewport().span());
        // a double-click on a peer's cell zooms to it, as on the main map
        CellLayout all = skin(peer).layout();
        long region = all.cellOf(0x20003);
        robot.doubleClickOn(peer.localToScreen(all.xOf(region) + all.side() / 2.0, all.yOf(region) + all.side() / 2.0));
        assertThat(snap().map().layout().viewport().span()).as("zoomed in from all of RAM")
                .isLessThan(all.viewport().span());
    }

    @Test
    @DisplayName("the diff marks on screen: exactly the cells that differ carry the thin outline")
    void diffOnScreen(FxRobot robot) {
        startComparing(robot);
        robot.interact(() -> view.heatMap.requestFocus());
        robot.type(KeyCode.RIGHT, 5);
        Snapshot s = snap();
        BitSet differs = s.compare().panes().get(1).differing();
        CellLayout l = s.map().layout();
        BitSet expected = new BitSet();
        expected.set((int) l.cellOf(0x20000));
        assertThat(differs).as("only the region that split differs").isEqualTo(expected);
        assertThat(l.side()).as("cells large enough to carry a mark").isGreaterThanOrEqualTo(CellDiff.MIN_MARKED_SIDE);
        int text = Palette.LIGHT.text();
        for (HeatMap m : view.compareView.maps) {
            for (int i = 0; i < l.cells(); i++) {
                assertThat(corner(m, l.pfnOf(i)) == text).as("cell " + i).isEqualTo(differs.get(i));
            }
        }
    }

    @Test
    @DisplayName("stopping returns to one map; a policy switch keeps comparing; review opens comparing its four")
    void stopAndSwitch(FxRobot robot) {
        startComparing(robot);
        robot.clickOn(view.toolbar.policies);
        robot.clickOn("split-physmap");
        assertThat(snap().compare().panes()).extracting(Snapshot.Pane::policy)
                .containsExactly("split-physmap", "none", "split-on-demand");
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        for (String id : List.of("none", "split-on-demand")) {
            robot.clickOn("#compare-" + id);
        }
        robot.clickOn("OK");
        assertThat(snap().compare().comparing()).isFalse();
        assertThat(view.mapPane.getCenter()).isSameAs(view.heatMap);
        assertThat(view.bottomTabs.getTabs()).doesNotContain(view.compareTab);

        robot.interact(() -> nav().openBuiltin("review"));
        assertThat(snap().compare().panes()).extracting(Snapshot.Pane::policy)
                .containsExactly("invalidate-noflush", "invalidate-flush", "presplit-4k", "split-on-demand");
        assertThat(view.compareView.maps).hasSize(4);
    }

    @Test
    @DisplayName("compare, then open review: panes, headers, table columns and the title line are review's, all at one step")
    void compareThenReview(FxRobot robot) {
        startComparing(robot);
        robot.interact(() -> view.heatMap.requestFocus());
        robot.type(KeyCode.RIGHT, 5);
        robot.interact(() -> view.compareView.table.getColumns().get(1).setPrefWidth(333));
        robot.interact(() -> nav().openBuiltin("review"));
        List<String> review = List.of("invalidate-noflush", "invalidate-flush", "presplit-4k", "split-on-demand");
        assertThat(view.compareView.table.getColumns()).extracting(c -> c.getText())
                .containsExactly("figure", review.get(0), review.get(1), review.get(2), review.get(3));
        assertThat(view.compareView.table.getColumns()).allMatch(c -> c.getPrefWidth() != 333);
        double widest = view.compareView.table.getColumns().stream().mapToDouble(c -> c.getWidth()).max().orElse(0);
        assertThat(view.compareView.table.getColumns().subList(1, 5)).as("every policy column has room")
                .allMatch(c -> c.getWidth() >= 100 && c.getWidth() >= widest / 3);
        assertThat(view.compareView.headers).extracting(h -> h.getText().split(" ")[0]).containsExactlyElementsOf(review);
        assertThat(view.runLine.getText()).isEqualTo("under invalidate-noflush, kernel 6.18");
        assertThat(view.message.getText()).startsWith("Opened review under invalidate-noflush");
        assertThat(snap().compare().panes()).extracting(Snapshot.Pane::stepText).containsOnly("step 0");
        assertThat(view.compareView.table.getItems()).allMatch(r -> r.values().size() == 4);
    }

    @Test
    @DisplayName("exports in compare mode: the side-by-side PNG, a GIF of a step range, the CSV series and event log")
    void exports(FxRobot robot, @TempDir Path dir) throws Exception {
        startComparing(robot);
        robot.interact(() -> view.heatMap.requestFocus());
        robot.type(KeyCode.RIGHT, 5);
        Path png = dir.resolve("cmp.png");
        robot.interact(() -> model.export().heatMap(png, 1200, 700));
        int[] size = new int[2];
        PngWriter.read(png, size);
        assertThat(size).containsExactly(1200, 700);

        Path gif = dir.resolve("a.gif");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        robot.clickOn("#export-animation");
        robot.interact(() -> {
            robot.lookup("#export-file").queryAs(javafx.scene.control.TextField.class).setText(gif.toString());
            robot.lookup("#export-from").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(1);
            robot.lookup("#export-to").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(6);
            robot.lookup("#export-width").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(800);
            robot.lookup("#export-height").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(500);
        });
        robot.clickOn("OK");
        assertThat(GifWriter.frameCountAndSize(gif)).containsExactly(6, 800, 500);
        assertThat(snap().position()).as("the view is back where it was").isEqualTo(Position.at(5));

        Path series = dir.resolve("s.csv");
        robot.interact(() -> model.export().seriesCsv(series));
        List<String> lines = Files.readAllLines(series);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvExport.SERIES_COLUMNS));
        assertThat(lines).hasSize(1 + 6);                          // boundaries 0..5

        Path events = dir.resolve("e.csv");
        robot.interact(() -> model.eventLog().setFilter(org.splitscope.core.history.EventFilter.parse("rmp-fault")));
        robot.interact(() -> model.export().eventsCsv(events));
        List<String> ev = Files.readAllLines(events);
        assertThat(ev).hasSize(2);
        assertThat(ev.get(1)).startsWith("5,2,rmp-fault,0,1,0x20005,1,");
    }
}
