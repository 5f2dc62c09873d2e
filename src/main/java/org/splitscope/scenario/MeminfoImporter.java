package org.splitscope.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;

/**
 * Builds a boot layout from a {@code /proc/meminfo}: exactly its DirectMap4k, DirectMap2M and
 * DirectMap1G totals, 4K leaves lowest, then 2M, then 1G (SCENARIO.md). A 2M leaf must start on a
 * 2M boundary and a 1G leaf on a 1G boundary, so where the totals do not line up the gap before
 * them becomes a hole, as the firmware holes of a real machine would.
 *
 * <p>Every line that is not blank must read {@code Name: number [kB]} as fs/proc/meminfo.c prints
 * it (leading spaces allowed); content is quoted in an error only once a line of that shape was
 * seen (the file is recognised as a meminfo), and at most 80 characters of it. Totals are checked
 * against the machine limit (R1) where they are read, so a value cannot wrap around.
 */
public final class MeminfoImporter {
    private static final Pattern LINE = Pattern.compile("([A-Za-z][A-Za-z0-9_()]*):\\s+(\\d+)(\\s+kB)?");
    private static final String[] NAMES = {"DirectMap4k", "DirectMap2M", "DirectMap1G"};
    private static final long[] UNIT_KB = {4, 2048, 1024 * 1024};
    private static final PageSize[] SIZES = {PageSize.K4, PageSize.M2, PageSize.G1};

    private MeminfoImporter() {
    }

    public static BootLayout.Imported parse(String file, String text) throws ScenarioException {
        long[] kb = {-1, -1, -1};
        int[] at = new int[3];
        boolean recognised = false;
        long maxKb = MachineSpec.MAX_RAM / Pfns.KIB;
        int lineNo = 0;
        for (String raw : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            String l = raw.strip();
            if (l.isEmpty()) {
                continue;
            }
            Matcher m = l.length() <= 200 ? LINE.matcher(l) : null;
            if (m == null || !m.matches()) {
                throw new ScenarioException(file, lineNo, 1, "not a /proc/meminfo line (Name: number kB)"
                        + (recognised ? ": " + Quote.of(l) : ""));
            }
            recognised = true;
            int k = List.of(NAMES).indexOf(m.group(1));
            if (k < 0) {
                continue;
            }
            if (m.group(3) == null) {
                throw new ScenarioException(file, lineNo, 1, NAMES[k] + " must be in kB: " + Quote.of(l));
            }
            if (kb[k] >= 0) {
                throw new ScenarioException(file, lineNo, 1, NAMES[k] + " appears twice (first on line " + at[k] + ")");
            }
            String digits = m.group(2);
            if (digits.length() > 18 || Long.parseLong(digits) > maxKb) {
                throw new ScenarioException(file, lineNo, 1, NAMES[k] + " " + digits + " kB is more than the "
                        + Pfns.exactBytes(MachineSpec.MAX_RAM) + " (" + maxKb + " kB) a machine may have (R1)");
            }
            kb[k] = Long.parseLong(digits);
            at[k] = lineNo;
        }
        if (kb[0] < 0 && kb[1] < 0 && kb[2] < 0) {
            throw new ScenarioException(file, 0, 0, "no DirectMap4k, DirectMap2M or DirectMap1G line"
                    + (recognised ? "" : " (is this a /proc/meminfo?)"));
        }
        for (int k = 0; k < 3; k++) {
            if (kb[k] > 0 && kb[k] % UNIT_KB[k] != 0) {
                throw new ScenarioException(file, at[k], 1, NAMES[k] + " " + kb[k] + " kB is not a multiple of "
                        + UNIT_KB[k] + " kB");
            }
        }
        List<BootLayout.Imported.Leaf> leaves = new ArrayList<>();
        long pfn = 0;
        for (int k = 0; k < 3; k++) {
            long count = Math.max(0, kb[k]) / UNIT_KB[k];
            if (count == 0) {
                continue;
            }
            long frames = SIZES[k].frames();
            pfn = (pfn + frames - 1) / frames * frames;      // align: the gap is a hole
            leaves.add(new BootLayout.Imported.Leaf(pfn, SIZES[k], count));
            pfn += count * frames;
        }
        if (leaves.isEmpty()) {
            throw new ScenarioException(file, Math.max(at[0], Math.max(at[1], at[2])), 1,
                    "no RAM: DirectMap4k, DirectMap2M and DirectMap1G add up to 0 kB");
        }
        long end = (pfn * Pfns.FRAME_BYTES + 2 * Pfns.MIB - 1) / (2 * Pfns.MIB) * (2 * Pfns.MIB);
        if (end > MachineSpec.MAX_RAM) {
            throw new ScenarioException(file, 0, 0, "the DirectMap lines add up to a layout that ends at "
                    + Pfns.exactBytes(end) + ", more than the " + Pfns.exactBytes(MachineSpec.MAX_RAM)
                    + " a machine may have (R1)");
        }
        return new BootLayout.Imported("meminfo:" + file, leaves);
    }
}
