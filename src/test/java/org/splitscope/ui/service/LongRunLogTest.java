package org.splitscope.ui.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Timeline;
import org.splitscope.scenario.ScenarioLoader;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.RecentFiles;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 in the app, on the service's real background thread: a run to the end of a long run
 * records its far steps in bulk (the log keeps the latest steps' events), and at an earlier position
 * the log shows the events of the steps just before it, replayed: those an independent run shows.
 */
class LongRunLogTest {
    static final HistoryBudget SMALL = new HistoryBudget(HistoryBudget.MIN_BYTES);
    final VirtualClock clock = new VirtualClock();
    final List<String> errors = new ArrayList<>();
    SimService service;
    AppModel m;

    @AfterEach
    void close() {
        if (m != null) {
            m.shutdown();
        }
    }

    void settle() {
        service.awaitIdle(Duration.ofMinutes(3));
        m.pulse();
    }

    @Test
    @DisplayName("run to the end in bulk, then the log at an early step: the replayed events of the steps before it")
    void earlyPositionReplaysItsSteps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.yaml");
        Files.writeString(file, """
                splitscope: 1
                name: A long lazy acceptance
                machine: { ram: 2GiB, cpus: 8 }
                policy: split-on-demand
                seed: 5
                guests:
                  - { asid: 1, memory: 384MiB, vcpus: 4, folio: 4K }
                steps:
                  - op: launch
                    guest: 1
                  - op: workload
                    kind: lazy-accept
                    guest: 1
                    fraction: 0.6
                  - op: workload
                    kind: host-activity
                    count: 200
                    write-ratio: 0.6
                  - op: workload
                    kind: lazy-accept
                    guest: 1
                    fraction: 0.4
                """);
        service = new SimService(SimThread.background(), clock, SMALL);
        m = new AppModel(service, RecentFiles.inMemory());
        m.setOnError(errors::add);
        m.map().resized(480, 300);
        settle();
        m.navigation().openFile(file);
        settle();
        m.navigation().toEnd();
        settle();
        Snapshot end = m.applied();
        long total = end.run().totalSteps();
        assertThat(total).isGreaterThan(90_000);
        assertThat(end.position().step()).isEqualTo(total);
        assertThat(errors).isEmpty();
        assertThat(end.log().text()).matches("showing the latest 20000 of the [0-9]+ events of steps [0-9]+-" + total
                + " \\(older ones are not kept, to stay within the history budget; at an earlier step the log replays"
                + " the steps before it\\)");

        Timeline ref = Timeline.open(ScenarioLoader.loadFile(file).toSpec(), SMALL, Timeline.Options.FULL);
        ref.recordEveryStep();
        ref.toEnd();
        assertThat(service.bulkRecordedSteps()).as("steps recorded in bulk").isGreaterThan(total / 4);
        // the charts reach the last step (the series' stride does not keep it)
        m.eventLog().paneShown(ViewSettings.Pane.CHARTS);
        settle();
        Snapshot.ChartSeries chart = m.applied().chart().series();
        assertThat(chart.x()[chart.x().length - 1]).isEqualTo(total);
        int collapses = java.util.Arrays.asList(chart.names()).indexOf("FLUSH_TLB_ALL");
        assertThat(chart.y()[collapses][chart.x().length - 1])
                .isEqualTo((double) ref.simulation().counters().get(org.splitscope.core.kernel.Counter.FLUSH_TLB_ALL));
        m.eventLog().paneShown(ViewSettings.Pane.EVENTS);
        settle();

        long at = 20_000;
        m.navigation().seek(at);
        settle();
        Snapshot s = m.applied();
        assertThat(s.position().step()).isEqualTo(at);
        assertThat(s.log().rows()).isNotEmpty();
        assertThat(s.log().text()).contains("steps " + (at - EventPager.REPLAYED_STEPS + 1) + "-" + at + ", replayed");
        List<SimEvent> expected = new ArrayList<>();
        for (long st = at - EventPager.REPLAYED_STEPS; st < at; st++) {
            expected.addAll(ref.eventsOf(st));
        }
        assertThat(s.log().matching()).isEqualTo(expected.size());
        Snapshot.EventRow last = s.log().rows().getLast();
        assertThat(last.step()).isEqualTo(at);
        assertThat(last.text()).isEqualTo(expected.getLast().describe());

        // a filter applies to the replayed steps
        m.eventLog().setFilter(new EventFilter(org.splitscope.core.event.EventKind.SPLIT.bit(), -1, -1, -1, -1));
        settle();
        long splits = expected.stream().filter(e -> e.kind() == org.splitscope.core.event.EventKind.SPLIT).count();
        assertThat(m.applied().log().matching()).isEqualTo(splits);

        // another policy at the same step: the long move runs in chunks with progress and lands there
        m.navigation().switchPolicy("presplit-4k");
        settle();
        assertThat(errors).isEmpty();
        assertThat(m.applied().run().policy()).isEqualTo("presplit-4k");
        assertThat(m.applied().position().step()).isEqualTo(at);
        Timeline other = Timeline.open(ScenarioLoader.loadFile(file).toSpec("presplit-4k", null), SMALL, Timeline.Options.FULL);
        other.seek(at);
        assertThat(m.applied().status().summary())
                .isEqualTo(org.splitscope.core.sim.RunSummary.withoutHash(other.simulation()));
        m.navigation().switchPolicy("split-on-demand");
        settle();
        assertThat(m.applied().position().step()).isEqualTo(at);
        assertThat(errors).isEmpty();
    }
}
