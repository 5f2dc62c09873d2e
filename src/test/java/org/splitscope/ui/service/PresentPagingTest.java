package org.splitscope.ui.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.scenario.Tour;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.RecentFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clicker pages faster than the simulation thread answers (issue 13 item 2): presses that arrive before
 * any snapshot is applied still walk a tour stop to its last step and then open the next stop, never a
 * step too many. The service runs on its own thread; the view applies snapshots only when the test says.
 */
class PresentPagingTest {
    SimService service;
    AppModel m;
    final List<String> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        service = new SimService(SimThread.background(), new VirtualClock(), new HistoryBudget(192L << 20));
        m = new AppModel(service, RecentFiles.inMemory());
        m.setOnError(errors::add);
        m.map().resized(480, 300);
        settle();
    }

    @AfterEach
    void close() {
        m.shutdown();
    }

    void settle() {
        service.awaitIdle(Duration.ofMinutes(3));
        m.pulse();
    }

    @Test
    @DisplayName("quick presses past a stop's last step, none applied in between, open the next stop at its step")
    void quickPressesReachTheNextStop() {
        assertThat(m.tour().open("thread-argument")).isTrue();
        settle();
        Tour tour = m.tour().tourProperty().get();
        Tour.Stop first = tour.stops().get(0);
        assertThat(m.applied().position()).isEqualTo(Position.at(first.step()));
        m.present().enter();
        long total = m.applied().run().totalSteps();
        long presses = total - first.step() + 1;          // to the last step, then one more
        for (long i = 0; i < presses; i++) {
            m.present().next();                           // no pulse: the view still shows the stop's first step
        }
        settle();
        Tour.Stop second = tour.stops().get(1);
        assertThat(m.tour().indexProperty().get()).isEqualTo(1);
        assertThat(m.applied().run().scenarioId()).isEqualTo(second.scenario());
        assertThat(m.applied().run().policy()).isEqualTo(second.policy());
        assertThat(m.applied().position()).isEqualTo(Position.at(second.step()));
        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("quick presses short of the last step stay in the stop, one step each")
    void quickPressesStepOnce() {
        assertThat(m.tour().open("thread-argument")).isTrue();
        settle();
        long start = m.applied().position().step();
        m.present().next();
        m.present().next();
        settle();
        assertThat(m.tour().indexProperty().get()).isZero();
        assertThat(m.applied().position()).isEqualTo(Position.at(start + 2));
        // a step back in between: the next press counts from what is shown
        m.present().previous();
        settle();
        m.present().next();
        settle();
        assertThat(m.applied().position()).isEqualTo(Position.at(start + 2));
    }
}
