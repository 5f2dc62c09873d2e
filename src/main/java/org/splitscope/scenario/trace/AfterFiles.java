package org.splitscope.scenario.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.scenario.ScenarioException;

/**
 * The files a recording compares at the end (TRACE.md "Validate"): the DirectMap lines of
 * {@code meminfo.after}, the direct-map counters of {@code vmstat.before} and {@code vmstat.after},
 * and the leaves of {@code ptdump.after}. Each is null when the recording has no such file.
 *
 * @param meminfoAfter DirectMap4k/2M/1G in kB, only the lines the file has (DirectMap1G only with gbpages)
 * @param vmstatBefore direct_map_* counters (zero-filled for a key the file does not have)
 */
public record AfterFiles(Map<String, Long> meminfoAfter, Map<String, Long> vmstatBefore,
                         Map<String, Long> vmstatAfter, BootLayout.Imported ptdumpAfter) {
    static final String MEMINFO_AFTER = "meminfo.after";
    static final String VMSTAT_BEFORE = "vmstat.before";
    static final String VMSTAT_AFTER = "vmstat.after";
    static final String PTDUMP_AFTER = "ptdump.after";
    /** The vmstat counters of the direct map (mm/vmstat.c: direct_map_level2_splits, ...). */
    static final String[] VMSTAT_KEYS = {"direct_map_level2_splits", "direct_map_level3_splits",
        "direct_map_level2_collapses", "direct_map_level3_collapses"};

    private static final Pattern DIRECT_MAP = Pattern.compile("^(DirectMap(?:4k|2M|1G)):\\s*(\\d{1,18})\\s*kB\\s*$");
    private static final Pattern VMSTAT = Pattern.compile("^(\\w+)\\s+(\\d{1,18})\\s*$");

    static Map<String, Long> meminfo(String file, String text) throws ScenarioException {
        Map<String, Long> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.startsWith("DirectMap")) {
                continue;
            }
            Matcher m = DIRECT_MAP.matcher(l);
            if (!m.matches()) {
                throw new ScenarioException(file, i + 1, 1, "cannot read: " + HostFile.quote(l));
            }
            if (out.put(m.group(1), Long.parseLong(m.group(2))) != null) {
                throw new ScenarioException(file, i + 1, 1, m.group(1) + " appears twice");
            }
        }
        if (out.isEmpty()) {
            throw new ScenarioException(file, 0, 0, "no DirectMap4k, DirectMap2M or DirectMap1G line");
        }
        return out;
    }

    static Map<String, Long> vmstat(String file, String text) throws ScenarioException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : VMSTAT_KEYS) {
            out.put(k, 0L);
        }
        String[] lines = text.split("\r?\n", -1);
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.startsWith("direct_map_")) {
                continue;
            }
            Matcher m = VMSTAT.matcher(l);
            if (!m.matches()) {
                throw new ScenarioException(file, i + 1, 1, "cannot read: " + HostFile.quote(l));
            }
            if (out.containsKey(m.group(1))) {
                out.put(m.group(1), Long.parseLong(m.group(2)));
                any = true;
            }
        }
        if (!any) {
            throw new ScenarioException(file, 0, 0, "no direct_map_level2_splits or direct_map_level3_splits line"
                    + " (a kernel without CONFIG_PROC_FS/x86 direct-map stats, or not a /proc/vmstat)");
        }
        return out;
    }
}
