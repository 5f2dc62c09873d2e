package org.splitscope.scenario;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;

/**
 * Imports a boot direct map from the kernel's page-table dump ({@code
 * /sys/kernel/debug/page_tables/kernel}, arch/x86/mm/dump_pagetables.c), or from the same lines in
 * a boot log with dmesg "[    0.007771] " prefixes (DOMAIN.md R5, SCENARIO.md).
 *
 * <p>Each line reads {@code 0xSTART-0xEND  SIZE  FLAGS LEVEL}; LEVEL is pte (4K), pmd (2M) or pud
 * (1G). A line whose flags are blank is not present. By default the direct map is the "Low Kernel
 * Mapping" section; with {@code @page_offset_base} it is every line in the window from that address
 * (64 TiB, or 4 PiB for 5-level paging), for a dump printed before pt_dump_init() whose section
 * markers are wrong (bunched at the start of kernel space, e.g. the early EFI dump of a KASLR boot).
 * Non-present ranges between mapped leaves become holes. Where the direct map ends is
 * SCENARIO.md's rule, applied by {@link PtdumpEnd}.
 *
 * <p>File content is quoted in errors only once the file has shown a section marker or a
 * well-formed range line (it is recognised as a ptdump), and at most 80 characters of it.
 */
public final class PtdumpImporter {
    /** Longest line read as a ptdump line (dump_pagetables prints under 100 characters). */
    static final int MAX_LINE = 512;
    static final long WINDOW_4LEVEL = 64 * Pfns.TIB;
    static final long WINDOW_5LEVEL = 4096 * Pfns.TIB;
    /**
     * page_offset_base of 5-level paging starts here; 4-level kernel space starts at
     * 0xffff800000000000 (Documentation/arch/x86/x86_64/mm.rst), so a base in between is 5-level.
     */
    static final long FIVE_LEVEL_BASE = 0xff11000000000000L;
    static final long FOUR_LEVEL_KERNEL = 0xffff800000000000L;

    private PtdumpImporter() {
    }

    /** A direct map read from a dump, which rule ended it, and any warning for the user. */
    public record Result(BootLayout.Imported layout, String endedBy, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** A range line: where it is, in dump order. */
    record Range(int line, long vStart, long vEnd, boolean present, PageSize size) {
    }

    /** Parses {@code text}; {@code base} is the page_offset_base, or null to use the section marker. */
    public static BootLayout.Imported parse(String file, String text, Long base) throws ScenarioException {
        return read(file, text, base, null).layout();
    }

    /**
     * Reads the direct map; {@code ramBytes} is the scenario's {@code ram} (rule 1), or null.
     */
    public static Result read(String file, String text, Long base, Long ramBytes) throws ScenarioException {
        Scan scan = new Scan(file, base);
        int lineNo = 0;
        for (String raw : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            scan.line(lineNo, raw);
        }
        scan.finish(lineNo);
        return PtdumpEnd.apply(file, scan, base, ramBytes);
    }

    static long window(long origin) {
        boolean five = Long.compareUnsigned(origin, FIVE_LEVEL_BASE) >= 0 && Long.compareUnsigned(origin, FOUR_LEVEL_KERNEL) < 0;
        return five ? WINDOW_5LEVEL : WINDOW_4LEVEL;
    }

    /** One pass over the lines: the ranges of the direct map's section or window, and e820 facts. */
    static final class Scan {
        private final String file;
        private final Long base;
        final List<Range> ranges = new ArrayList<>();
        final BootFacts facts = new BootFacts();
        boolean recognised;
        /** Section mode: where the section's end marker was (0: none), and bunched sections seen. */
        int endMarkerLine;
        int bunchedAt;
        private boolean inSection;
        private boolean done;
        private boolean sawSection;
        private final List<Range> section = new ArrayList<>();
        private int sectionStart;
        private int lastLine;

        Scan(String file, Long base) {
            this.file = file;
            this.base = base;
        }

        boolean sawSection() {
            return sawSection;
        }

        int lastLine() {
            return lastLine;
        }

        void line(int lineNo, String raw) throws ScenarioException {
            String l = Dmesg.strip(raw);
            if (l.isEmpty()) {
                return;
            }
            if (l.startsWith("---[") && l.endsWith("]---")) {
                recognised = true;
                marker(lineNo, l);
                return;
            }
            if (facts.read(l, lineNo)) {
                return;
            }
            if (!l.startsWith("0x") || done || (base == null && !inSection)) {
                return;                                     // other log noise, or outside the direct map
            }
            if (base != null && !inWindow(l)) {
                return;                                     // the rest of the dump (or of the log)
            }
            Range r = range(lineNo, l);
            (base != null ? ranges : section).add(r);
            lastLine = lineNo;
        }

        private void marker(int lineNo, String l) {
            if (base != null || done) {
                return;
            }
            boolean low = l.contains("Low Kernel Mapping");
            if (inSection) {
                // dump_pagetables prints each marker as the walk passes its address; a dump printed
                // before pt_dump_init() has the KASLR markers at 0, so they come one per line or closer
                if (section.size() <= 1) {
                    bunchedAt = sectionStart;
                    section.clear();
                } else {
                    ranges.addAll(section);
                    endMarkerLine = lineNo;
                    done = true;
                }
                inSection = false;
            }
            if (low && !done) {
                inSection = true;
                sawSection = true;
                sectionStart = lineNo;
            }
        }

        void finish(int lines) {
            if (inSection && !done) {
                ranges.addAll(section);                     // the file ends inside the section: no end marker
            }
            if (lastLine == 0) {
                lastLine = lines;
            }
        }

        /** Whether the line's start address (0x, then 1 to 16 hex digits) is in the window from the base. */
        private boolean inWindow(String l) {
            int i = 2;
            while (i < l.length() && i < 19 && Character.digit(l.charAt(i), 16) >= 0) {
                i++;
            }
            if (i == 2 || i == 19) {
                return false;
            }
            long v = Long.parseUnsignedLong(l.substring(2, i), 16);
            return Long.compareUnsigned(v, base) >= 0 && Long.compareUnsigned(v - base, window(base)) < 0;
        }

        /** One range line, checked; the line is quoted only once the file is recognised. */
        private Range range(int lineNo, String l) throws ScenarioException {
            if (l.length() > MAX_LINE) {
                throw error(lineNo, "a line of " + l.length() + " characters is not a ptdump line", l);
            }
            String[] tok = l.split("\\s+");
            int dash = tok[0].indexOf("-0x");
            if (tok.length < 3 || dash < 0) {
                throw error(lineNo, "not a ptdump line (0xSTART-0xEND SIZE FLAGS LEVEL)", l);
            }
            long vStart = hex(lineNo, tok[0].substring(2, dash), l);
            long vEnd = hex(lineNo, tok[0].substring(dash + 3), l);
            String level = tok[tok.length - 1];
            PageSize size = switch (level) {
                case "pte" -> PageSize.K4;
                case "pmd" -> PageSize.M2;
                case "pud" -> PageSize.G1;
                case "p4d", "pgd" -> null;
                default -> throw error(lineNo, "the last column must be the level (pte, pmd, pud, p4d or pgd)", l);
            };
            boolean present = false;
            for (int i = 2; i < tok.length - 1; i++) {
                present |= tok[i].equals("RW") || tok[i].equals("ro");
            }
            long declared = sizeColumn(lineNo, tok[1], l);
            if (Long.compareUnsigned(vEnd, vStart) <= 0) {
                throw error(lineNo, "the range ends before it starts", l);
            }
            if (vEnd - vStart != declared) {
                throw error(lineNo, "the size column says " + tok[1] + " but the range is "
                        + Long.toUnsignedString(vEnd - vStart) + " bytes", l);
            }
            recognised = true;
            return new Range(lineNo, vStart, vEnd, present, size);
        }

        private long hex(int lineNo, String digits, String l) throws ScenarioException {
            if (digits.isEmpty() || digits.length() > 16) {
                throw error(lineNo, "an address must have 1 to 16 hex digits, this one has " + digits.length(), l);
            }
            try {
                return Long.parseUnsignedLong(digits, 16);
            } catch (NumberFormatException e) {
                throw error(lineNo, "an address is not hex", l);
            }
        }

        /** dump_pagetables prints the size as a number and one of B, K, M, G, T, P, E. */
        private long sizeColumn(int lineNo, String t, String l) throws ScenarioException {
            int i = 0;
            while (i < t.length() && Character.isDigit(t.charAt(i))) {
                i++;
            }
            String unit = t.substring(i);
            int shift = switch (unit) {
                case "", "B" -> 0;
                case "K" -> 10;
                case "M" -> 20;
                case "G" -> 30;
                case "T" -> 40;
                case "P" -> 50;
                case "E" -> 60;
                default -> -1;
            };
            if (i == 0 || shift < 0 || i > 19) {
                throw error(lineNo, "the size column must be a number of up to 19 digits and B, K, M, G, T, P or E", l);
            }
            long n = Long.parseLong(t.substring(0, i));
            if (n > (Long.MAX_VALUE >> shift)) {
                throw error(lineNo, "the size column " + t + " is more than 2^63 bytes", l);
            }
            return n << shift;
        }

        ScenarioException error(int lineNo, String cause, String line) {
            return new ScenarioException(file, lineNo, 1, recognised ? cause + ": " + Quote.of(line) : cause);
        }
    }

    /** dmesg's "[    0.007771] " prefix. */
    static final class Dmesg {
        private Dmesg() {
        }

        static String strip(String raw) {
            String l = raw.strip();
            if (l.startsWith("[") && l.length() <= MAX_LINE * 2) {
                int close = l.indexOf(']');
                if (close > 1 && l.substring(1, close).strip().matches("\\d+\\.\\d+")) {
                    l = l.substring(close + 1).strip();
                }
            }
            return l;
        }
    }
}
