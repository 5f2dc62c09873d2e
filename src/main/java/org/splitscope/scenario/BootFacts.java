package org.splitscope.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitscope.core.mem.Pfns;

/**
 * What a boot log says about the end of RAM (SCENARIO.md, rule 2 of where a ptdump's direct map
 * ends): the firmware's e820 map ({@code BIOS-e820: [mem 0x...-0x...] usable}, arch/x86/kernel/e820.c
 * e820__print_table) and e820__end_of_ram_pfn()'s {@code last_pfn = 0x... max_arch_pfn = 0x...}.
 * The kernel prints last_pfn twice on x86-64, for max_pfn and for max_low_pfn (below 4 GiB); the
 * larger is max_pfn.
 */
final class BootFacts {
    private static final Pattern E820 = Pattern.compile(
            "BIOS-e820: \\[mem 0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})\\] (\\S+)");
    private static final Pattern LAST_PFN = Pattern.compile("last_pfn = 0x([0-9a-fA-F]{1,16}) max_arch_pfn = 0x[0-9a-fA-F]{1,16}");

    /** One past the last usable byte of the e820 map, or -1; and the line that says so. */
    long e820End = -1;
    int e820Line;
    /** The largest last_pfn, or -1; and its line. */
    long lastPfn = -1;
    int lastPfnLine;

    /** Reads {@code l} if it is one of these lines; returns whether it was. */
    boolean read(String l, int lineNo) {
        if (l.length() > PtdumpImporter.MAX_LINE) {
            return false;
        }
        if (l.startsWith("BIOS-e820:")) {
            Matcher m = E820.matcher(l);
            if (m.matches() || m.lookingAt()) {
                long end = Long.parseUnsignedLong(m.group(2), 16);
                // addresses past 2^56 are beyond any paging mode: not a real e820 entry
                if (m.group(3).equals("usable") && Long.compareUnsigned(end, 1L << 56) < 0 && end + 1 > e820End) {
                    e820End = end + 1;
                    e820Line = lineNo;
                }
            }
            return true;
        }
        if (l.startsWith("last_pfn = ")) {
            Matcher m = LAST_PFN.matcher(l);
            if (m.lookingAt()) {
                long pfn = Long.parseUnsignedLong(m.group(1), 16);
                if (Long.compareUnsigned(pfn, 1L << 40) < 0 && pfn > lastPfn) {
                    lastPfn = pfn;
                    lastPfnLine = lineNo;
                }
            }
            return true;
        }
        return false;
    }

    /** max_pfn in bytes (last_pfn first, it is the kernel's own), or -1 when the log says neither. */
    long maxPfnBytes() {
        if (lastPfn >= 0) {
            return lastPfn * Pfns.FRAME_BYTES;
        }
        return e820End >= 0 ? e820End / Pfns.FRAME_BYTES * Pfns.FRAME_BYTES : -1;
    }

    String source() {
        return lastPfn >= 0 ? "the last_pfn line (line " + lastPfnLine + ")"
                : "the e820 map (its last usable range, line " + e820Line + ")";
    }

}
