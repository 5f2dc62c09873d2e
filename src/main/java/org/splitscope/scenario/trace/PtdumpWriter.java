package org.splitscope.scenario.trace;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.mem.Pfns;

/**
 * Writes a simulated direct map as the kernel's page-table dump prints it
 * (/sys/kernel/debug/page_tables/kernel, arch/x86/mm/dump_pagetables.c): the "Low Kernel Mapping"
 * section, one line per run of neighbouring entries of one level and one present state, the
 * present ones "RW ... GLB NX", the not-present ones (and holes) without flags. Reading it back
 * with the ptdump importer gives the same present leaves. Runs also break at every 1G boundary and
 * after the first 2M (where a real host's legacy holes are), so that no section is a single line:
 * the importer takes a one-line section for the bunched markers of a dump printed before
 * pt_dump_init() (an all-4K direct map would otherwise be one line).
 */
final class PtdumpWriter {
    private static final int NONE = -1;
    private final Writer out;
    private final long base;
    private long runStart;
    private long runEnd;
    /** The open run: level (0 pte, 1 pmd, 2 pud) * 2 + present, or NONE. */
    private int runKey = NONE;

    private PtdumpWriter(Writer out, long base) {
        this.out = out;
        this.base = base;
    }

    /** The dump of {@code dm}, with the direct map at virtual address {@code pageOffsetBase}. */
    static void write(DirectMap dm, long pageOffsetBase, Writer out) throws IOException {
        PtdumpWriter w = new PtdumpWriter(out, pageOffsetBase);
        out.write("---[ Low Kernel Mapping ]---\n");
        for (int gig = 0; gig < dm.gigs(); gig++) {
            long gigBase = (long) gig * Pfns.FRAMES_PER_1G;
            if (dm.gigKind(gig) == DirectMap.LEAF_1G) {
                w.entry(gigBase, Pfns.FRAMES_PER_1G, 2, dm.gigLeafPresent(gig));
                continue;
            }
            int firstRegion = gig * 512;
            int lastRegion = Math.min(dm.regions(), firstRegion + 512);
            for (int r = firstRegion; r < lastRegion; r++) {
                long rb = Pfns.regionBase(r);
                byte kind = dm.regionKind(r);
                if (kind == DirectMap.LEAF_2M) {
                    w.entry(rb, Pfns.FRAMES_PER_2M, 1, dm.regionLeafPresent(r));
                } else if (kind == DirectMap.TABLE && dm.ramCount(r) == Pfns.FRAMES_PER_2M && dm.notPresentCount(r) == 0) {
                    w.entry(rb, Pfns.FRAMES_PER_2M, 0, true);
                } else if (kind == DirectMap.TABLE) {
                    for (long p = rb; p < rb + Pfns.FRAMES_PER_2M; p++) {
                        w.entry(p, 1, 0, dm.isRam(p) && dm.frameState(p) == DirectMap.PTE_PRESENT);
                    }
                } else {
                    w.entry(rb, Pfns.FRAMES_PER_2M, 1, false);
                }
            }
        }
        w.close();
        out.write("---[ vmalloc() Area ]---\n");
    }

    private void entry(long pfn, long frames, int level, boolean present) throws IOException {
        int key = level * 2 + (present ? 1 : 0);
        boolean boundary = pfn % Pfns.FRAMES_PER_1G == 0 || pfn == Pfns.FRAMES_PER_2M;
        if (key == runKey && pfn == runEnd && !boundary) {
            runEnd += frames;
            return;
        }
        close();
        runKey = key;
        runStart = pfn;
        runEnd = pfn + frames;
    }

    private void close() throws IOException {
        if (runKey == NONE) {
            return;
        }
        long bytes = (runEnd - runStart) * Pfns.FRAME_BYTES;
        String[] units = {"K", "M", "G", "T", "P"};
        long size = bytes >> 10;
        int u = 0;
        while (size % 1024 == 0 && u < units.length - 1) {
            size /= 1024;
            u++;
        }
        boolean present = (runKey & 1) != 0;
        String level = switch (runKey >> 1) {
            case 0 -> "pte";
            case 1 -> "pmd";
            default -> "pud";
        };
        out.write(String.format(Locale.ROOT, "0x%016x-0x%016x %9d%s     %-30s %s\n", base + runStart * Pfns.FRAME_BYTES,
                base + runEnd * Pfns.FRAME_BYTES, size, units[u], present ? "RW                     GLB NX" : "",
                level));
        runKey = NONE;
    }
}
