package org.splitscope.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.PageSize;

/**
 * Imports a boot direct map from the kernel's page-table dump ({@code
 * /sys/kernel/debug/page_tables/kernel}, arch/x86/mm/dump_pagetables.c), or from the same lines in
 * a boot log with dmesg "[    0.007771] " prefixes (DOMAIN.md R5, SCENARIO.md).
 *
 * <p>Each line reads {@code 0xSTART-0xEND  SIZE  FLAGS LEVEL}; LEVEL is pte (4K), pmd (2M) or pud
 * (1G). A line whose flags are blank is not present (dump_pagetables prints spaces instead of
 * RW/ro/NX for a non-present entry). By default the direct map is the "Low Kernel Mapping" section
 * and starts at its first line; {@code @page_offset_base} instead takes every line whose virtual
 * address is in [base, base + 64 TiB), for kernels whose section markers are wrong under KASLR.
 * Non-present ranges between mapped leaves become holes; the layout ends with the last mapped leaf.
 */
public final class PtdumpImporter {
    private static final Pattern DMESG = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\]\\s?");
    private static final Pattern LINE = Pattern.compile(
            "^0x([0-9a-fA-F]+)-0x([0-9a-fA-F]+)\\s+(\\d+)([KMGTP]?)\\s*(.*?)\\s*\\b(pte|pmd|pud|p4d|pgd)\\s*$");
    private static final Pattern PRESENT = Pattern.compile("\\b(RW|ro)\\b");
    private static final long DIRECT_MAP_SPAN = 1L << 46;

    private PtdumpImporter() {
    }

    /** Parses {@code text}; {@code base} is the page_offset_base, or null to use the section marker. */
    public static BootLayout.Imported parse(String file, String text, Long base) throws ScenarioException {
        String[] lines = text.split("\r?\n", -1);
        List<BootLayout.Imported.Leaf> leaves = new ArrayList<>();
        boolean inSection = false;
        boolean sawSection = false;
        Long origin = base;
        long lastEnd = -1;
        int lastLine = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String l = DMESG.matcher(lines[i]).replaceFirst("").stripTrailing();
            if (l.isBlank()) {
                continue;
            }
            if (l.startsWith("---[")) {
                if (base == null) {
                    boolean low = l.contains("Low Kernel Mapping");
                    if (inSection && !low) {
                        break;
                    }
                    inSection = low;
                    sawSection |= low;
                }
                continue;
            }
            if (base == null && !inSection) {
                continue;
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                if (l.startsWith("0x")) {
                    throw new ScenarioException(file, lineNo, 1, "cannot read this ptdump line: " + l.strip());
                }
                continue;                                   // other log noise
            }
            long vStart = Long.parseUnsignedLong(m.group(1), 16);
            long vEnd = Long.parseUnsignedLong(m.group(2), 16);
            if (base != null && (Long.compareUnsigned(vStart, base) < 0
                    || Long.compareUnsigned(vStart - base, DIRECT_MAP_SPAN) >= 0)) {
                continue;
            }
            if (origin == null) {
                origin = vStart;
            }
            if (Long.compareUnsigned(vEnd, vStart) <= 0) {
                throw new ScenarioException(file, lineNo, 1, "range ends before it starts");
            }
            String level = m.group(6);
            boolean present = PRESENT.matcher(m.group(5)).find();
            long start = vStart - origin;
            long end = vEnd - origin;
            if (start < lastEnd) {
                throw new ScenarioException(file, lineNo, 1, "ranges are not in increasing address order");
            }
            if (!present) {
                continue;                                   // a hole (or, after the last leaf, not RAM)
            }
            PageSize size = switch (level) {
                case "pte" -> PageSize.K4;
                case "pmd" -> PageSize.M2;
                case "pud" -> PageSize.G1;
                default -> throw new ScenarioException(file, lineNo, m.start(6) + 1,
                        "a present " + level + " leaf is not a direct-map page size (4K, 2M or 1G)");
            };
            long bytes = end - start;
            if (start % size.bytes() != 0 || bytes % size.bytes() != 0) {
                throw new ScenarioException(file, lineNo, 1, "a " + size + " range at physical 0x"
                        + Long.toHexString(start) + " is not " + size + "-aligned");
            }
            long declared = Long.parseLong(m.group(3)) * unit(m.group(4));
            if (declared != bytes) {
                throw new ScenarioException(file, lineNo, m.start(3) + 1, "size column says " + m.group(3) + m.group(4)
                        + " but the range is " + bytes / 1024 + "K");
            }
            leaves.add(new BootLayout.Imported.Leaf(start / 4096, size, bytes / size.bytes()));
            lastEnd = end;
            lastLine = lineNo;
        }
        if (leaves.isEmpty()) {
            String why = base == null && !sawSection
                    ? "no \"Low Kernel Mapping\" section (give ptdump:<file>@<page_offset_base> for a dump without one)"
                    : "no present direct-map leaves found";
            throw new ScenarioException(file, lastLine, 0, why);
        }
        return new BootLayout.Imported("ptdump:" + file, leaves);
    }

    private static long unit(String u) {
        return switch (u.toUpperCase(Locale.ROOT)) {
            case "" -> 1;
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            case "T" -> 1L << 40;
            case "P" -> 1L << 50;
            default -> throw new IllegalArgumentException(u);
        };
    }
}
