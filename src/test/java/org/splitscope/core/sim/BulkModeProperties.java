package org.splitscope.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.cost.CostKind;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.PfnRange;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.mem.TlbSpec;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential test of the two run modes (R24, R25): random machines (size, CPUs, holes, boot
 * layout, gbpages, TLB sizes, both kernel profiles, INVLPGB or not), random guests (folio sizes,
 * vCPU counts that share host CPUs or not), every policy, and random programs (lazy acceptance of
 * one or several guests, conversions, host activity, explicit assignments, releases, accesses,
 * PSMASHes, launches and teardowns, the cost model with or without cpa_lock) run once with
 * {@link RunMode#STEP} and once with {@link RunMode#BULK}, stopping at the same random positions.
 * At every stop both must have the same state hash, every counter, the simulated time to the
 * nanosecond and every time total, and so far the same stream of the event records bulk mode still
 * builds (everything but the per-step ones it only counts), each at the same position.
 */
class BulkModeProperties {

    record Machine(MachineSpec spec, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    @Provide
    Arbitrary<Machine> machines() {
        Arbitrary<Integer> gib = Arbitraries.of(1, 1, 2, 3);
        Arbitrary<Integer> cpus = Arbitraries.of(1, 2, 3, 4, 6, 8, 16, 24);
        Arbitrary<KernelProfile> kernel = Arbitraries.of(KernelProfile.values());
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<TlbSpec> tlb = Arbitraries.of(TlbSpec.DEFAULT, new TlbSpec(2, 1, 1), new TlbSpec(4, 2, 1),
                new TlbSpec(16, 8, 2));
        Arbitrary<Integer> layout = Arbitraries.integers().between(0, 3);
        return Combinators.combine(gib, cpus, kernel, flag, flag, tlb, layout, flag).as((g, c, k, gb, inv, t, l, hole) -> {
            MachineSpec m = MachineSpec.of(g * Pfns.GIB, c).withKernel(k).withGbpages(gb).withInvlpgb(inv).withTlb(t);
            if (l == 1) {
                m = m.withBoot(new BootLayout.All2M());
            } else if (l == 2) {
                m = m.withBoot(new BootLayout.All4K());
            }
            if (hole) {
                m = m.withHoles(List.of(new PfnRange(HOLE_FROM, HOLE_TO)));    // a hole low in memory, partly in regions
            }
            return new Machine(m, g + "GiB/" + c + "cpus/" + k.id() + (gb ? "/gb" : "") + (inv ? "/invlpgb" : "")
                    + "/tlb" + t.entries4k() + "/layout" + l + (hole ? "/hole" : ""));
        });
    }

    @Provide
    Arbitrary<List<GuestSpec>> guests() {
        Arbitrary<PageSize> folio = Arbitraries.of(PageSize.K4, PageSize.K4, PageSize.M2);
        Arbitrary<Integer> mib = Arbitraries.of(2, 4, 6, 16, 30);
        Arbitrary<Integer> vcpus = Arbitraries.of(1, 2, 3, 4, 8);
        Arbitrary<GuestSpec> one = Combinators.combine(folio, mib, vcpus, Arbitraries.integers().between(0, 5))
                .as((f, m, v, extra) -> new GuestSpec(1, m * Pfns.MIB + (f == PageSize.K4 ? extra * 4096L : 0), v, f));
        return one.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            List<GuestSpec> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                GuestSpec g = list.get(i);
                out.add(new GuestSpec(i + 1, g.memory(), g.vcpus(), g.folio()));
            }
            return out;
        });
    }

    @Provide
    Arbitrary<List<ProgramItem>> programs() {
        Arbitrary<Integer> asid = Arbitraries.integers().between(1, 4);
        Arbitrary<ProgramItem> accept = Combinators.combine(asid.list().ofMinSize(1).ofMaxSize(4).uniqueElements(),
                Arbitraries.of(0.05, 0.3, 0.6, 1.0, 1.0)).as((a, f) ->
                new ProgramItem.Generated(new WorkloadSpec.LazyAccept(a, f), null));
        Arbitrary<ProgramItem> convert = Combinators.combine(asid, Arbitraries.longs().between(1, 40),
                Arbitraries.of(PageSize.K4, PageSize.M2), Arbitraries.doubles().between(0, 1)).as((a, n, l, r) ->
                new ProgramItem.Generated(new WorkloadSpec.Conversions(a, n, l, r), null));
        Arbitrary<ProgramItem> host = Arbitraries.longs().between(1, 60).map(n ->
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(n, 0.5, 1), null));
        Arbitrary<Long> pfn = Arbitraries.longs().between(0, (1L << 30) - 1);       // scaled to the machine by fit()
        Arbitrary<PageSize> level = Arbitraries.of(PageSize.K4, PageSize.M2);
        Arbitrary<ProgramItem> assign = Combinators.combine(asid, pfn, level).as((a, p, l) ->
                new ProgramItem.Fixed(new Step.Assign(a, l == PageSize.M2 ? p & ~511L : p, l, -1, null)));
        Arbitrary<ProgramItem> release = Combinators.combine(pfn, level).as((p, l) ->
                new ProgramItem.Fixed(new Step.Release(l == PageSize.M2 ? p & ~511L : p, l, null)));
        Arbitrary<ProgramItem> access = Combinators.combine(pfn, Arbitraries.of(true, false)).as((p, w) ->
                new ProgramItem.Fixed(new Step.HostAccess(0, p, w, null)));
        Arbitrary<ProgramItem> psmash = pfn.map(p -> new ProgramItem.Fixed(new Step.Psmash(p & ~511L, null)));
        Arbitrary<ProgramItem> launch = asid.map(a -> new ProgramItem.Fixed(new Step.Launch(a, null)));
        Arbitrary<ProgramItem> teardown = asid.map(a -> new ProgramItem.Fixed(new Step.Teardown(a, null)));
        return Arbitraries.frequencyOf(
                Tuple.of(14, accept), Tuple.of(2, convert), Tuple.of(2, host), Tuple.of(1, assign),
                Tuple.of(1, release), Tuple.of(1, access), Tuple.of(1, psmash), Tuple.of(1, launch),
                Tuple.of(3, teardown)).list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 150)
    void bulkModeEqualsTheStepPath(@ForAll("machines") Machine machine, @ForAll("guests") List<GuestSpec> guests,
                                   @ForAll("programs") List<ProgramItem> items, @ForAll("policies") String policy,
                                   @ForAll boolean cpaLock, @ForAll long seed,
                                   @ForAll("stops") List<Double> stops) {
        compare(machine, guests, items, policy, cpaLock, seed, stops);
    }

    /**
     * The same comparison where bulk mode's window path applies: 4K-folio guests whose vCPUs each
     * have a host CPU of their own, under the policies whose hook does nothing for a 4K leaf, with
     * lazy acceptance of several guests at once (what {@code bench core} and {@code reproduce}'s W1
     * run), and host activity and teardowns between.
     */
    @Property(tries = 60)
    void bulkWindowsEqualTheStepPath(@ForAll("roomyMachines") Machine machine, @ForAll("fourKGuests") List<GuestSpec> guests,
                                     @ForAll("acceptPrograms") List<ProgramItem> items,
                                     @ForAll("quietPolicies") String policy, @ForAll long seed,
                                     @ForAll("stops") List<Double> stops) {
        compare(machine, guests, items, policy, true, seed, stops);
    }

    @Provide
    Arbitrary<Machine> roomyMachines() {
        return Combinators.combine(Arbitraries.of(16, 24, 32), Arbitraries.of(KernelProfile.values()),
                Arbitraries.of(TlbSpec.DEFAULT, new TlbSpec(2, 1, 1), new TlbSpec(8, 2, 1)), Arbitraries.of(true, false))
                .as((c, k, t, gb) -> new Machine(MachineSpec.of(2 * Pfns.GIB, c).withKernel(k).withTlb(t).withGbpages(gb),
                        "2GiB/" + c + "cpus/" + k.id() + "/tlb" + t.entries4k() + (gb ? "/gb" : "")));
    }

    @Provide
    Arbitrary<List<GuestSpec>> fourKGuests() {
        Arbitrary<GuestSpec> one = Combinators.combine(Arbitraries.of(2, 5, 12), Arbitraries.of(1, 2, 3, 4),
                Arbitraries.integers().between(0, 700)).as((m, v, extra) ->
                new GuestSpec(1, m * Pfns.MIB + extra * 4096L, v, PageSize.K4));
        return one.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            List<GuestSpec> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(new GuestSpec(i + 1, list.get(i).memory(), list.get(i).vcpus(), PageSize.K4));
            }
            return out;
        });
    }

    @Provide
    Arbitrary<String> quietPolicies() {
        return Arbitraries.of("presplit-4k", "presplit-on-launch", "split-on-demand", "split-and-restore", "none");
    }

    @Provide
    Arbitrary<List<ProgramItem>> acceptPrograms() {
        Arbitrary<ProgramItem> accept = Combinators.combine(Arbitraries.of(List.of(1, 2, 3, 4), List.of(1, 2), List.of(2, 1),
                List.of(3), List.of(1, 3, 4)), Arbitraries.of(0.2, 0.5, 1.0)).as((a, f) ->
                new ProgramItem.Generated(new WorkloadSpec.LazyAccept(a, f), null));
        Arbitrary<ProgramItem> host = Arbitraries.longs().between(1, 30).map(n ->
                new ProgramItem.Generated(new WorkloadSpec.HostActivity(n, 0.5, 4), null));
        Arbitrary<ProgramItem> convert = Arbitraries.integers().between(1, 4).map(a ->
                new ProgramItem.Generated(new WorkloadSpec.Conversions(a, 5, PageSize.K4, 0.5), null));
        Arbitrary<ProgramItem> teardown = Arbitraries.integers().between(1, 4).map(a ->
                new ProgramItem.Fixed(new Step.Teardown(a, null)));
        Arbitrary<ProgramItem> access = Combinators.combine(Arbitraries.longs().between(0, (1L << 30) - 1),
                Arbitraries.of(true, false)).as((p, w) -> new ProgramItem.Fixed(new Step.HostAccess(3, p, w, null)));
        return Arbitraries.frequencyOf(Tuple.of(8, accept), Tuple.of(2, host), Tuple.of(1, convert),
                Tuple.of(2, teardown), Tuple.of(1, access)).list().ofMinSize(1).ofMaxSize(8);
    }

    private void compare(Machine machine, List<GuestSpec> guests, List<ProgramItem> items, String policy,
                         boolean cpaLock, long seed, List<Double> stops) {
        List<ProgramItem> program = fit(items, guests.size(), machine.spec().frames());
        SimSpec spec;
        Simulation step;
        try {
            spec = new SimSpec("bulk-vs-step", machine.spec(), Policies.byId(policy), guests, program, seed,
                    cpaLock ? CostConstants.DEFAULT : CostConstants.DEFAULT.withoutCpaLock());
            step = Simulation.create(spec);
        } catch (IllegalArgumentException e) {
            Statistics.label("scenarios").collect("guests do not fit");
            return;
        }
        Simulation bulk = Simulation.create(spec);
        Recorder stepEvents = new Recorder(step);
        Recorder bulkEvents = new Recorder(bulk);
        step.setSink(stepEvents);
        bulk.setSink(bulkEvents);
        step.boot();
        bulk.boot();
        TreeSet<Long> at = new TreeSet<>();
        for (double f : stops) {
            at.add(Math.round(f * step.stepCount()));
        }
        at.add(step.stepCount());
        for (long stop : at) {
            step.runTo(stop, RunMode.STEP);
            bulk.runTo(stop, RunMode.BULK);
            String where = "at step " + stop + " of " + step.stepCount();
            assertThat(bulk.position()).as(where).isEqualTo(step.position());
            for (Counter c : Counter.values()) {
                assertThat(bulk.counters().get(c)).as("%s: %s", where, c.key()).isEqualTo(step.counters().get(c));
            }
            for (CostKind k : CostKind.values()) {
                assertThat(bulk.timeNs(k)).as("%s: time on %s", where, k.label()).isEqualTo(step.timeNs(k));
            }
            assertThat(bulk.cost().simTimeNs()).as("%s: simulated time", where).isEqualTo(step.cost().simTimeNs());
            assertThat(bulk.cost().lockHoldNs()).as("%s: cpa_lock held", where).isEqualTo(step.cost().lockHoldNs());
            assertThat(bulk.cost().lockWaitNs()).as("%s: cpa_lock wait", where).isEqualTo(step.cost().lockWaitNs());
            assertThat(bulk.cost().faultInSpanNs()).as("%s: fault-in span", where).isEqualTo(step.cost().faultInSpanNs());
            assertThat(bulkEvents.events).as("%s: events bulk mode builds", where).isEqualTo(stepEvents.events);
            assertThat(bulk.stateHash()).as("%s: state hash", where).isEqualTo(step.stateHash());
        }
        long settled = bulk.bulkSettledSteps();
        Statistics.label("scenarios").collect(settled == 0 ? "nothing settled in bulk" : "some steps settled in bulk");
        Statistics.label("windows").collect(bulk.bulkWindowedSteps() > 0 ? "some steps settled guest by guest" : "none");
        Statistics.label("share of steps settled in bulk").collect(step.stepCount() == 0 ? "-"
                : settled * 4 / Math.max(1, step.stepCount()) >= 2 ? "half or more" : "less than half");
    }

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(Policies.ids());
    }

    @Provide
    Arbitrary<List<Double>> stops() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(0).ofMaxSize(4);
    }

    /** ASIDs 1..4 of the generated program, mapped onto the guests declared. */
    private static int declared(int asid, int guests) {
        return (asid - 1) % guests + 1;
    }

    /** The program for this machine and guests: steps name declared guests, and frames of this machine. */
    static List<ProgramItem> fit(List<ProgramItem> items, int guests, long frames) {
        List<ProgramItem> out = new ArrayList<>();
        for (ProgramItem item : items) {
            switch (item) {
                case ProgramItem.Fixed f -> out.add(new ProgramItem.Fixed(scaled(f.step(), frames, guests)));
                case ProgramItem.Generated g -> out.add(new ProgramItem.Generated(switch (g.spec()) {
                    case WorkloadSpec.LazyAccept la -> new WorkloadSpec.LazyAccept(
                            la.asids().stream().map(a -> declared(a, guests)).distinct().toList(), la.fraction());
                    case WorkloadSpec.Conversions cv -> new WorkloadSpec.Conversions(declared(cv.asid(), guests),
                            cv.count(), cv.level(), cv.sharedRatio());
                    case WorkloadSpec.HostActivity ha -> ha;
                }, null));
                case ProgramItem.Recorded r -> out.add(r);            // not generated here
            }
        }
        return out;
    }

    private static Step scaled(Step s, long frames, int guests) {
        return switch (s) {
            case Step.Assign a -> new Step.Assign(declared(a.asid(), guests), frame(a.pfn(), frames, a.level()), a.level(),
                    -1, null);
            case Step.Launch l -> new Step.Launch(declared(l.asid(), guests), null);
            case Step.Teardown t -> new Step.Teardown(declared(t.asid(), guests), null);
            case Step.Release r -> new Step.Release(frame(r.pfn(), frames, r.level()), r.level(), null);
            case Step.HostAccess h -> new Step.HostAccess(h.cpu(), frame(h.pfn(), frames, PageSize.K4), h.write(), null);
            case Step.Psmash p -> new Step.Psmash(frame(p.pfn(), frames, PageSize.M2), null);
            default -> s;
        };
    }

    /**
     * A frame of the machine, in the top quarter (where guests live) three times in four, never in the
     * 2M regions the hole of {@link #machines()} touches (a scenario cannot name a frame of a hole,
     * R1: the loader rejects it).
     */
    private static long frame(long r, long frames, PageSize level) {
        long f = r % 4 == 0 ? r % frames : frames - 1 - (r >>> 2) % (frames / 4);
        if (f >= HOLE_REGIONS_FROM && f < HOLE_REGIONS_TO) {
            f = HOLE_REGIONS_TO + (f - HOLE_REGIONS_FROM);
        }
        return level.base(f);
    }

    private static final long HOLE_FROM = 3000;
    private static final long HOLE_TO = 4500;
    private static final long HOLE_REGIONS_FROM = PageSize.M2.base(HOLE_FROM);
    private static final long HOLE_REGIONS_TO = PageSize.M2.base(HOLE_TO) + Pfns.FRAMES_PER_2M;

    /** Records the events bulk mode still builds, each with the position it was emitted at. */
    static final class Recorder implements EventSink {
        private static final int COUNTED_ONLY = EventKind.PSC.bit() | EventKind.ACCESS.bit() | EventKind.TLB_FILL.bit()
                | EventKind.GMEM_PREPARE.bit() | EventKind.RMPUPDATE.bit() | EventKind.PVALIDATE.bit();
        final List<String> events = new ArrayList<>();
        private final Simulation sim;

        Recorder(Simulation sim) {
            this.sim = sim;
        }

        @Override
        public void accept(SimEvent e) {
            events.add(sim.position() + ": " + e);
        }

        @Override
        public int kindMask() {
            return ~COUNTED_ONLY;
        }
    }
}
