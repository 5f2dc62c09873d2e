package org.splitscope.ui.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.render.Figures;
import org.splitscope.render.HeatMapRasterizer;
import org.splitscope.render.Overlay;
import org.splitscope.render.OverlayBuilder;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.NavigationModel;
import org.splitscope.ui.model.RecentFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seam under its real thread: the models on this thread (standing in for the FX thread, as
 * properties need no toolkit), the service on the real background executor, and play ticks from a
 * virtual clock this test moves one period at a time. After each command sequence of issue 12's list
 * it checks that every pane shows the same position, and shows what an independent run at that
 * position shows ({@link #assertOnePosition}), and that play runs at the set speed within 5%.
 */
class SeamTest {
    static final long TICK = Player.TICK_NS;
    final VirtualClock clock = new VirtualClock();
    final List<String> errors = new ArrayList<>();
    SimService service;
    AppModel m;

    @BeforeEach
    void open() {
        service = new SimService(SimThread.background(), clock, new HistoryBudget(192L << 20));
        m = new AppModel(service, RecentFiles.inMemory());
        m.setOnError(errors::add);
        m.map().resized(480, 300);
        settle();
    }

    @AfterEach
    void close() {
        m.shutdown();
    }

    NavigationModel nav() {
        return m.navigation();
    }

    Snapshot s() {
        return m.applied();
    }

    /** Waits until the service has done everything asked so far, then applies what it published, as a pulse does. */
    void settle() {
        service.awaitIdle(Duration.ofMinutes(3));
        m.pulse();
    }

    /** Plays for {@code ticks} periods of virtual time; the view applies a snapshot every {@code pulseEvery} ticks. */
    void ticks(int ticks, int pulseEvery) {
        for (int i = 1; i <= ticks; i++) {
            clock.advance(TICK);
            service.awaitIdle(Duration.ofMinutes(1));
            if (i % pulseEvery == 0) {
                m.pulse();
                assertOnePosition();
            }
        }
        m.pulse();
    }

    void open(String scenario) {
        nav().openBuiltin(scenario);
        settle();
        assertThat(s().run().scenarioId()).isEqualTo(scenario);
    }

    /** The run shown, opened again from scratch and moved to the position shown. */
    Timeline reference() {
        Snapshot.RunPart r = s().run();
        Timeline t;
        try {
            t = Timeline.open(BuiltinScenarios.load(r.scenarioId()).toSpec(r.policy(), r.seed())
                    .withKernel(KernelProfile.byId(r.kernel())), new HistoryBudget(192L << 20), Timeline.Options.FULL);
        } catch (org.splitscope.scenario.ScenarioException e) {
            throw new AssertionError(e);
        }
        t.seek(s().position());
        return t;
    }

    /**
     * Every pane reports the snapshot's position, and shows what an independent run shows there: the
     * status figures, the step line and caption, the event log's count and latest row, the inspector.
     */
    void assertOnePosition() {
        Snapshot s = s();
        Position p = s.position();
        assertThat(s.consistent()).as("every part at the snapshot's position").isTrue();
        assertThat(nav().positionProperty().get()).as("navigation").isEqualTo(p);
        assertThat(m.map().positionProperty().get()).as("map").isEqualTo(p);
        assertThat(m.map().inspectorAtProperty().get()).as("inspector").isEqualTo(p);
        assertThat(m.eventLog().positionProperty().get()).as("event log").isEqualTo(p);
        assertThat(m.figures().positionProperty().get()).as("status and charts").isEqualTo(p);
        Timeline ref = reference();
        assertThat(m.figures().statusTextProperty().get()).as("status figures at " + p)
                .isEqualTo(Figures.of(RunSummary.withoutHash(ref.simulation())));
        assertThat(nav().stepProperty().get().stepText()).startsWith("step " + p.step() + " of " + ref.totalSteps());
        assertThat(nav().stepProperty().get().caption()).isEqualTo(StepTexts.caption(ref));
        assertThat(nav().canStepForwardProperty().get()).isEqualTo(ref.canStepForward());
        if (m.eventLog().shownProperty().get()) {
            EventFilter f = m.eventLog().filterProperty().get();
            long expected = 0;
            Position latest = null;
            for (int i = 0; i < ref.storedEventIndex(p.step()); i++) {
                if (f.matches(ref.storedEvent(i))) {
                    expected++;
                }
            }
            if (!p.boundary()) {
                for (int i = 0; i < p.micro(); i++) {
                    if (f.matches(ref.eventsOf(p.step()).get(i))) {
                        expected++;
                        latest = new Position(p.step(), i + 1);
                    }
                }
            }
            assertThat(s.log().matching()).as("events up to " + p).isEqualTo(expected);
            assertThat(m.eventLog().textProperty().get()).as("the log's line at " + p).contains(Long.toString(expected));
            if (expected > 0) {
                Position last = m.eventLog().rows().get(m.eventLog().rows().size() - 1).after();
                assertThat(last).as("the latest row is before the position").isLessThanOrEqualTo(p);
                if (latest != null) {
                    assertThat(last).isEqualTo(latest);
                }
            }
        }
        if (m.figures().seriesProperty().get() != null) {
            long[] x = m.figures().seriesProperty().get().x();
            assertThat(x[x.length - 1]).as("the charts reach the steps run so far").isEqualTo(s.markers().frontier());
            assertThat(s.markers().frontier()).isGreaterThanOrEqualTo(p.step());
        }
        if (s.inspector().data() != null && s.run().frames() > 0) {
            assertThat(m.map().inspectorProperty().get().title()).isEqualTo(s.inspector().data().title());
        }
    }

    /** The map shows the independent run's pixels (no selection, outline or comparison drawn). */
    void assertMapIsTheReference() {
        Timeline ref = reference();
        Snapshot.MapPart map = s().map();
        ViewSettings v = m.settingsProperty().get();
        int[] px = new int[map.layout().width() * map.layout().height()];
        Overlay o = OverlayBuilder.build(ref, Session.ACTIVITY_WINDOW).withSelection(-1, -1).withHighlight(-1, -1)
                .withTlbCpu(v.tlbCpu());
        new HeatMapRasterizer().render(ref.simulation(), map.layout(), v.layers(), o, v.palette(), px);
        int differing = 0;
        for (int i = 0; i < px.length; i++) {
            differing += px[i] != map.pixels()[i] ? 1 : 0;
        }
        assertThat(differing).as("pixels of the map at " + s().position() + " that differ from the reference").isZero();
    }

    long playedSteps(double speed, int ticks, int pulseEvery) {
        long before = s().position().step();
        nav().setSpeed(speed);
        nav().play();
        settle();
        ticks(ticks, pulseEvery);
        return s().position().step() - before;
    }

    @Test
    @DisplayName("play, pause, then End on lazy-accept: log, charts and status agree at every frame and at the end")
    void playPauseEnd() {
        open("lazy-accept");
        long steps = playedSteps(1000, 125, 2);                           // 2 s of play, the view at every 2nd tick
        assertThat((double) steps).as("1000 steps/s for 2 s").isCloseTo(2000, Percentage.withPercentage(5));
        nav().pause();
        settle();
        assertThat(nav().playingProperty().get()).isFalse();
        assertOnePosition();
        assertMapIsTheReference();
        nav().toEnd();
        settle();
        assertThat(s().position().step()).isEqualTo(s().run().totalSteps());
        assertOnePosition();
        m.eventLog().paneShown(ViewSettings.Pane.CHARTS);
        settle();
        assertThat(m.figures().seriesProperty().get()).isNotNull();
        assertOnePosition();
        nav().stepBack();
        settle();
        assertOnePosition();
        m.eventLog().paneShown(ViewSettings.Pane.EVENTS);
        nav().seek(120);
        settle();
        assertOnePosition();
        assertMapIsTheReference();
    }

    @Test
    @DisplayName("Pause then Play at once keeps one chain of ticks; speeds 30 to 90 play at their rate")
    void pausePlayToggles() {
        open("lazy-accept");
        nav().setSpeed(30);
        nav().play();
        for (int i = 0; i < 6; i++) {
            nav().pause();
            nav().play();
        }
        settle();
        long before = s().position().step();
        ticks(625, 1);                                                      // 10 s
        assertThat((double) (s().position().step() - before)).as("30 steps/s after toggling")
                .isCloseTo(300, Percentage.withPercentage(5));
        assertThat(clock.pending()).as("one chain of ticks").isEqualTo(1);
        for (double speed : new double[] {45, 60, 90}) {
            nav().pause();
            settle();
            long steps = playedSteps(speed, 625, 3);
            assertThat((double) steps).as(speed + " steps/s").isCloseTo(speed * 10, Percentage.withPercentage(5));
        }
        nav().pause();
        settle();
        long at = s().position().step();
        ticks(100, 1);
        assertThat(s().position().step()).as("paused: stale ticks play nothing").isEqualTo(at);
        assertThat(clock.pending()).isZero();
        assertOnePosition();
    }

    @Test
    @DisplayName("switching scenario while playing: the log and the charts are the new run's at its position")
    void scenarioSwitch() {
        open("lazy-accept");
        m.eventLog().paneShown(ViewSettings.Pane.CHARTS);
        playedSteps(1000, 60, 1);
        nav().openBuiltin("overlap-crash");
        settle();
        assertThat(s().run().scenarioId()).isEqualTo("overlap-crash");
        assertThat(nav().playingProperty().get()).isFalse();
        assertThat(s().markers().frontier()).isZero();
        assertThat(m.figures().seriesProperty().get().x()).containsExactly(0);
        assertOnePosition();
        m.eventLog().paneShown(ViewSettings.Pane.EVENTS);
        nav().seek(4);
        settle();
        assertOnePosition();
        assertThat(m.eventLog().rows()).allMatch(r -> r.step() <= 4);
        assertThat(nav().messageProperty().get()).as("the message of the previous run is gone").isEmpty();
        assertMapIsTheReference();
    }

    @Test
    @DisplayName("inside a step every status counter is at the micro-event: splits, cpa and flush_tlb_all too")
    void microEvents() {
        open("overlap-crash");
        nav().switchPolicy("split-on-demand");
        settle();
        nav().seek(new Position(2, 3));                                     // cpa, split, flush_tlb_all
        settle();
        assertThat(m.figures().statusTextProperty().get()).contains("DirectMap4k 4096 kB").contains("splits 1G 0 2M 1")
                .contains("cpa 1").contains("flush_tlb_all 1");
        assertOnePosition();
        nav().microBack();
        settle();
        assertThat(m.figures().statusTextProperty().get()).contains("splits 1G 0 2M 1").contains("flush_tlb_all 0");
        assertOnePosition();
        nav().microBack();
        settle();
        assertThat(m.figures().statusTextProperty().get()).contains("DirectMap4k 2048 kB").contains("splits 1G 0 2M 0")
                .contains("cpa 1");
        assertOnePosition();
    }

    @Test
    @DisplayName("the hover line follows the position, agrees with the inspector, clears off the map, and never redraws the map")
    void hover() {
        open("overlap-crash");
        m.map().zoomAll();
        settle();
        Snapshot.MapPart map = s().map();
        long cell = map.layout().cellOf(0x20000);
        m.map().select(map.layout(), map.layout().xOf(cell) + 1, map.layout().yOf(cell) + 1);
        m.map().hover(map.layout(), map.layout().xOf(cell) + 1, map.layout().yOf(cell) + 1);
        settle();
        long renders = service.mapRenders();
        m.map().hover(map.layout(), map.layout().xOf(cell) + 2, map.layout().yOf(cell) + 2);
        settle();
        assertThat(service.mapRenders()).as("a hover does not rasterize the map").isEqualTo(renders);
        assertThat(m.map().hoverTextProperty().get()).contains("0 private frames");
        nav().seek(3);
        settle();
        assertThat(m.map().hoverTextProperty().get()).contains("1 private frame of guest").doesNotContain("1 private frames");
        assertThat(m.map().inspectorProperty().get().fields()).anyMatch(f -> f.value().startsWith("1 private 4K entry of guest"));
        assertThat(m.map().hoverTextProperty().get()).isEqualTo(CellTexts.hover(reference().simulation(), 0x20000, PageSize.M2));
        m.map().hoverOff();
        settle();
        nav().stepForward();
        settle();
        assertThat(m.map().hoverTextProperty().get()).as("off the map: no hover line comes back").isEmpty();
        assertOnePosition();
    }

    @Test
    @DisplayName("a breakpoint with no match: the run stays, the log and the message say so")
    void breakpointWithoutMatch() {
        open("overlap-crash");
        nav().runToBreakpoint("rmp-fault", true);
        settle();
        assertThat(nav().messageProperty().get()).startsWith("Stopped at step 5");
        nav().seek(2);
        settle();
        assertThat(nav().messageProperty().get()).isEmpty();
        assertMapIsTheReference();                                          // the outline of the hit is gone too
        nav().runToBreakpoint("split", true);
        settle();
        assertThat(s().position()).isEqualTo(Position.at(2));
        assertThat(nav().messageProperty().get()).isEqualTo("No match for 'split' after step 2; the run stays where it was.");
        assertThat(m.eventLog().rows()).isNotEmpty();
        assertOnePosition();
        assertMapIsTheReference();
    }

    @Test
    @DisplayName("compare, then open review: the panes, policies and message are review's")
    void compareThenReview() {
        open("overlap-crash");
        m.map().compare(List.of("split-on-demand"));
        nav().seek(5);
        settle();
        assertThat(s().compare().policies()).containsExactly("none", "split-on-demand");
        assertThat(s().compare().panes()).extracting(Snapshot.Pane::runAt).containsOnly(Position.at(5));
        assertOnePosition();
        nav().openBuiltin("review");
        settle();
        assertThat(s().compare().policies()).containsExactly("invalidate-noflush", "invalidate-flush", "presplit-4k",
                "split-on-demand");
        assertThat(s().run().policy()).isEqualTo("invalidate-noflush");
        assertThat(nav().messageProperty().get()).startsWith("Opened review under invalidate-noflush");
        assertThat(s().compare().panes()).extracting(Snapshot.Pane::runAt).containsOnly(Position.START);
        nav().seek(400);
        settle();
        assertThat(s().compare().panes()).extracting(Snapshot.Pane::runAt).containsOnly(Position.at(400));
        assertOnePosition();
    }

    @Test
    @DisplayName("a snapshot the view never applied passes its changes on: a new filter survives the hover after it")
    void skippedSnapshotsLoseNothing() {
        open("overlap-crash");
        nav().toEnd();
        settle();
        m.eventLog().setFilter(EventFilter.parse("rmp-fault"));
        service.awaitIdle(Duration.ofMinutes(1));                      // published, not applied
        Snapshot.MapPart map = s().map();
        m.map().hover(map.layout(), 3, 3);
        service.awaitIdle(Duration.ofMinutes(1));                      // published over it
        m.pulse();
        assertThat(s().dirty(PartKind.LOG)).isTrue();
        assertThat(m.eventLog().rows()).singleElement().extracting(Snapshot.EventRow::step).isEqualTo(5L);
        assertOnePosition();
    }

    @Test
    @DisplayName("a drag's seeks coalesce while the simulation is busy; the latest wins")
    void dragCoalesces() {
        open("lazy-accept");
        long renders = service.mapRenders();
        for (int i = 1; i <= 300; i++) {
            nav().seek(i * 100L);
        }
        settle();
        assertThat(s().position()).isEqualTo(Position.at(30_000));
        assertThat(service.mapRenders() - renders).as("far fewer frames than seeks").isLessThan(300);
        assertOnePosition();
    }
}
