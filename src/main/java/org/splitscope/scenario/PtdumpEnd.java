package org.splitscope.scenario;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;

/**
 * Where an imported ptdump's direct map ends (SCENARIO.md, last section; DOMAIN.md R1, R5).
 * arch/x86/mm/kaslr.c sizes the direct-map region as RAM rounded up to 1 TiB plus a padding, and
 * vmalloc follows at least 1 GiB later, so the lines after the direct map may be vmalloc's. The
 * first rule that applies ends it:
 * <ol>
 *   <li>the scenario gives {@code ram}: leaves at or beyond it are not RAM;</li>
 *   <li>the same file has the boot's e820 map or its last_pfn line: the direct map ends at max_pfn;</li>
 *   <li>the section's own end marker, when the markers are right (no {@code @page_offset_base});</li>
 *   <li>otherwise the first non-present range of 1 TiB or more after a mapped leaf, with a warning.</li>
 * </ol>
 * The window read is 64 TiB from the base (4-level paging) or 4 PiB (5-level); a direct map larger
 * than a machine may be (R1) is an error naming its size and the rule that ended it.
 */
final class PtdumpEnd {
    static final long LARGE_GAP = Pfns.TIB;

    private PtdumpEnd() {
    }

    static PtdumpImporter.Result apply(String file, PtdumpImporter.Scan scan, Long base, Long ramBytes)
            throws ScenarioException {
        List<PtdumpImporter.Range> ranges = scan.ranges;
        if (ranges.isEmpty() || ranges.stream().noneMatch(PtdumpImporter.Range::present)) {
            throw new ScenarioException(file, 0, 0, nothingFound(scan, base));
        }
        long origin = base != null ? base : ranges.get(0).vStart();
        long window = PtdumpImporter.window(origin);
        long limit;
        String endedBy;
        List<String> warnings = new ArrayList<>();
        long maxPfn = scan.facts.maxPfnBytes();
        if (ramBytes != null) {
            limit = ramBytes;
            endedBy = "ram (" + Pfns.exactBytes(ramBytes) + ")";
        } else if (maxPfn > 0) {
            limit = maxPfn;
            endedBy = "max_pfn " + Pfns.hex(maxPfn / Pfns.FRAME_BYTES) + " from " + scan.facts.source();
        } else if (base == null && scan.endMarkerLine > 0) {
            limit = window;
            endedBy = "the section's end marker (line " + scan.endMarkerLine + ")";
        } else {
            limit = -1;
            endedBy = null;
        }
        List<BootLayout.Imported.Leaf> leaves = new ArrayList<>();
        long lastEnd = 0;
        int lastLeafLine = 0;
        long prevEnd = origin;
        for (PtdumpImporter.Range r : ranges) {
            if (Long.compareUnsigned(r.vStart(), prevEnd) < 0) {
                throw new ScenarioException(file, r.line(), 1, "ranges are not in increasing address order");
            }
            prevEnd = r.vEnd();
            long start = r.vStart() - origin;
            long end = r.vEnd() - origin;
            if (Long.compareUnsigned(start, window) >= 0) {
                break;                                    // beyond the window: not the direct map
            }
            if (!r.present()) {
                continue;
            }
            if (limit < 0 && !leaves.isEmpty() && start - lastEnd >= LARGE_GAP) {
                warnings.add(file + ": nothing in the file says where the direct map ends (no ram: in the scenario, no"
                        + " e820 map or last_pfn line" + (base == null ? ", no section end marker" : "") + "); it was"
                        + " taken to end at physical " + Pfns.hex(lastEnd) + " (" + Pfns.exactBytes(lastEnd) + "), before"
                        + " the first non-present range of"
                        + " 1 TiB or more (after line " + lastLeafLine + "); give ram: to be sure");
                endedBy = "the first non-present range of 1 TiB or more (after line " + lastLeafLine + ")";
                break;
            }
            if (limit >= 0 && Long.compareUnsigned(start, limit) >= 0) {
                break;                                    // at or beyond the end: not RAM
            }
            PageSize size = r.size();
            if (size == null) {
                throw new ScenarioException(file, r.line(), 1,
                        "a present p4d or pgd leaf is not a direct-map page size (4K, 2M or 1G)");
            }
            if (Long.compareUnsigned(end, window) > 0) {
                throw new ScenarioException(file, r.line(), 1, "a present leaf runs past the end of the "
                        + Pfns.exactBytes(window) + " direct-map window");
            }
            if (ramBytes != null && end > ramBytes) {
                throw new ScenarioException(file, r.line(), 1, "the " + size + " leaf at physical " + Pfns.hex(start)
                        + "-" + Pfns.hex(end) + " runs past ram (" + Pfns.exactBytes(ramBytes) + ")");
            }
            long bytes = end - start;
            if (start % size.bytes() != 0 || bytes % size.bytes() != 0) {
                throw new ScenarioException(file, r.line(), 1, "a " + size + " range at physical " + Pfns.hex(start)
                        + " is not " + size + "-aligned");
            }
            leaves.add(new BootLayout.Imported.Leaf(start / Pfns.FRAME_BYTES, size, bytes / size.bytes()));
            lastEnd = end;
            lastLeafLine = r.line();
        }
        if (endedBy == null) {
            endedBy = "the last mapped leaf (line " + lastLeafLine + ")";
            warnings.add(file + ": nothing in the file says where the direct map ends (no ram: in the scenario, no e820"
                    + " map or last_pfn line" + (base == null ? ", no section end marker" : "") + "); it was taken to"
                    + " end with the last mapped leaf, at physical " + Pfns.hex(lastEnd) + " (" + Pfns.exactBytes(lastEnd)
                    + ", line " + lastLeafLine
                    + "); give ram: to be sure");
        }
        if (leaves.isEmpty()) {
            throw new ScenarioException(file, scan.lastLine(), 0, "no present direct-map leaves below " + endedBy);
        }
        long end2m = (lastEnd + 2 * Pfns.MIB - 1) / (2 * Pfns.MIB) * (2 * Pfns.MIB);
        if (end2m > MachineSpec.MAX_RAM) {
            throw new ScenarioException(file, lastLeafLine, 0, "the direct map found ends at " + Pfns.exactBytes(end2m)
                    + ", more than the " + Pfns.exactBytes(MachineSpec.MAX_RAM) + " a machine may have (R1); it was"
                    + " ended by " + endedBy);
        }
        return new PtdumpImporter.Result(new BootLayout.Imported("ptdump:" + file, leaves), endedBy, warnings);
    }

    private static String nothingFound(PtdumpImporter.Scan scan, Long base) {
        if (base != null) {
            return "no present leaves in the " + Pfns.exactBytes(PtdumpImporter.window(base)) + " window from "
                    + Pfns.hex(base) + (scan.recognised ? "" : " (is this a ptdump or a boot log with one?)");
        }
        if (scan.bunchedAt > 0) {
            return "the section markers are bunched (line " + scan.bunchedAt + "): this dump was printed before"
                    + " pt_dump_init() (e.g. the early EFI dump of a KASLR boot); give"
                    + " ptdump:<file>@<page_offset_base>";
        }
        if (!scan.sawSection()) {
            return "no \"Low Kernel Mapping\" section" + (scan.recognised ? "" : " (is this a ptdump?)")
                    + "; give ptdump:<file>@<page_offset_base> for a dump without one";
        }
        return "no present direct-map leaves in the \"Low Kernel Mapping\" section";
    }
}
