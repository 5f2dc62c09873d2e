package org.splitscope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.export.PngWriter;
import org.splitscope.render.CellLayout;
import org.splitscope.render.Layer;
import org.splitscope.render.Palette;

import static org.assertj.core.api.Assertions.assertThat;

/** The view model without a stage: commands run on the caller's thread and publish at once. */
class AppViewModelTest {
    SimExecutor.Inline sim;
    AppViewModel vm;

    @BeforeEach
    void setUp() {
        sim = SimExecutor.sameThread();
        vm = new AppViewModel(sim, RecentFiles.inMemory(), new HistoryBudget(64L << 20));
        vm.setMapSize(640, 400);
        vm.openBuiltin("overlap-crash");
    }

    Snapshot s() {
        return vm.snapshot();
    }

    int pixelAt(long pfn) {
        CellLayout l = s().layout();
        long c = l.cellOf(pfn);
        return s().pixels()[(l.yOf(c) + l.side() / 2) * l.width() + l.xOf(c) + l.side() / 2];
    }

    @Test
    @DisplayName("opens on a scenario ready to step: title, description, caption, buttons")
    void opens() {
        assertThat(vm.scenarioIdProperty().get()).isEqualTo("overlap-crash");
        assertThat(vm.descriptionProperty().get()).contains("RMP check");
        assertThat(vm.captionProperty().get()).contains("as booted");
        assertThat(vm.canStepBackProperty().get()).isFalse();
        assertThat(vm.canStepForwardProperty().get()).isTrue();
        assertThat(s().layout().width()).isEqualTo(640);
    }

    @Test
    @DisplayName("step, step back, micro-steps; the caption follows the step")
    void stepping() {
        vm.stepForward();
        vm.stepForward();
        assertThat(s().position()).isEqualTo(Position.at(2));
        assertThat(vm.captionProperty().get()).contains("CPU 0 writes frame 0x20005");
        vm.stepBack();
        assertThat(s().position()).isEqualTo(Position.at(1));
        vm.microForward();
        assertThat(s().position().micro()).isEqualTo(1);
        assertThat(vm.microTextProperty().get()).isNotBlank();
        vm.toEnd();
        assertThat(vm.canStepForwardProperty().get()).isFalse();
        vm.toStart();
        assertThat(s().position()).isEqualTo(Position.START);
    }

    @Test
    @DisplayName("play advances on each tick and stops at the end; pause holds")
    void play() {
        vm.setSpeed(1000);
        vm.play();
        assertThat(vm.playingProperty().get()).isTrue();
        for (int i = 0; i < 10 && vm.playingProperty().get(); i++) {
            sim.runDelayed();
            vm.pulse();
        }
        assertThat(s().position().step()).isEqualTo(8);
        assertThat(vm.playingProperty().get()).isFalse();
        vm.toStart();
        vm.play();
        vm.pause();
        sim.runDelayed();
        assertThat(s().position().step()).isLessThanOrEqualTo(1);
    }

    @Test
    @DisplayName("while playing the event log is a short live tail; pausing shows the whole log at that step")
    void playingEventTail() {
        vm.openBuiltin("lazy-accept");
        vm.seek(2000);
        int full = s().events().rows().size();
        assertThat(full).isGreaterThan(Session.PLAYING_ROWS);
        vm.setSpeed(0);
        vm.play();
        Snapshot playing = s();
        assertThat(playing.events().rows()).hasSizeLessThanOrEqualTo(Session.PLAYING_ROWS);
        assertThat(playing.events().filterText()).startsWith("playing");
        // the tail ends with the latest event
        var last = playing.events().rows().get(playing.events().rows().size() - 1);
        assertThat(last.after()).isEqualTo(playing.position());
        vm.pause();
        assertThat(s().events().rows().size()).isGreaterThan(Session.PLAYING_ROWS);
        assertThat(s().events().filterText()).doesNotStartWith("playing");
    }

    @Test
    @DisplayName("switching policy re-runs the scenario at the same step")
    void policySwitch() {
        vm.seek(3);
        assertThat(s().summary().directMap4kKb()).isEqualTo(2048);
        vm.setPolicy("split-on-demand");
        assertThat(s().policy()).isEqualTo("split-on-demand");
        assertThat(s().position()).isEqualTo(Position.at(3));
        assertThat(s().summary().directMap4kKb()).isEqualTo(4096);
    }

    @Test
    @DisplayName("a bad scenario file gives one error naming file, line and cause, and the current run stays")
    void badFile(@TempDir Path dir) throws Exception {
        vm.seek(4);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "splitscope: 1\nmachine:\n  ram: 4GB\n");
        vm.openFile(bad);
        assertThat(vm.errorProperty().get()).contains("bad.yaml:3:8").contains("unknown unit 'GB'");
        assertThat(s().scenarioId()).isEqualTo("overlap-crash");
        assertThat(s().position()).isEqualTo(Position.at(4));
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "splitscope: 1\nmachine: { ram: 1GiB, cpus: 2 }\nsteps: []\n");
        vm.openFile(good);
        assertThat(s().scenarioId()).isEqualTo("good");
        assertThat(vm.recentFiles()).containsExactly(good.toString());
    }

    @Test
    @DisplayName("selecting a cell fills the inspector; it names the event that last changed it and jumps there")
    void inspector() {
        vm.seek(5);
        vm.zoomAll();
        CellLayout l = s().layout();
        long c = l.cellOf(0x20001);
        vm.select(l, l.xOf(c) + 1, l.yOf(c) + 1);
        Snapshot.InspectorData d = s().inspector();
        assertThat(d.title()).startsWith("2M region 0x20000");
        assertThat(d.fields()).anyMatch(f -> f.value().contains("1 private 4K entries"));
        assertThat(d.tlbLines()).anyMatch(t -> t.contains("CPU 0: 2M entry 0x20000") && t.contains("RMP_HAZARD"));
        assertThat(d.lastEvent()).contains("RMPUPDATE 0x20001");
        vm.seek(d.lastEventAt());
        assertThat(s().position().step()).isLessThanOrEqualTo(3);
        vm.selectFrames(0x20001, 0x20002);
        assertThat(s().inspector().fields()).anyMatch(f -> f.value().equals("GUEST_INVALID"));
        assertThat(s().inspector().fields()).anyMatch(f -> f.value().startsWith("PFN 0x20001, RMP entry: [0x"));
    }

    @Test
    @DisplayName("toggling a layer changes the pixels")
    void layers() {
        vm.toggleLayer(Layer.ACTIVITY);                 // the step just touched that frame: no lightening
        vm.seek(3);
        vm.selectFrames(-1, -1);
        int with = pixelAt(0x20001);
        assertThat(with).isEqualTo(Palette.asidColor(1));
        vm.toggleLayer(Layer.RMP);
        assertThat(vm.layersProperty().get()).doesNotContain(Layer.RMP);
        assertThat(pixelAt(0x20001)).isNotEqualTo(Palette.asidColor(1));
        vm.toggleLayer(Layer.RMP);
        assertThat(pixelAt(0x20001)).isEqualTo(Palette.asidColor(1));
    }

    @Test
    @DisplayName("zoom in around the selection down to 4K cells, and back out")
    void zoom() {
        vm.selectFrames(0x20001, 0x20002);
        for (int i = 0; i < 12; i++) {
            vm.zoomIn();
        }
        assertThat(s().layout().unit().label()).isEqualTo("4K");
        assertThat(s().layout().viewport().contains(0x20001)).isTrue();
        vm.zoomAll();
        assertThat(s().layout().viewport().start()).isZero();
    }

    @Test
    @DisplayName("run to a breakpoint and back; bookmarks")
    void breakpointsAndBookmarks() {
        vm.runToBreakpoint("rmp-fault", true);
        assertThat(s().position()).isEqualTo(Position.at(5));
        assertThat(vm.messageProperty().get()).contains("RMP #PF");
        vm.addBookmark("the crash");
        vm.toEnd();
        vm.goToBookmark("the crash");
        assertThat(s().position()).isEqualTo(Position.at(5));
        assertThat(s().bookmarks()).containsKey("the crash");
        vm.runToBreakpoint("explode", true);
        assertThat(vm.errorProperty().get()).contains("unknown event kind");
    }

    @Test
    @DisplayName("the event log lists events up to now, filters them, and choosing one jumps there")
    void eventLog() {
        vm.toEnd();
        Snapshot.EventRows rows = s().events();
        assertThat(rows.rows()).isNotEmpty();
        assertThat(rows.rows()).anyMatch(r -> r.text().contains("CPU 0 wrote 0x20005 through a cached 2M"));
        vm.setEventFilter(new EventFilter(org.splitscope.core.event.EventKind.RMP_FAULT.bit(), -1, -1, -1, -1));
        assertThat(s().events().rows()).hasSize(1);
        Snapshot.EventRow fault = s().events().rows().get(0);
        vm.goToEvent(fault);
        assertThat(s().position()).isEqualTo(fault.after());
        assertThat(s().position()).isEqualTo(Position.at(5));
    }

    @Test
    @DisplayName("export writes the heat map with legend as a PNG of the chosen size")
    void export(@TempDir Path dir) throws Exception {
        vm.seek(5);
        Path out = dir.resolve("x.png");
        vm.exports().heatMap(out, 1000, 700);
        int[] size = new int[2];
        int[] px = PngWriter.read(out, size);
        assertThat(size).containsExactly(1000, 700);
        assertThat(java.util.Arrays.stream(px).anyMatch(p -> p == Palette.LEAF_2M.argb())).isTrue();
        assertThat(vm.messageProperty().get()).contains("Wrote");
    }

    @Test
    @DisplayName("dark theme switches the map's palette")
    void dark() {
        vm.setDark(true);
        assertThat(s().pixels()[0]).isEqualTo(Palette.DARK.background());
        assertThat(EnumSet.copyOf(vm.layersProperty().get())).isEqualTo(EnumSet.copyOf(Layer.DEFAULT));
    }
}
