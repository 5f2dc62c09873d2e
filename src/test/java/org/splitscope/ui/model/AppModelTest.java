package org.splitscope.ui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.export.PngWriter;
import org.splitscope.render.CellLayout;
import org.splitscope.render.Layer;
import org.splitscope.render.Palette;
import org.splitscope.ui.service.SimService;
import org.splitscope.ui.service.SimThread;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.VirtualClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The models without a stage, on a same-thread service: each command has been applied when it returns. */
class AppModelTest {
    final VirtualClock clock = new VirtualClock();
    final List<String> errors = new ArrayList<>();
    AppModel m;

    @BeforeEach
    void setUp() {
        m = new AppModel(new SimService(SimThread.sameThread(), clock, new HistoryBudget(64L << 20)), RecentFiles.inMemory());
        m.setOnError(errors::add);
        m.map().resized(640, 400);
        m.navigation().openBuiltin("overlap-crash");
    }

    Snapshot s() {
        return m.applied();
    }

    NavigationModel nav() {
        return m.navigation();
    }

    int pixelAt(long pfn) {
        CellLayout l = s().map().layout();
        long c = l.cellOf(pfn);
        return s().map().pixels()[(l.yOf(c) + l.side() / 2) * l.width() + l.xOf(c) + l.side() / 2];
    }

    /** Ticks of play: advance the clock one period at a time, applying each snapshot. */
    void tick(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(16_000_000L);
            m.pulse();
        }
    }

    @Test
    @DisplayName("opens on a scenario ready to step: title, description, caption, buttons, policy and kernel")
    void opens() {
        assertThat(nav().runProperty().get().scenarioId()).isEqualTo("overlap-crash");
        assertThat(nav().runProperty().get().description()).contains("RMP check");
        assertThat(nav().runProperty().get().kernel()).isEqualTo("6.18");
        assertThat(nav().stepProperty().get().caption()).contains("as booted");
        assertThat(nav().canStepBackProperty().get()).isFalse();
        assertThat(nav().canStepForwardProperty().get()).isTrue();
        assertThat(s().map().layout().width()).isEqualTo(640);
        assertThat(nav().messageProperty().get()).isEqualTo("Opened overlap-crash under none, kernel 6.18");
    }

    @Test
    @DisplayName("step, step back, micro-steps; the caption follows the step")
    void stepping() {
        nav().stepForward();
        nav().stepForward();
        assertThat(s().position()).isEqualTo(Position.at(2));
        assertThat(nav().stepProperty().get().caption()).contains("CPU 0 writes frame 0x20005");
        nav().stepBack();
        assertThat(s().position()).isEqualTo(Position.at(1));
        nav().microForward();
        assertThat(s().position().micro()).isEqualTo(1);
        assertThat(nav().stepProperty().get().microText()).isNotBlank();
        nav().toEnd();
        assertThat(nav().canStepForwardProperty().get()).isFalse();
        nav().toStart();
        assertThat(s().position()).isEqualTo(Position.START);
    }

    @Test
    @DisplayName("play advances with the clock and stops at the end; pause holds")
    void play() {
        nav().setSpeed(1000);
        nav().play();
        assertThat(nav().playingProperty().get()).isTrue();
        tick(3);
        assertThat(s().position().step()).isEqualTo(8);
        assertThat(nav().playingProperty().get()).isFalse();
        nav().toStart();
        nav().setSpeed(10);
        nav().play();
        nav().pause();
        tick(20);
        assertThat(s().position().step()).isZero();
    }

    @Test
    @DisplayName("while playing the event log is a short tail of the exact count; pausing shows the long page")
    void playingEventTail() {
        nav().openBuiltin("lazy-accept");
        nav().seek(2000);
        long matching = s().log().matching();
        assertThat(s().log().rows()).hasSizeGreaterThan(Snapshot.LogPage.PLAYING_ROWS);
        nav().setSpeed(0);
        nav().play();
        tick(1);
        Snapshot playing = s();
        assertThat(playing.log().rows()).hasSize(Snapshot.LogPage.PLAYING_ROWS);
        assertThat(playing.log().text()).startsWith("playing: showing the latest 500 of");
        assertThat(playing.log().matching()).isGreaterThan(matching);
        assertThat(playing.log().rows().get(playing.log().rows().size() - 1).after()).isEqualTo(playing.position());
        nav().pause();
        assertThat(s().log().rows().size()).isGreaterThan(Snapshot.LogPage.PLAYING_ROWS);
        assertThat(s().log().matching()).isEqualTo(playing.log().matching());
    }

    @Test
    @DisplayName("switching policy or kernel re-runs the scenario at the same step")
    void policyAndKernelSwitch() {
        nav().seek(3);
        assertThat(s().status().summary().directMap4kKb()).isEqualTo(2048);
        nav().switchPolicy("split-on-demand");
        assertThat(s().run().policy()).isEqualTo("split-on-demand");
        assertThat(s().position()).isEqualTo(Position.at(3));
        assertThat(s().status().summary().directMap4kKb()).isEqualTo(4096);
        nav().switchKernel("6.8");
        assertThat(s().run().kernel()).isEqualTo("6.8");
        assertThat(s().run().policy()).isEqualTo("split-on-demand");
        assertThat(s().position()).isEqualTo(Position.at(3));
        assertThat(nav().messageProperty().get()).isEqualTo("Re-ran under split-on-demand, kernel 6.8 at step 3");
        nav().switchKernel("5.4");
        assertThat(errors).singleElement().asString().contains("unknown kernel '5.4'");
    }

    @Test
    @DisplayName("a bad file is one error naming file, line and cause, and the run stays; a good one is recent and in the picker")
    void badFile(@TempDir Path dir) throws Exception {
        nav().seek(4);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "splitscope: 1\nmachine:\n  ram: 4GB\n");
        nav().openFile(bad);
        assertThat(errors).singleElement().asString().contains("bad.yaml:3:8").contains("unknown unit 'GB'");
        assertThat(s().run().scenarioId()).isEqualTo("overlap-crash");
        assertThat(s().position()).isEqualTo(Position.at(4));
        assertThat(nav().recentFiles()).isEmpty();
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "splitscope: 1\nmachine: { ram: 1GiB, cpus: 2 }\nsteps: []\n");
        nav().openFile(good);
        assertThat(s().run().scenarioId()).isEqualTo("good");
        assertThat(nav().recentFiles()).containsExactly(good.toString());
        assertThat(nav().scenarioChoiceProperty().get()).isEqualTo("file: good.yaml");
        assertThat(nav().scenarioChoices()).contains("overlap-crash", "file: good.yaml");
        nav().openBuiltin("stale-tlb");
        assertThat(nav().scenarioChoices()).doesNotContain("file: good.yaml");
    }

    @Test
    @DisplayName("selecting a cell fills the inspector; it names the event that last changed it and jumps there")
    void inspector() {
        nav().seek(5);
        m.map().zoomAll();
        CellLayout l = s().map().layout();
        long c = l.cellOf(0x20001);
        m.map().select(l, l.xOf(c) + 1, l.yOf(c) + 1);
        Snapshot.InspectorData d = m.map().inspectorProperty().get();
        assertThat(d.title()).startsWith("2M region 0x20000");
        assertThat(d.fields()).anyMatch(f -> f.value().contains("1 private 4K entries"));
        assertThat(d.tlbLines()).anyMatch(t -> t.contains("CPU 0: 2M entry 0x20000") && t.contains("RMP_HAZARD"));
        assertThat(d.lastEvent()).contains("RMPUPDATE 0x20001");
        nav().seek(d.lastEventAt());
        assertThat(s().position().step()).isLessThanOrEqualTo(3);
        m.map().selectFrames(0x20001, 0x20002);
        assertThat(s().inspector().data().fields()).anyMatch(f -> f.value().equals("GUEST_INVALID"));
        assertThat(s().inspector().data().fields()).anyMatch(f -> f.value().startsWith("PFN 0x20001, RMP entry: [0x"));
    }

    @Test
    @DisplayName("toggling a layer changes the pixels")
    void layers() {
        m.map().toggleLayer(Layer.ACTIVITY);
        nav().seek(3);
        m.map().selectFrames(-1, -1);
        assertThat(pixelAt(0x20001)).isEqualTo(Palette.asidColor(1));
        m.map().toggleLayer(Layer.RMP);
        assertThat(m.map().layersProperty().get()).doesNotContain(Layer.RMP);
        assertThat(pixelAt(0x20001)).isNotEqualTo(Palette.asidColor(1));
        m.map().toggleLayer(Layer.RMP);
        assertThat(pixelAt(0x20001)).isEqualTo(Palette.asidColor(1));
    }

    @Test
    @DisplayName("zoom in around the selection down to 4K cells, and back out")
    void zoom() {
        m.map().selectFrames(0x20001, 0x20002);
        for (int i = 0; i < 12; i++) {
            m.map().zoomIn();
        }
        assertThat(s().map().layout().unit().label()).isEqualTo("4K");
        assertThat(s().map().layout().viewport().contains(0x20001)).isTrue();
        m.map().zoomAll();
        assertThat(s().map().layout().viewport().start()).isZero();
    }

    @Test
    @DisplayName("run to a breakpoint and back; bookmarks; a bad condition is an error")
    void breakpointsAndBookmarks() {
        nav().runToBreakpoint("rmp-fault", true);
        assertThat(s().position()).isEqualTo(Position.at(5));
        assertThat(nav().messageProperty().get()).contains("RMP #PF");
        nav().addBookmark("the crash");
        nav().toEnd();
        nav().goToBookmark("the crash");
        assertThat(s().position()).isEqualTo(Position.at(5));
        assertThat(s().markers().bookmarks()).containsKey("the crash");
        nav().runToBreakpoint("explode", true);
        assertThat(errors).singleElement().asString().contains("unknown event kind");
    }

    @Test
    @DisplayName("the event log lists events up to now, filters them, and choosing one jumps there")
    void eventLog() {
        nav().toEnd();
        assertThat(m.eventLog().rows()).anyMatch(r -> r.text().contains("CPU 0 wrote 0x20005 through a cached 2M"));
        m.eventLog().setFilter(new EventFilter(EventKind.RMP_FAULT.bit(), -1, -1, -1, -1));
        assertThat(m.eventLog().rows()).hasSize(1);
        assertThat(m.eventLog().textProperty().get()).isEqualTo("1 event");
        assertThat(m.eventLog().kindsTitleProperty().get()).isEqualTo(org.splitscope.ui.service.EventWords.RMP_FAULT);
        Snapshot.EventRow fault = m.eventLog().rows().get(0);
        m.eventLog().goTo(fault);
        assertThat(s().position()).isEqualTo(fault.after()).isEqualTo(Position.at(5));
    }

    @Test
    @DisplayName("export writes the heat map with legend as a PNG of the chosen size")
    void export(@TempDir Path dir) throws Exception {
        nav().seek(5);
        Path out = dir.resolve("x.png");
        m.export().heatMap(out, 1000, 700);
        int[] size = new int[2];
        int[] px = PngWriter.read(out, size);
        assertThat(size).containsExactly(1000, 700);
        assertThat(java.util.Arrays.stream(px).anyMatch(p -> p == Palette.LEAF_2M.argb())).isTrue();
        assertThat(nav().messageProperty().get()).contains("Wrote");
        nav().stepBack();
        assertThat(nav().messageProperty().get()).as("a message lasts while the position stays").isEmpty();
    }

    @Test
    @DisplayName("dark theme switches the map's palette")
    void dark() {
        m.map().setDark(true);
        assertThat(s().map().pixels()[0]).isEqualTo(Palette.DARK.background());
        assertThat(EnumSet.copyOf(m.map().layersProperty().get())).isEqualTo(EnumSet.copyOf(Layer.DEFAULT));
    }
}
