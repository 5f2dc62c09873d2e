package org.splitscope.core.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.guest.GuestPlacement;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.guest.MemoryPlan;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;

/**
 * The expanded step list of a scenario. Hand-written steps are kept as they are; each workload is
 * a block whose steps are computed from (seed, block, index) when asked, so the list costs O(items)
 * memory however long it is, and any step can be produced in O(log items) (R24).
 *
 * <p>The list depends only on the scenario and the seed, never on the policy, so the same step
 * index means the same guest action under every policy (compare mode relies on this).
 */
public final class StepProgram {
    private final List<Block> blocks;
    private final long[] starts;
    private final long size;

    private StepProgram(List<Block> blocks) {
        this.blocks = blocks;
        this.starts = new long[blocks.size() + 1];
        long s = 0;
        for (int i = 0; i < blocks.size(); i++) {
            starts[i] = s;
            s += blocks.get(i).size();
        }
        starts[blocks.size()] = s;
        this.size = s;
        if (s > StepCount.MAX) {
            throw new IllegalArgumentException("the steps expand to " + s + " steps, more than the " + StepCount.MAX
                    + " a run may have");
        }
    }

    /**
     * Expands the items; throws IllegalArgumentException when a workload names an undeclared guest,
     * or when the steps number more than {@link StepCount#MAX}.
     */
    public static StepProgram expand(List<ProgramItem> items, MemoryPlan plan, DirectMap dm, int cpus, long seed) {
        return expand(items, plan, dm, RamFrames.of(dm), cpus, seed);
    }

    /** As above, with the machine's RAM ranges known ({@link org.splitscope.core.mem.MachineSpec#ramRanges()}). */
    public static StepProgram expand(List<ProgramItem> items, MemoryPlan plan, DirectMap dm, RamFrames ram, int cpus,
                                     long seed) {
        List<Block> blocks = new ArrayList<>();
        java.util.Map<Integer, Long> acceptCursor = new java.util.HashMap<>();
        int ordinal = 0;
        for (ProgramItem item : items) {
            ordinal++;
            switch (item) {
                case ProgramItem.Fixed f -> {
                    blocks.add(new Single(f.step()));
                    if (f.step() instanceof Step.Teardown t) {
                        acceptCursor.remove(t.asid());      // a relaunched guest starts afresh
                    }
                }
                case ProgramItem.Generated g -> {
                    Block b = switch (g.spec()) {
                        case WorkloadSpec.LazyAccept la -> new LazyAcceptBlock(la, plan, seed, acceptCursor, g.caption());
                        case WorkloadSpec.Conversions cv -> new ConversionsBlock(cv, plan, seed, ordinal, g.caption());
                        case WorkloadSpec.HostActivity ha -> new HostActivityBlock(ha, plan, ram, cpus, seed,
                                ordinal, g.caption());
                    };
                    if (b.size() > 0) {
                        blocks.add(b);
                    }
                }
                case ProgramItem.Recorded r -> {
                    if (r.steps().size() > 0) {
                        blocks.add(new RecordedBlock(r.steps()));
                    }
                }
            }
        }
        return new StepProgram(List.copyOf(blocks));
    }

    /** Number of steps. */
    public long size() {
        return size;
    }

    /** The step at {@code index} (0-based). */
    public Step step(long index) {
        int b = blockOf(index);
        return blocks.get(b).step(index - starts[b]);
    }

    /** The caption to show at {@code index}: the step's own, else its workload's, else null. */
    public String caption(long index) {
        int b = blockOf(index);
        Block block = blocks.get(b);
        Step s = block.step(index - starts[b]);
        return s.caption() != null ? s.caption() : block.caption(index - starts[b]);
    }

    private int blockOf(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("step " + index + " of " + size);
        }
        int i = Arrays.binarySearch(starts, index);
        if (i >= 0) {
            while (i + 1 < starts.length && starts[i + 1] == index) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    private interface Block {
        long size();

        Step step(long k);

        String caption();

        /** The caption of step k when the step has none of its own: the block's by default. */
        default String caption(long k) {
            return caption();
        }

        /** Steps k, k+1, ... of this block in order; blocks override it when that is cheaper than step(k). */
        default Cursor cursor(long k) {
            long[] at = {k};
            return () -> step(at[0]++);
        }
    }

    /** Steps in order from a position. */
    public interface Cursor {
        Step next();
    }

    /**
     * Steps from {@code index} on, in order; each {@link Cursor#next()} is O(1) amortized (the
     * simulation runs through it rather than calling {@link #step(long)} for every step).
     */
    public Cursor cursor(long index) {
        int[] b = {blockOf(index)};
        long[] left = {starts[b[0] + 1] - index};
        Cursor[] inner = {blocks.get(b[0]).cursor(index - starts[b[0]])};
        return () -> {
            while (left[0] == 0) {
                b[0]++;
                left[0] = blocks.get(b[0]).size();
                inner[0] = blocks.get(b[0]).cursor(0);
            }
            left[0]--;
            return inner[0].next();
        };
    }

    private record Single(Step s) implements Block {
        public long size() {
            return 1;
        }

        public Step step(long k) {
            return s;
        }

        public String caption() {
            return s.caption();
        }
    }

    /** Explicit steps held by their reader (a replayed recording); captions come from it, step by step. */
    private record RecordedBlock(RecordedSteps steps) implements Block {
        public long size() {
            return steps.size();
        }

        public Step step(long k) {
            return steps.step(k);
        }

        public String caption() {
            return null;
        }

        @Override
        public String caption(long k) {
            return steps.caption(k);
        }
    }

    private static GuestPlacement need(MemoryPlan plan, int asid, String what) {
        GuestPlacement p = plan.byAsid(asid);
        if (p == null) {
            throw new IllegalArgumentException(what + ": no guest declares asid " + asid);
        }
        return p;
    }

    /**
     * Several guests faulting in concurrently, interleaved round-robin. Each guest touches its folios
     * in one seeded order (R20): its memory in 2 MiB extents taken in a shuffled order, the folios of
     * an extent in address order, as a Linux guest accepts memory 2 MiB at a time
     * (accept_memory()) and KVM then sees that unit's private faults in turn; with 2M folios an
     * extent is one folio. A later lazy-accept block for the same guest continues that order where
     * the previous one stopped, so no folio is touched twice. The guest's vCPUs take turns.
     */
    private static final class LazyAcceptBlock implements Block {
        private final GuestSpec[] guests;
        private final long[] counts;
        private final long[] offsets;
        private final long[] sortedCounts;
        private final AcceptOrder[] orders;
        private final long size;
        private final String caption;

        LazyAcceptBlock(WorkloadSpec.LazyAccept spec, MemoryPlan plan, long seed,
                        java.util.Map<Integer, Long> cursor, String caption) {
            int n = spec.asids().size();
            guests = new GuestSpec[n];
            counts = new long[n];
            offsets = new long[n];
            orders = new AcceptOrder[n];
            long total = 0;
            for (int i = 0; i < n; i++) {
                GuestSpec g = need(plan, spec.asids().get(i), "lazy-accept").spec();
                guests[i] = g;
                long done = cursor.getOrDefault(g.asid(), 0L);
                offsets[i] = done;
                counts[i] = Math.min(g.folios() - done, Math.max(1, Math.round(spec.fraction() * g.folios())));
                cursor.put(g.asid(), done + counts[i]);
                orders[i] = new AcceptOrder(g, Mix.of(seed, 0xACCE55, g.asid()));
                total += counts[i];
            }
            sortedCounts = counts.clone();
            Arrays.sort(sortedCounts);
            size = total;
            this.caption = caption;
        }

        public long size() {
            return size;
        }

        public String caption() {
            return caption;
        }

        /** Steps before round t: the sum over guests of min(count, t). */
        private long before(long t) {
            long s = 0;
            for (long c : counts) {
                s += Math.min(c, t);
            }
            return s;
        }

        public Step step(long k) {
            long lo = 0;
            long hi = sortedCounts[sortedCounts.length - 1];
            while (lo < hi) {                      // largest t with before(t) <= k
                long mid = (lo + hi + 1) >>> 1;
                if (before(mid) <= k) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            long t = lo;
            long within = k - before(t);
            for (int i = 0; i < guests.length; i++) {
                if (counts[i] > t) {
                    if (within == 0) {
                        return make(i, t);
                    }
                    within--;
                }
            }
            throw new IllegalStateException("lazy-accept index " + k);
        }

        Step make(int i, long t) {
            GuestSpec g = guests[i];
            long nth = offsets[i] + t;
            return new Step.Accept(g.asid(), (int) (nth % g.vcpus()), orders[i].folio(nth), g.folio());
        }

        /** Sequential access in O(1): round t, guest index i. */
        @Override
        public Cursor cursor(long k) {
            Step first = step(k);                  // positions (t, i) by search once
            long lo = 0;
            long hi = sortedCounts[sortedCounts.length - 1];
            while (lo < hi) {
                long mid = (lo + hi + 1) >>> 1;
                if (before(mid) <= k) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            long t = lo;
            long within = k - before(t);
            int gi = 0;
            for (int i = 0; i < guests.length; i++) {
                if (counts[i] > t) {
                    if (within == 0) {
                        gi = i;
                        break;
                    }
                    within--;
                }
            }
            long[] state = {t, gi};
            return new Cursor() {
                Step pending = first;

                @Override
                public Step next() {
                    Step s = pending != null ? pending : advance();
                    pending = null;
                    return s;
                }

                private Step advance() {
                    long rt = state[0];
                    int ri = (int) state[1];
                    do {
                        ri++;
                        if (ri == guests.length) {
                            ri = 0;
                            rt++;
                        }
                    } while (counts[ri] <= rt);
                    state[0] = rt;
                    state[1] = ri;
                    return make(ri, rt);
                }
            };
        }
    }

    /** One guest's order of first touches: shuffled 2 MiB extents, in address order within each. */
    static final class AcceptOrder {
        private final long folios;
        private final long perExtent;
        private final long fullExtents;
        private final Permutation extents;

        AcceptOrder(GuestSpec g, long key) {
            folios = g.folios();
            perExtent = Math.max(1, Pfns.FRAMES_PER_2M / g.folio().frames());
            fullExtents = folios / perExtent;
            extents = fullExtents > 0 ? new Permutation(fullExtents, key) : null;
        }

        private long lastExtent = -1;
        private long lastMapped;

        /** The n-th folio touched. The partial extent at the end of guest memory, if any, comes last. */
        long folio(long n) {
            long e = n / perExtent;
            if (e >= fullExtents) {
                return n;
            }
            if (e != lastExtent) {                   // consecutive folios share their extent
                lastMapped = extents.apply(e);
                lastExtent = e;
            }
            return lastMapped * perExtent + n % perExtent;
        }
    }

    private static final class ConversionsBlock implements Block {
        private final WorkloadSpec.Conversions spec;
        private final GuestSpec guest;
        private final long seed;
        private final int ordinal;
        private final String caption;

        ConversionsBlock(WorkloadSpec.Conversions spec, MemoryPlan plan, long seed, int ordinal, String caption) {
            this.spec = spec;
            this.guest = need(plan, spec.asid(), "conversions").spec();
            this.seed = seed;
            this.ordinal = ordinal;
            this.caption = caption;
            if (spec.level() == PageSize.M2 && guest.frames() < Pfns.FRAMES_PER_2M) {
                throw new IllegalArgumentException("conversions: guest " + guest.asid() + " has less than 2 MiB");
            }
        }

        public long size() {
            return spec.count();
        }

        public String caption() {
            return caption;
        }

        public Step step(long k) {
            long r = Mix.of(seed, ordinal, k);
            long gfn = spec.level() == PageSize.M2
                    ? Mix.below(r, guest.frames() / Pfns.FRAMES_PER_2M) * Pfns.FRAMES_PER_2M
                    : Mix.below(r, guest.frames());
            boolean toShared = Mix.chance(Mix.mix(r ^ 0x5EED), spec.sharedRatio());
            return new Step.Convert(guest.asid(), (int) (k % guest.vcpus()), gfn, spec.level(), toShared);
        }
    }

    private static final class HostActivityBlock implements Block {
        private final WorkloadSpec.HostActivity spec;
        private final MemoryPlan plan;
        private final RamFrames ram;
        private final int cpus;
        private final long seed;
        private final int ordinal;
        private final String caption;
        /** The lowest host frame, found once when first needed (-1: not yet). */
        private long lowestHost = -1;

        HostActivityBlock(WorkloadSpec.HostActivity spec, MemoryPlan plan, RamFrames ram, int cpus,
                          long seed, int ordinal, String caption) {
            if (spec.cpus() > cpus) {
                throw new IllegalArgumentException("host-activity: cpus " + spec.cpus() + " but the machine has " + cpus);
            }
            if (ram.count() == 0) {
                throw new IllegalArgumentException("host-activity: the machine has no RAM");
            }
            this.spec = spec;
            this.plan = plan;
            this.ram = ram;
            this.cpus = spec.cpus();
            this.seed = seed;
            this.ordinal = ordinal;
            this.caption = caption;
        }

        public long size() {
            return spec.count();
        }

        public String caption() {
            return caption;
        }

        public Step step(long k) {
            long r = Mix.of(seed, ordinal, k);
            int cpu = (int) Mix.below(r, cpus);
            long pfn = hostFrame(Mix.mix(r + 1));
            boolean write = Mix.chance(Mix.mix(r + 2), spec.writeRatio());
            return new Step.HostActivity(cpu, pfn, write);
        }

        /**
         * A frame the host itself uses: RAM that is not guest memory (R22). Up to 16 seeded tries
         * among the RAM frames (the n-th RAM frame found through the RAM ranges, O(log ranges): a
         * machine that is mostly holes costs no more than one without), then the lowest host frame.
         * Without holes the n-th RAM frame is frame n, as it always was.
         */
        private long hostFrame(long r) {
            for (int attempt = 0; attempt < 16; attempt++) {
                long pfn = ram.nth(Mix.below(Mix.mix(r + attempt), ram.count()));
                GuestPlacement g = plan.guestOfRegion(Pfns.region(pfn));
                if (g == null) {
                    return pfn;
                }
                int per = g.framesPerRegion();
                if (per < Pfns.FRAMES_PER_2M) {
                    long host = Pfns.regionBase(Pfns.region(pfn)) + per + pfn % (Pfns.FRAMES_PER_2M - per);
                    if (!plan.isGuestFrame(host)) {
                        return host;
                    }
                }
            }
            if (lowestHost < 0) {
                lowestHost = ram.lowestHostFrame(plan);
            }
            return lowestHost;
        }
    }
}
