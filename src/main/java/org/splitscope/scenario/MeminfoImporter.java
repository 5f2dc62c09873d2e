package org.splitscope.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.PageSize;

/**
 * Builds a boot layout from a {@code /proc/meminfo}: exactly its DirectMap4k, DirectMap2M and
 * DirectMap1G totals, 4K leaves lowest, then 2M, then 1G (SCENARIO.md). A 2M leaf must start on a
 * 2M boundary and a 1G leaf on a 1G boundary, so where the totals do not line up the gap before
 * them becomes a hole, as the firmware holes of a real machine would.
 */
public final class MeminfoImporter {
    private static final Pattern LINE = Pattern.compile("^(DirectMap(4k|2M|1G)):\\s*(\\d+)\\s*kB\\s*$");

    private MeminfoImporter() {
    }

    public static BootLayout.Imported parse(String file, String text) throws ScenarioException {
        long[] kb = {-1, -1, -1};
        int[] at = new int[3];
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i].strip());
            if (lines[i].startsWith("DirectMap") && !m.matches()) {
                throw new ScenarioException(file, i + 1, 1, "cannot read: " + lines[i].strip());
            }
            if (!m.matches()) {
                continue;
            }
            int k = switch (m.group(2)) {
                case "4k" -> 0;
                case "2M" -> 1;
                default -> 2;
            };
            if (kb[k] >= 0) {
                throw new ScenarioException(file, i + 1, 1, m.group(1) + " appears twice");
            }
            try {
                kb[k] = Long.parseLong(m.group(3));
            } catch (NumberFormatException e) {
                throw new ScenarioException(file, i + 1, 1, m.group(1) + " is too large");
            }
            at[k] = i + 1;
        }
        if (kb[0] < 0 && kb[1] < 0 && kb[2] < 0) {
            throw new ScenarioException(file, 0, 0, "no DirectMap4k, DirectMap2M or DirectMap1G line");
        }
        long[] unitKb = {4, 2048, 1024 * 1024};
        String[] names = {"DirectMap4k", "DirectMap2M", "DirectMap1G"};
        for (int k = 0; k < 3; k++) {
            if (kb[k] > 0 && kb[k] % unitKb[k] != 0) {
                throw new ScenarioException(file, at[k], 1, names[k] + " " + kb[k] + " kB is not a multiple of "
                        + unitKb[k] + " kB");
            }
        }
        List<BootLayout.Imported.Leaf> leaves = new ArrayList<>();
        long pfn = 0;
        PageSize[] sizes = {PageSize.K4, PageSize.M2, PageSize.G1};
        for (int k = 0; k < 3; k++) {
            long count = Math.max(0, kb[k]) / unitKb[k];
            if (count == 0) {
                continue;
            }
            long frames = sizes[k].frames();
            pfn = (pfn + frames - 1) / frames * frames;      // align: the gap is a hole
            leaves.add(new BootLayout.Imported.Leaf(pfn, sizes[k], count));
            pfn += count * frames;
        }
        return new BootLayout.Imported("meminfo:" + file, leaves);
    }
}
