package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.splitscope.core.Sims;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state at a position is the same whichever way the timeline got there: forward, back from
 * further on, by seek, by micro-event, through checkpoints and a truncated journal.
 */
class TimelineProperties {
    static final HistoryBudget TINY = new HistoryBudget(8L << 20);

    static SimSpec spec(String policy, long seed) {
        List<ProgramItem> items = List.of(
                new ProgramItem.Generated(new WorkloadSpec.LazyAccept(List.of(1, 2), 0.5), null),
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(300, 0.6, 4), null),
                new ProgramItem.Generated(new WorkloadSpec.Conversions(2, 200, PageSize.K4, 0.6), null),
                new ProgramItem.Fixed(new Step.Teardown(1, null)),
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(100, 0.6, 4), null));
        return Sims.spec(MachineSpec.of(256 * Pfns.MIB, 4), policy,
                List.of(Sims.guest(1, 32 * Pfns.MIB, 2, PageSize.K4), Sims.guest(2, 32 * Pfns.MIB, 2, PageSize.M2)),
                items).withSeed(seed);
    }

    /** Reference hashes at every boundary from one plain forward run. */
    static final Map<String, List<String>> REFERENCE = new HashMap<>();

    static synchronized List<String> reference(String policy, long seed) {
        return REFERENCE.computeIfAbsent(policy + "/" + seed, k -> {
            Simulation sim = Simulation.booted(spec(policy, seed));
            List<String> out = new ArrayList<>();
            out.add(sim.stateHash());
            while (!sim.finished()) {
                sim.executeNext();
                out.add(sim.stateHash());
            }
            return out;
        });
    }

    /** Reference hash inside a step: run to the step, run it while noting the journal at each event, undo. */
    static String microReference(String policy, long seed, long step, int micro) {
        Simulation sim = Simulation.booted(spec(policy, seed));
        sim.runTo(step);
        sim.journal().setRecording(true);
        List<Long> marks = new ArrayList<>();
        sim.setSink(e -> marks.add(sim.journal().position()));
        sim.executeNext();
        if (micro < marks.size()) {
            sim.journal().undoTo(marks.get(micro - 1));
        }
        return sim.stateHash();
    }

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(Policies.ids());
    }

    enum Move { FORWARD, BACK, MICRO_FORWARD, MICRO_BACK, SEEK, SEEK_MICRO, START, END, JUMP_BACK }

    @Property(tries = 25)
    void sameStateWhicheverWay(@ForAll("policies") String policy, @ForAll @IntRange(min = 1, max = 3) int seed,
                               @ForAll("moves") List<Object[]> moves) {
        List<String> ref = reference(policy, seed);
        Timeline t = Timeline.open(spec(policy, seed), TINY, Timeline.Options.FULL);
        long total = t.totalSteps();
        for (Object[] m : moves) {
            Move move = (Move) m[0];
            long arg = (long) m[1] % (total + 1);
            switch (move) {
                case FORWARD -> t.stepForward();
                case BACK -> t.stepBack();
                case MICRO_FORWARD -> t.microForward();
                case MICRO_BACK -> t.microBack();
                case SEEK -> t.seek(arg);
                case SEEK_MICRO -> t.seek(new Position(Math.min(arg, total - 1), 1 + (int) ((long) m[1] % 3)));
                case START -> t.toStart();
                case END -> t.toEnd();
                case JUMP_BACK -> t.seek(Math.max(0, t.position().step() - 700));
            }
            Position p = t.position();
            String expected = p.boundary() ? ref.get((int) p.step()) : microReference(policy, seed, p.step(), p.micro());
            assertThat(t.simulation().stateHash()).as("%s after %s", p, move).isEqualTo(expected);
            assertThat(t.simulation().position()).isEqualTo(p.step());
        }
        net.jqwik.api.statistics.Statistics.collect(t.firstStoredStep() > 0 ? "events released" : "all events stored");
    }

    @Provide
    Arbitrary<List<Object[]>> moves() {
        Arbitrary<Object[]> one = net.jqwik.api.Combinators.combine(
                Arbitraries.of(Move.values()), Arbitraries.longs().between(0, 1_000_000))
                .as((m, a) -> new Object[] {m, a});
        return one.list().ofMinSize(3).ofMaxSize(14);
    }

    @Property(tries = 15)
    void forwardNThenBackNGivesTheStart(@ForAll("policies") String policy, @ForAll @IntRange(min = 0, max = 2000) int from,
                                        @ForAll @IntRange(min = 1, max = 400) int n) {
        Timeline t = Timeline.open(spec(policy, 1), TINY, Timeline.Options.FULL);
        t.seek(Math.min(from, t.totalSteps()));
        String start = t.simulation().stateHash();
        Position p = t.position();
        int done = 0;
        for (int i = 0; i < n && t.canStepForward(); i++, done++) {
            t.stepForward();
        }
        for (int i = 0; i < done; i++) {
            t.stepBack();
        }
        assertThat(t.position()).isEqualTo(p);
        assertThat(t.simulation().stateHash()).isEqualTo(start);
    }

    @Property(tries = 10)
    void eventsAreTheSameStoredOrReplayed(@ForAll("policies") String policy, @ForAll @IntRange(min = 0, max = 5000) int step) {
        Timeline t = Timeline.open(spec(policy, 2), TINY, Timeline.Options.FULL);
        t.toEnd();
        long s = Math.min(step, t.totalSteps() - 1);
        List<SimEvent> got = t.eventsOf(s);
        Simulation sim = Simulation.booted(spec(policy, 2));
        sim.runTo(s);
        List<SimEvent> expected = new ArrayList<>();
        sim.setSink(expected::add);
        sim.executeNext();
        assertThat(got).isEqualTo(expected);
    }
}
