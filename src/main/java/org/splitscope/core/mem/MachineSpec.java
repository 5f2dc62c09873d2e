package org.splitscope.core.mem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The simulated host: its physical address space, the ranges in it that are not RAM, its logical
 * CPUs, whether the boot direct map uses 1G pages, the TLB sizes and the boot layout.
 *
 * @param ramBytes  size of the physical address space, a multiple of 2 MiB, 64 MiB .. 16 TiB (R1)
 * @param holes     ranges that are not RAM (R1), sorted, not overlapping
 * @param cpus      logical CPUs, 1..1024 (R2)
 * @param kernel    the kernel profile (R27)
 * @param invlpgb   whether the CPUs have INVLPGB (R18; every SNP-capable EPYC does)
 */
public record MachineSpec(long ramBytes, List<PfnRange> holes, int cpus, boolean gbpages, TlbSpec tlb,
                          BootLayout boot, KernelProfile kernel, boolean invlpgb) {
    public static final long MIN_RAM = 64 * Pfns.MIB;
    public static final long MAX_RAM = 16 * Pfns.TIB;
    public static final int MAX_CPUS = 1024;

    public MachineSpec {
        java.util.Objects.requireNonNull(kernel, "kernel");
        if (ramBytes < MIN_RAM || ramBytes > MAX_RAM || ramBytes % (2 * Pfns.MIB) != 0) {
            throw new IllegalArgumentException("ram must be a multiple of 2 MiB between " + Pfns.exactBytes(MIN_RAM)
                    + " and " + Pfns.exactBytes(MAX_RAM) + " (R1), got " + Pfns.exactBytes(ramBytes));
        }
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("cpus must be 1..1024, got " + cpus);
        }
        List<PfnRange> sorted = new ArrayList<>(holes);
        sorted.sort(Comparator.comparingLong(PfnRange::start));
        long frames = ramBytes / Pfns.FRAME_BYTES;
        for (int i = 0; i < sorted.size(); i++) {
            PfnRange h = sorted.get(i);
            if (h.end() > frames) {
                throw new IllegalArgumentException("hole " + h + " extends beyond the end of RAM");
            }
            if (i > 0 && sorted.get(i - 1).end() > h.start()) {
                throw new IllegalArgumentException("holes " + sorted.get(i - 1) + " and " + h + " overlap");
            }
        }
        holes = List.copyOf(sorted);
    }

    /** A machine as the kernel profile and INVLPGB default it (6.18, INVLPGB present). */
    public MachineSpec(long ramBytes, List<PfnRange> holes, int cpus, boolean gbpages, TlbSpec tlb,
                       BootLayout boot) {
        this(ramBytes, holes, cpus, gbpages, tlb, boot, KernelProfile.DEFAULT, true);
    }

    public static MachineSpec of(long ramBytes, int cpus) {
        return new MachineSpec(ramBytes, List.of(), cpus, true, TlbSpec.DEFAULT, new BootLayout.Default());
    }

    /**
     * Whether flush_tlb_all() is one broadcast INVLPGB + TLBSYNC from the sender and sends no IPI
     * (R18): kernel 6.18 on CPUs with INVLPGB.
     */
    public boolean broadcastFlushAll() {
        return invlpgb && kernel.broadcastFlushAll();
    }

    /**
     * The frames that are RAM, as sorted, merged ranges: what an imported layout's leaves cover, or
     * the address space without the holes (R1). The layout knows its RAM ranges, so whoever needs a
     * RAM frame picks one from these in O(log ranges) rather than scanning frames (issue 14 item 3).
     */
    public List<PfnRange> ramRanges() {
        List<PfnRange> out = new ArrayList<>();
        if (boot instanceof BootLayout.Imported imp) {
            for (BootLayout.Imported.Leaf l : imp.leaves()) {
                long end = Math.min(l.end(), frames());
                if (l.start() >= end) {
                    continue;
                }
                if (!out.isEmpty() && out.get(out.size() - 1).end() == l.start()) {
                    out.set(out.size() - 1, new PfnRange(out.get(out.size() - 1).start(), end));
                } else {
                    out.add(new PfnRange(l.start(), end));
                }
            }
        } else {
            long at = 0;
            for (PfnRange h : holes) {
                if (h.start() > at) {
                    out.add(new PfnRange(at, h.start()));
                }
                at = Math.max(at, h.end());
            }
            if (at < frames()) {
                out.add(new PfnRange(at, frames()));
            }
        }
        return out;
    }

    public long frames() {
        return ramBytes / Pfns.FRAME_BYTES;
    }

    public int regions() {
        return (int) (frames() / Pfns.FRAMES_PER_2M);
    }

    public int gigs() {
        return (int) ((frames() + Pfns.FRAMES_PER_1G - 1) / Pfns.FRAMES_PER_1G);
    }

    public MachineSpec withCpus(int n) {
        return new MachineSpec(ramBytes, holes, n, gbpages, tlb, boot, kernel, invlpgb);
    }

    public MachineSpec withBoot(BootLayout b) {
        return new MachineSpec(ramBytes, holes, cpus, gbpages, tlb, b, kernel, invlpgb);
    }

    public MachineSpec withHoles(List<PfnRange> h) {
        return new MachineSpec(ramBytes, h, cpus, gbpages, tlb, boot, kernel, invlpgb);
    }

    public MachineSpec withGbpages(boolean g) {
        return new MachineSpec(ramBytes, holes, cpus, g, tlb, boot, kernel, invlpgb);
    }

    public MachineSpec withKernel(KernelProfile k) {
        return new MachineSpec(ramBytes, holes, cpus, gbpages, tlb, boot, k, invlpgb);
    }

    public MachineSpec withInvlpgb(boolean i) {
        return new MachineSpec(ramBytes, holes, cpus, gbpages, tlb, boot, kernel, i);
    }

    public MachineSpec withTlb(TlbSpec t) {
        return new MachineSpec(ramBytes, holes, cpus, gbpages, t, boot, kernel, invlpgb);
    }
}
