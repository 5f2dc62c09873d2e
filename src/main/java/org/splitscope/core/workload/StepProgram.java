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
    }

    /** Expands the items; throws IllegalArgumentException when a workload names an undeclared guest. */
    public static StepProgram expand(List<ProgramItem> items, MemoryPlan plan, DirectMap dm, int cpus, long seed) {
        List<Block> blocks = new ArrayList<>();
        java.util.Map<Integer, Long> acceptCursor = new java.util.HashMap<>();
        int ordinal = 0;
        for (ProgramItem item : items) {
            ordinal++;
            switch (item) {
                case ProgramItem.Fixed f -> blocks.add(new Single(f.step()));
                case ProgramItem.Generated g -> {
                    Block b = switch (g.spec()) {
                        case WorkloadSpec.LazyAccept la -> new LazyAcceptBlock(la, plan, seed, acceptCursor, g.caption());
                        case WorkloadSpec.Conversions cv -> new ConversionsBlock(cv, plan, seed, ordinal, g.caption());
                        case WorkloadSpec.HostActivity ha -> new HostActivityBlock(ha, plan, dm, cpus, seed, ordinal,
                                g.caption());
                    };
                    if (b.size() > 0) {
                        blocks.add(b);
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
        return s.caption() != null ? s.caption() : block.caption();
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

    private static GuestPlacement need(MemoryPlan plan, int asid, String what) {
        GuestPlacement p = plan.byAsid(asid);
        if (p == null) {
            throw new IllegalArgumentException(what + ": no guest declares asid " + asid);
        }
        return p;
    }

    /**
     * Several guests faulting in concurrently, interleaved round-robin. Each guest touches its folios
     * in one seeded order (a permutation keyed by seed and ASID); a later lazy-accept block for the
     * same guest continues that order where the previous one stopped, so no folio is touched twice.
     */
    private static final class LazyAcceptBlock implements Block {
        private final GuestSpec[] guests;
        private final long[] counts;
        private final long[] offsets;
        private final long[] sortedCounts;
        private final Permutation[] orders;
        private final long size;
        private final String caption;

        LazyAcceptBlock(WorkloadSpec.LazyAccept spec, MemoryPlan plan, long seed,
                        java.util.Map<Integer, Long> cursor, String caption) {
            int n = spec.asids().size();
            guests = new GuestSpec[n];
            counts = new long[n];
            offsets = new long[n];
            orders = new Permutation[n];
            long total = 0;
            for (int i = 0; i < n; i++) {
                GuestSpec g = need(plan, spec.asids().get(i), "lazy-accept").spec();
                guests[i] = g;
                long done = cursor.getOrDefault(g.asid(), 0L);
                offsets[i] = done;
                counts[i] = Math.min(g.folios() - done, Math.max(1, Math.round(spec.fraction() * g.folios())));
                cursor.put(g.asid(), done + counts[i]);
                orders[i] = new Permutation(g.folios(), Mix.of(seed, 0xACCE55, g.asid()));
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
            // (counts of 0 are allowed: a guest whose memory is all touched already)
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
                        GuestSpec g = guests[i];
                        long nth = offsets[i] + t;
                        return new Step.Accept(g.asid(), (int) (nth % g.vcpus()), orders[i].apply(nth), g.folio());
                    }
                    within--;
                }
            }
            throw new IllegalStateException("lazy-accept index " + k);
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
        private final DirectMap dm;
        private final int cpus;
        private final long seed;
        private final int ordinal;
        private final String caption;

        HostActivityBlock(WorkloadSpec.HostActivity spec, MemoryPlan plan, DirectMap dm, int cpus, long seed,
                          int ordinal, String caption) {
            if (spec.cpus() > cpus) {
                throw new IllegalArgumentException("host-activity: cpus " + spec.cpus() + " but the machine has " + cpus);
            }
            this.spec = spec;
            this.plan = plan;
            this.dm = dm;
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

        /** A frame the host itself uses: RAM that is not guest memory (R22). */
        private long hostFrame(long r) {
            long frames = dm.frames();
            for (int attempt = 0; attempt < 16; attempt++) {
                long pfn = Mix.below(Mix.mix(r + attempt), frames);
                if (!dm.isRam(pfn)) {
                    continue;
                }
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
            for (long pfn = 0; pfn < frames; pfn++) {
                if (dm.isRam(pfn) && !plan.isGuestFrame(pfn)) {
                    return pfn;
                }
            }
            return 0;
        }
    }
}
