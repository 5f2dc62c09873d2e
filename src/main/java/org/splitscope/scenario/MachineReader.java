package org.splitscope.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PfnRange;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.mem.TlbSpec;

/**
 * The {@code machine:} mapping of a scenario (SCENARIO.md): RAM, holes, CPUs, gbpages, TLB sizes,
 * the kernel profile (R27) and INVLPGB (R18), and the boot layout, importing a ptdump or meminfo
 * through the scenario's {@link ScenarioLoader.ImportSource}. Warnings for the user (where an
 * imported direct map was taken to end) are added to {@code warnings}.
 */
final class MachineReader {
    /** Only a trailing {@code @0x<hex>} on a ptdump path is a page_offset_base (SCENARIO.md). */
    private static final Pattern BASE = Pattern.compile("(.*)@0[xX]([0-9a-fA-F]{1,16})");
    /** The kernel ids, as a scenario writes them. */
    static final List<String> KERNELS = List.of(KernelProfile.values()).stream().map(KernelProfile::id).toList();

    private MachineReader() {
    }

    static MachineSpec read(Fields f, ScenarioLoader.ImportSource imports, List<String> warnings)
            throws ScenarioException {
        f.allow("ram", "holes", "cpus", "gbpages", "boot", "tlb", "kernel", "invlpgb");
        int cpus = (int) f.integer("cpus", 1, MachineSpec.MAX_CPUS, 4);
        boolean gbpages = f.bool("gbpages", true);
        KernelProfile kernel = KernelProfile.byId(f.choice("kernel", KernelProfile.DEFAULT.id(), KERNELS));
        boolean invlpgb = f.bool("invlpgb", true);
        TlbSpec tlb = TlbSpec.DEFAULT;
        if (f.has("tlb")) {
            Fields t = new Fields(f.file(), f.get("tlb"), "machine.tlb");
            t.allow("entries4k", "entries2m", "entries1g");
            tlb = new TlbSpec((int) t.integer("entries4k", 1, 4096, 64), (int) t.integer("entries2m", 1, 4096, 32),
                    (int) t.integer("entries1g", 1, 4096, 4));
        }
        Long ramGiven = f.has("ram") ? ram(f) : null;
        String bootText = f.text("boot", "default").strip();
        BootLayout boot = boot(f, bootText, ramGiven, imports, warnings);
        long ramBytes;
        if (boot instanceof BootLayout.Imported imp) {
            if (f.has("holes")) {
                throw f.errorAtKey("holes", "holes come from the imported layout; remove 'holes' or use boot: default");
            }
            long layoutEnd = roundUp2m(imp.endPfn() * Pfns.FRAME_BYTES);
            if (ramGiven != null && ramGiven != layoutEnd) {
                throw f.error(f.get("ram"), "ram is " + Pfns.exactBytes(ramGiven) + " but the imported layout "
                        + Quote.of(bootText) + " ends at " + Pfns.exactBytes(layoutEnd));
            }
            ramBytes = layoutEnd;
        } else {
            if (ramGiven == null) {
                throw f.missing("ram");
            }
            ramBytes = ramGiven;
        }
        List<PfnRange> holes = holes(f, ramBytes);
        MachineSpec m;
        try {
            m = new MachineSpec(ramBytes, holes, cpus, gbpages, tlb, boot, kernel, invlpgb);
        } catch (IllegalArgumentException e) {
            Node at = f.has("ram") ? f.get("ram") : f.node();
            if (e.getMessage().startsWith("hole")) {
                at = f.get("holes");
            }
            throw f.error(at, e.getMessage());
        }
        if (RamMap.of(m).frames() == 0) {
            throw f.error(f.has("holes") ? f.get("holes") : f.node(), "the machine has no RAM: holes cover all "
                    + Pfns.exactBytes(ramBytes));
        }
        return m;
    }

    private static long ram(Fields f) throws ScenarioException {
        long ram = f.size("ram");
        if (ram < MachineSpec.MIN_RAM || ram > MachineSpec.MAX_RAM || ram % (2 * Pfns.MIB) != 0) {
            throw f.error(f.get("ram"), "ram must be a multiple of 2 MiB between " + Pfns.exactBytes(MachineSpec.MIN_RAM)
                    + " and " + Pfns.exactBytes(MachineSpec.MAX_RAM) + " (R1), got " + Pfns.exactBytes(ram));
        }
        return ram;
    }

    private static List<PfnRange> holes(Fields f, long ramBytes) throws ScenarioException {
        List<PfnRange> holes = new ArrayList<>();
        for (Node hn : f.list("holes")) {
            Fields h = new Fields(f.file(), hn, "a hole");
            h.allow("start", "size");
            long start = h.size("start");
            long size = h.size("size");
            if (start % Pfns.FRAME_BYTES != 0 || size % Pfns.FRAME_BYTES != 0 || size == 0) {
                throw h.error(hn, "a hole must start and end on a 4 KiB boundary and not be empty");
            }
            if (start >= ramBytes || size > ramBytes - start) {
                throw h.error(hn, "the hole " + Pfns.hex(start) + " +" + Pfns.exactBytes(size)
                        + " extends beyond the end of RAM (" + Pfns.exactBytes(ramBytes) + ")");
            }
            holes.add(PfnRange.ofBytes(start, size));
        }
        return holes;
    }

    private static long roundUp2m(long bytes) {
        long m = 2 * Pfns.MIB;
        return Math.max(MachineSpec.MIN_RAM, (bytes + m - 1) / m * m);
    }

    private static BootLayout boot(Fields f, String text, Long ram, ScenarioLoader.ImportSource imports,
                                   List<String> warnings) throws ScenarioException {
        boolean ptdump = text.startsWith("ptdump:");
        if (!ptdump && !text.startsWith("meminfo:")) {
            try {
                return BootLayout.parseSimple(text);
            } catch (IllegalArgumentException e) {
                throw f.error(f.get("boot"), "unknown boot layout '" + Quote.of(text)
                        + "' (default, all-2m, all-4k, ptdump:<file>, meminfo:<file>)");
            }
        }
        String path = text.substring(text.indexOf(':') + 1).strip();
        Long base = null;
        Matcher m = BASE.matcher(path);
        if (ptdump && m.matches()) {
            path = m.group(1);
            base = Long.parseUnsignedLong(m.group(2), 16);
        }
        if (path.isBlank()) {
            throw f.error(f.get("boot"), "boot " + Quote.of(text) + " names no file");
        }
        String content;
        try {
            content = imports.read(path);
        } catch (InputFiles.Outside e) {
            throw new ImportOutsideFolderException(f.file(), f.get("boot").line(), f.get("boot").column(),
                    "cannot read " + imports.label(path) + ": " + e.getMessage(), e.folder());
        } catch (IOException e) {
            throw f.error(f.get("boot"), "cannot read " + imports.label(path) + ": " + e.getMessage());
        }
        if (!ptdump) {
            return MeminfoImporter.parse(imports.label(path), content);
        }
        PtdumpImporter.Result r = PtdumpImporter.read(imports.label(path), content, base, ram);
        warnings.addAll(r.warnings());
        return r.layout();
    }
}
