package org.splitscope.scenario.trace;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.policy.Policies;
import org.splitscope.scenario.ScenarioException;

/**
 * {@code host.txt} of a recording (TRACE.md "The recording"): {@code key=value} lines, {@code #}
 * comments and blank lines. Keys: {@code kernel} (R27 profile, default 6.18), {@code invlpgb}
 * (0/1, default 1), {@code cpus} (default: the trace's {@code cpus=N} header, else its highest CPU
 * + 1), {@code page_offset_base} (required: where the direct map starts, to place page-fault
 * addresses), {@code policy} (what the traced kernel did, default split-on-demand), {@code gbpages}
 * (0/1, default 1) and {@code ram} (the RAM size when there is no before-file). Unknown keys and
 * repeated keys are errors, as in scenario files.
 *
 * @param cpus 0 when host.txt does not say
 * @param ramBytes -1 when host.txt does not say
 */
public record HostFile(KernelProfile kernel, boolean invlpgb, int cpus, long pageOffsetBase, String policy,
                       boolean gbpages, long ramBytes) {
    static final String NAME = "host.txt";

    static HostFile parse(String file, String text) throws ScenarioException {
        KernelProfile kernel = KernelProfile.DEFAULT;
        boolean invlpgb = true;
        int cpus = 0;
        Long base = null;
        String policy = Policies.DEFAULT_ID;
        boolean gbpages = true;
        long ram = -1;
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException(file, lineNo, 1, "expected key=value, got '" + quote(l) + "'");
            }
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip();
            int col = lines[i].indexOf('=') + 2;
            if (!seen.add(key)) {
                throw new ScenarioException(file, lineNo, 1, "'" + key + "' appears twice");
            }
            switch (key) {
                case "kernel" -> {
                    try {
                        kernel = KernelProfile.byId(value);
                    } catch (IllegalArgumentException e) {
                        throw new ScenarioException(file, lineNo, col, e.getMessage());
                    }
                }
                case "invlpgb" -> invlpgb = flag(file, lineNo, col, key, value);
                case "gbpages" -> gbpages = flag(file, lineNo, col, key, value);
                case "cpus" -> {
                    long n = number(file, lineNo, col, key, value);
                    if (n < 1 || n > MachineSpec.MAX_CPUS) {
                        throw new ScenarioException(file, lineNo, col, "cpus must be 1.." + MachineSpec.MAX_CPUS + ", got " + n);
                    }
                    cpus = (int) n;
                }
                case "page_offset_base" -> {
                    if (!value.toLowerCase(Locale.ROOT).startsWith("0x")) {
                        throw new ScenarioException(file, lineNo, col, "page_offset_base must be a 0x hex address");
                    }
                    base = number(file, lineNo, col, key, value);
                    if ((base & 0xfff) != 0) {
                        throw new ScenarioException(file, lineNo, col, "page_offset_base must be page-aligned");
                    }
                }
                case "policy" -> {
                    if (!Policies.ids().contains(value)) {
                        throw new ScenarioException(file, lineNo, col, "unknown policy '" + quote(value) + "' (one of: "
                                + String.join(", ", Policies.ids()) + ")");
                    }
                    policy = value;
                }
                case "ram" -> ram = ramBytes(file, lineNo, col, value);
                default -> throw new ScenarioException(file, lineNo, 1, "unknown key '" + quote(key)
                        + "' (expected one of: kernel, invlpgb, cpus, page_offset_base, policy, gbpages, ram)");
            }
        }
        if (base == null) {
            throw new ScenarioException(file, 0, 0, "no page_offset_base=0x... line (where the direct map starts:"
                    + " the kernel prints it in /sys/kernel/debug/page_tables/kernel, or see TRACE.md)");
        }
        return new HostFile(kernel, invlpgb, cpus, base, policy, gbpages, ram);
    }

    private static boolean flag(String file, int line, int col, String key, String v) throws ScenarioException {
        return switch (v) {
            case "1", "true", "y", "yes" -> true;
            case "0", "false", "n", "no" -> false;
            default -> throw new ScenarioException(file, line, col, key + " must be 1 or 0, got '" + quote(v) + "'");
        };
    }

    private static long number(String file, int line, int col, String key, String v) throws ScenarioException {
        try {
            String t = v.replace("_", "");
            return t.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16)
                    : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ScenarioException(file, line, col, key + " must be a number, got '" + quote(v) + "'");
        }
    }

    /** A size: bytes, or a number with B, KiB, MiB, GiB, TiB (or the kernel's K, M, G, T). */
    private static long ramBytes(String file, int line, int col, String v) throws ScenarioException {
        String t = v.replace(" ", "");
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        long shift = switch (t.substring(i).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 0;
            case "k", "kib", "kb" -> 10;
            case "m", "mib", "mb" -> 20;
            case "g", "gib", "gb" -> 30;
            case "t", "tib", "tb" -> 40;
            default -> -1;
        };
        if (i == 0 || shift < 0 || i > 12) {
            throw new ScenarioException(file, line, col, "ram must be a size such as 4GiB, got '" + quote(v) + "'");
        }
        long n = Long.parseLong(t.substring(0, i));
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new ScenarioException(file, line, col, "ram is too large: " + quote(v));
        }
        return n << shift;
    }

    /** At most 80 characters of what the file said (SCENARIO.md: errors quote little). */
    static String quote(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
