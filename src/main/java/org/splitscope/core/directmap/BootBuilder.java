package org.splitscope.core.directmap;

import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.PfnRange;
import org.splitscope.core.mem.Pfns;

/**
 * Lays out the boot direct map (DOMAIN.md R5) into a fresh {@link DirectMap}, without journaling.
 *
 * <p>The default layout follows the kernel's split_mem_range() (arch/x86/mm/init.c) on each RAM
 * range: 4K entries up to the first 2M boundary, 2M entries up to the first 1G boundary, 1G
 * entries while a whole 1G is RAM and gbpages is on, then 2M and 4K again for the tail. The first
 * 2M is 4K as on a real boot (the ISA range is mapped separately with 4K pages first). A 2M region
 * that is only partly RAM is a table of 4K PTEs for its RAM frames; a region with no RAM has no
 * entry at all.
 */
final class BootBuilder {
    private BootBuilder() {
    }

    /**
     * Returns the number of RAM frames. {@code all4k} lays every RAM frame out as a 4K PTE whatever
     * the layout says (R5, the presplit-4k policy); the RAM itself still comes from the layout.
     */
    static long build(DirectMap dm, MachineSpec spec, boolean all4k) {
        long frames = spec.frames();
        if (spec.boot() instanceof BootLayout.Imported imported) {
            for (BootLayout.Imported.Leaf leaf : imported.leaves()) {
                if (leaf.end() > frames) {
                    throw new IllegalArgumentException("imported leaf at " + Pfns.hex(leaf.start())
                            + " extends beyond the end of RAM");
                }
                dm.markRam(leaf.start(), leaf.end(), true);
            }
        } else {
            dm.markRam(0, frames, true);
            for (PfnRange h : spec.holes()) {
                dm.markRam(h.start(), h.end(), false);
            }
        }
        dm.finishRam();
        long ram = 0;
        for (int r = 0; r < dm.regions(); r++) {
            ram += dm.ramCount(r);
        }

        if (all4k) {
            layoutUniform(dm, false);
            dm.finishLayout();
            return ram;
        }
        switch (spec.boot()) {
            case BootLayout.Default d -> layoutDefault(dm, spec.gbpages());
            case BootLayout.All2M a -> layoutUniform(dm, true);
            case BootLayout.All4K a -> layoutUniform(dm, false);
            case BootLayout.Imported imported -> layoutImported(dm, imported);
        }
        dm.finishLayout();
        return ram;
    }

    private static void layoutDefault(DirectMap dm, boolean gbpages) {
        for (int g = 0; g < dm.gigs(); g++) {
            int first = g * Pfns.REGIONS_PER_1G;
            int last = Math.min(dm.regions(), first + Pfns.REGIONS_PER_1G);
            boolean whole = last - first == Pfns.REGIONS_PER_1G;
            int ram = 0;
            for (int r = first; r < last; r++) {
                ram += dm.ramCount(r);
            }
            boolean leaf1g = gbpages && g > 0 && whole && ram == Pfns.FRAMES_PER_1G;
            dm.initGig(g, leaf1g ? DirectMap.LEAF_1G : ram == 0 ? DirectMap.NONE : DirectMap.TABLE);
            for (int r = first; r < last; r++) {
                int c = dm.ramCount(r);
                byte kind;
                if (c == 0) {
                    kind = DirectMap.NONE;
                } else if (c == Pfns.FRAMES_PER_2M && r != 0) {
                    kind = DirectMap.LEAF_2M;
                } else {
                    kind = DirectMap.TABLE;
                }
                dm.initRegion(r, kind);
            }
        }
    }

    private static void layoutUniform(DirectMap dm, boolean use2m) {
        for (int g = 0; g < dm.gigs(); g++) {
            int first = g * Pfns.REGIONS_PER_1G;
            int last = Math.min(dm.regions(), first + Pfns.REGIONS_PER_1G);
            int ram = 0;
            for (int r = first; r < last; r++) {
                int c = dm.ramCount(r);
                ram += c;
                dm.initRegion(r, c == 0 ? DirectMap.NONE
                        : use2m && c == Pfns.FRAMES_PER_2M ? DirectMap.LEAF_2M : DirectMap.TABLE);
            }
            dm.initGig(g, ram == 0 ? DirectMap.NONE : DirectMap.TABLE);
        }
    }

    private static void layoutImported(DirectMap dm, BootLayout.Imported imported) {
        // Everything starts as a table; leaves then say what maps each range.
        for (int g = 0; g < dm.gigs(); g++) {
            dm.initGig(g, DirectMap.NONE);
        }
        for (int r = 0; r < dm.regions(); r++) {
            dm.initRegion(r, DirectMap.NONE);
        }
        for (BootLayout.Imported.Leaf leaf : imported.leaves()) {
            for (long i = 0; i < leaf.count(); i++) {
                long start = leaf.start() + i * leaf.size().frames();
                if (leaf.size() == PageSize.G1) {
                    int g = Pfns.gig(start);
                    dm.initGig(g, DirectMap.LEAF_1G);
                    for (int r = g * Pfns.REGIONS_PER_1G; r < (g + 1) * Pfns.REGIONS_PER_1G; r++) {
                        dm.initRegion(r, DirectMap.LEAF_2M);
                    }
                } else if (leaf.size() == PageSize.M2) {
                    int r = Pfns.region(start);
                    dm.initGig(Pfns.gigOfRegion(r), DirectMap.TABLE);
                    dm.initRegion(r, DirectMap.LEAF_2M);
                } else {
                    int r = Pfns.region(start);
                    dm.initGig(Pfns.gigOfRegion(r), DirectMap.TABLE);
                    dm.initRegion(r, DirectMap.TABLE);
                }
            }
        }
    }
}
