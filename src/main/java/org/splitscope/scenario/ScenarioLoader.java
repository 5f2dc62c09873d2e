package org.splitscope.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.core.guest.GuestPlacement;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.guest.MemoryPlan;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.PfnRange;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.mem.TlbSpec;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.core.workload.Step;
import org.splitscope.core.workload.WorkloadSpec;

/**
 * Reads scenario files (format 1, SCENARIO.md) from a path, from text, or from the built-in set,
 * and checks everything that can be checked before a run: every error is a
 * {@link ScenarioException} naming the file, line, column and cause. The only other files a
 * scenario can make SplitScope read are the ptdump or meminfo its {@code boot} names, resolved
 * relative to the scenario.
 */
public final class ScenarioLoader {
    public static final int FORMAT = 1;
    /** Most steps one workload may generate (keeps any scenario finite in practice). */
    public static final long MAX_WORKLOAD_STEPS = 100_000_000L;

    /** Reads a file a scenario's {@code boot:} names, relative to the scenario. */
    public interface ImportSource {
        String read(String relative) throws IOException;

        String label(String relative);
    }

    private ScenarioLoader() {
    }

    /** Loads a built-in scenario by name, or a file by path when {@code nameOrPath} is not a built-in. */
    public static Scenario load(String nameOrPath) throws ScenarioException {
        if (BuiltinScenarios.names().contains(nameOrPath)) {
            return BuiltinScenarios.load(nameOrPath);
        }
        Path p = Path.of(nameOrPath);
        if (!Files.exists(p) && !nameOrPath.contains("/") && !nameOrPath.contains(".")) {
            throw new ScenarioException(nameOrPath, 0, 0, "no such built-in scenario or file (built-ins: "
                    + String.join(", ", BuiltinScenarios.names()) + ")");
        }
        return loadFile(p);
    }

    public static Scenario loadFile(Path path) throws ScenarioException {
        String label = path.toString();
        String text;
        try {
            if (Files.size(path) > NodeReader.MAX_CHARS) {
                throw new ScenarioException(label, 0, 0, "file is larger than 4 MiB");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(label, 0, 0, "no such file");
        } catch (IOException e) {
            throw new ScenarioException(label, 0, 0, "cannot read: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new ScenarioException(label, 0, 0, "not UTF-8 text");
        }
        Path dir = path.toAbsolutePath().getParent();
        ImportSource imports = new ImportSource() {
            @Override
            public String read(String relative) throws IOException {
                Path p = dir.resolve(relative);
                if (Files.size(p) > 64L * 1024 * 1024) {
                    throw new IOException("larger than 64 MiB");
                }
                return Files.readString(p, StandardCharsets.ISO_8859_1);
            }

            @Override
            public String label(String relative) {
                return dir.resolve(relative).toString();
            }
        };
        return parse(label, text, isJson(label, text), baseName(path.getFileName().toString()), imports);
    }

    static boolean isJson(String label, String text) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.endsWith(".json")) {
            return true;
        }
        if (l.endsWith(".yaml") || l.endsWith(".yml")) {
            return false;
        }
        return text.stripLeading().startsWith("{");
    }

    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Parses scenario text; {@code label} names it in errors. */
    public static Scenario parse(String label, String text, boolean json, String defaultName, ImportSource imports)
            throws ScenarioException {
        Node root = NodeReader.read(label, text, json);
        Fields top = new Fields(label, root, "the scenario");
        top.allow("splitscope", "name", "description", "machine", "policy", "seed", "guests", "steps", "compare");
        if (!top.has("splitscope")) {
            throw new ScenarioException(label, root.line(), root.column(),
                    "missing 'splitscope: 1' (the format version)");
        }
        long version = top.integerOf(top.get("splitscope"), "splitscope");
        if (version != FORMAT) {
            throw top.error(top.get("splitscope"), "format version " + version
                    + " is not supported by this build (it reads " + FORMAT + ")");
        }
        String title = top.text("name", defaultName).strip();
        String description = top.text("description", "").strip();
        MachineSpec machine = machine(new Fields(label, top.require("machine"), "machine"), imports);
        String policy = top.text("policy", Policies.DEFAULT_ID);
        if (!Policies.ids().contains(policy)) {
            throw top.error(top.get("policy"), "unknown policy '" + policy + "' (one of: "
                    + String.join(", ", Policies.ids()) + ")");
        }
        long seed = top.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
        List<String> compare = compare(top, policy);
        RamMap ram = RamMap.of(machine);

        List<GuestSpec> guests = new ArrayList<>();
        List<Node> guestNodes = top.list("guests");
        for (Node gn : guestNodes) {
            GuestSpec g = guest(new Fields(label, gn, "a guest"));
            for (GuestSpec other : guests) {
                if (other.asid() == g.asid()) {
                    throw new ScenarioException(label, gn.line(), gn.column(), "two guests declare asid " + g.asid());
                }
            }
            guests.add(g);
        }
        checkGuestsFit(label, guests, guestNodes, ram);

        List<ProgramItem> items = new ArrayList<>();
        for (Node sn : top.list("steps")) {
            items.add(step(new Fields(label, sn, "a step"), machine, guests, ram));
        }
        return new Scenario(defaultName, title, description, label, machine, policy, seed, guests, items, compare);
    }

    /** Most panes the compare view lays out. */
    public static final int MAX_COMPARE = 6;

    /**
     * Extension {@code compare: [policy, ...]}: the policies to put side by side, 2 to
     * {@value #MAX_COMPARE} distinct ids; the scenario's own policy goes first (added when missing).
     */
    private static List<String> compare(Fields top, String policy) throws ScenarioException {
        if (!top.has("compare")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add(policy);
        for (Node n : top.list("compare")) {
            if (!(n instanceof Node.Scalar sc) || sc.text() == null) {
                throw top.error(n, "compare lists policy ids");
            }
            String id = sc.text().strip();
            if (!Policies.ids().contains(id)) {
                throw top.error(n, "unknown policy '" + id + "' in compare (one of: " + String.join(", ", Policies.ids()) + ")");
            }
            if (!out.contains(id)) {
                out.add(id);
            } else if (!id.equals(policy)) {
                throw top.error(n, "policy '" + id + "' is listed twice in compare");
            }
        }
        if (out.size() < 2 || out.size() > MAX_COMPARE) {
            throw top.errorAtKey("compare", "compare needs 2 to " + MAX_COMPARE + " different policies, got " + out.size());
        }
        return List.copyOf(out);
    }

    // ---- machine --------------------------------------------------------------------------

    private static MachineSpec machine(Fields f, ImportSource imports) throws ScenarioException {
        f.allow("ram", "holes", "cpus", "gbpages", "boot", "tlb");
        int cpus = (int) f.integer("cpus", 1, MachineSpec.MAX_CPUS, 4);
        boolean gbpages = f.bool("gbpages", true);
        TlbSpec tlb = TlbSpec.DEFAULT;
        if (f.has("tlb")) {
            Fields t = new Fields(f.file(), f.get("tlb"), "machine.tlb");
            t.allow("entries4k", "entries2m", "entries1g");
            tlb = new TlbSpec((int) t.integer("entries4k", 1, 4096, 64), (int) t.integer("entries2m", 1, 4096, 32),
                    (int) t.integer("entries1g", 1, 4096, 4));
        }
        String bootText = f.text("boot", "default");
        BootLayout boot = boot(f, bootText, imports);
        List<PfnRange> holes = new ArrayList<>();
        for (Node hn : f.list("holes")) {
            Fields h = new Fields(f.file(), hn, "a hole");
            h.allow("start", "size");
            long start = h.size("start");
            long size = h.size("size");
            if (start % Pfns.FRAME_BYTES != 0 || size % Pfns.FRAME_BYTES != 0 || size <= 0) {
                throw h.error(hn, "a hole must start and end on a 4 KiB boundary and not be empty");
            }
            holes.add(PfnRange.ofBytes(start, size));
        }
        if (boot instanceof BootLayout.Imported && !holes.isEmpty()) {
            throw f.errorAtKey("holes", "holes come from the imported layout; remove 'holes' or use boot: default");
        }
        long ramBytes;
        if (boot instanceof BootLayout.Imported imp) {
            long layoutEnd = roundUp2m(imp.endPfn() * Pfns.FRAME_BYTES);
            if (f.has("ram")) {
                ramBytes = f.size("ram");
                if (ramBytes != layoutEnd) {
                    throw f.error(f.get("ram"), "ram is " + Pfns.bytes(ramBytes) + " but the imported layout "
                            + bootText + " ends at " + Pfns.bytes(layoutEnd));
                }
            } else {
                ramBytes = layoutEnd;
            }
        } else {
            ramBytes = f.size("ram");
        }
        try {
            return new MachineSpec(ramBytes, holes, cpus, gbpages, tlb, boot);
        } catch (IllegalArgumentException e) {
            Node at = f.has("ram") ? f.get("ram") : f.node();
            if (e.getMessage().startsWith("hole") || e.getMessage().startsWith("holes")) {
                at = f.get("holes");
            }
            throw f.error(at, e.getMessage());
        }
    }

    private static long roundUp2m(long bytes) {
        long m = 2 * Pfns.MIB;
        return Math.max(MachineSpec.MIN_RAM, (bytes + m - 1) / m * m);
    }

    private static BootLayout boot(Fields f, String text, ImportSource imports) throws ScenarioException {
        if (text.startsWith("ptdump:") || text.startsWith("meminfo:")) {
            boolean ptdump = text.startsWith("ptdump:");
            String rest = text.substring(text.indexOf(':') + 1);
            Long base = null;
            if (ptdump && rest.contains("@")) {
                String b = rest.substring(rest.lastIndexOf('@') + 1).trim();
                rest = rest.substring(0, rest.lastIndexOf('@'));
                try {
                    base = Long.parseUnsignedLong(b.startsWith("0x") ? b.substring(2) : b, 16);
                } catch (NumberFormatException e) {
                    throw f.error(f.get("boot"), "page_offset_base '" + b + "' is not a hex address");
                }
            }
            if (rest.isBlank()) {
                throw f.error(f.get("boot"), "boot " + text + " names no file");
            }
            String content;
            try {
                content = imports.read(rest);
            } catch (IOException | RuntimeException e) {
                throw f.error(f.get("boot"), "cannot read " + imports.label(rest) + ": "
                        + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            }
            return ptdump ? PtdumpImporter.parse(imports.label(rest), content, base)
                    : MeminfoImporter.parse(imports.label(rest), content);
        }
        try {
            return BootLayout.parseSimple(text);
        } catch (IllegalArgumentException e) {
            throw f.error(f.get("boot"), e.getMessage());
        }
    }

    // ---- guests ---------------------------------------------------------------------------

    private static GuestSpec guest(Fields f) throws ScenarioException {
        f.allow("asid", "memory", "vcpus", "folio");
        int asid = (int) f.integer("asid", 1, RmpTable.MAX_ASID);
        long memory = f.size("memory");
        int vcpus = (int) f.integer("vcpus", 1, 1024, 1);
        PageSize folio = level(f, "folio", PageSize.K4);
        try {
            return new GuestSpec(asid, memory, vcpus, folio);
        } catch (IllegalArgumentException e) {
            throw f.error(f.get("memory"), e.getMessage());
        }
    }

    private static void checkGuestsFit(String label, List<GuestSpec> guests, List<Node> nodes, RamMap ram)
            throws ScenarioException {
        long free = ram.fullRegionsAbove(MemoryPlan.RESERVED_BYTES / (2 * Pfns.MIB));
        for (int i = 0; i < guests.size(); i++) {
            long need = GuestPlacement.regionsNeeded(guests.get(i));
            if (need > free) {
                Node n = nodes.get(i);
                throw new ScenarioException(label, n.line(), n.column(), "guest " + guests.get(i).asid()
                        + " does not fit: it needs " + Pfns.bytes(need * 2 * Pfns.MIB) + " of host RAM"
                        + " but only " + Pfns.bytes(free * 2 * Pfns.MIB) + " is left after the host's low "
                        + Pfns.bytes(MemoryPlan.RESERVED_BYTES) + " and the guests before it");
            }
            free -= need;
        }
    }

    // ---- steps ----------------------------------------------------------------------------

    private static ProgramItem step(Fields f, MachineSpec m, List<GuestSpec> guests, RamMap ram)
            throws ScenarioException {
        String op = f.text("op");
        String caption = f.has("caption") ? f.text("caption").strip() : null;
        switch (op) {
            case "launch" -> {
                f.allow("op", "guest", "caption");
                return fixed(new Step.Launch(guestRef(f, "guest", guests), caption));
            }
            case "teardown" -> {
                f.allow("op", "guest", "caption");
                return fixed(new Step.Teardown(guestRef(f, "guest", guests), caption));
            }
            case "assign" -> {
                f.allow("op", "guest", "pfn", "level", "gpa", "caption");
                int asid = guestRef(f, "guest", guests);
                PageSize level = level(f, "level", PageSize.K4);
                long pfn = ramPfn(f, m, ram, level, true);
                long gpa = f.has("gpa") ? f.integerOf(f.get("gpa"), "gpa") : -1;
                if (f.has("gpa") && (gpa < 0 || gpa % level.bytes() != 0)) {
                    throw f.error(f.get("gpa"), "gpa must be a non-negative multiple of " + level);
                }
                return fixed(new Step.Assign(asid, pfn, level, gpa, caption));
            }
            case "release" -> {
                f.allow("op", "pfn", "level", "caption");
                PageSize level = level(f, "level", PageSize.K4);
                return fixed(new Step.Release(ramPfn(f, m, ram, level, true), level, caption));
            }
            case "psmash" -> {
                f.allow("op", "pfn", "caption");
                return fixed(new Step.Psmash(ramPfn(f, m, ram, PageSize.M2, true), caption));
            }
            case "host-write", "host-read" -> {
                f.allow("op", "cpu", "pfn", "caption");
                int cpu = (int) f.integer("cpu", 0, m.cpus() - 1, 0);
                long pfn = ramPfn(f, m, ram, PageSize.K4, false);
                return fixed(new Step.HostAccess(cpu, pfn, op.equals("host-write"), caption));
            }
            case "workload" -> {
                return workload(f, m, guests, caption);
            }
            default -> throw f.error(f.get("op"), "unknown op '" + op
                    + "' (launch, assign, release, host-write, host-read, psmash, teardown, workload)");
        }
    }

    private static ProgramItem fixed(Step s) {
        return new ProgramItem.Fixed(s);
    }

    private static ProgramItem workload(Fields f, MachineSpec m, List<GuestSpec> guests, String caption)
            throws ScenarioException {
        String kind = f.text("kind");
        switch (kind) {
            case "lazy-accept" -> {
                f.allow("op", "kind", "guest", "fraction", "caption");
                List<Integer> asids = new ArrayList<>();
                for (long a : f.integers("guest")) {
                    asids.add(checkGuest(f, (int) a, guests));
                }
                double fraction = f.number("fraction", 0, 1, 1.0);
                if (fraction == 0) {
                    throw f.error(f.get("fraction"), "fraction must be more than 0");
                }
                return new ProgramItem.Generated(new WorkloadSpec.LazyAccept(asids, fraction), caption);
            }
            case "conversions" -> {
                f.allow("op", "kind", "guest", "count", "level", "shared-ratio", "caption");
                int asid = guestRef(f, "guest", guests);
                long count = f.integer("count", 1, MAX_WORKLOAD_STEPS);
                PageSize level = level(f, "level", PageSize.K4);
                double ratio = f.number("shared-ratio", 0, 1, 0.5);
                GuestSpec g = guests.stream().filter(x -> x.asid() == asid).findFirst().orElseThrow();
                if (level == PageSize.M2 && g.memory() < 2 * Pfns.MIB) {
                    throw f.error(f.get("level"), "guest " + asid + " has less than 2 MiB to convert at 2M");
                }
                return new ProgramItem.Generated(new WorkloadSpec.Conversions(asid, count, level, ratio), caption);
            }
            case "host-activity" -> {
                f.allow("op", "kind", "count", "write-ratio", "cpus", "caption");
                long count = f.integer("count", 1, MAX_WORKLOAD_STEPS);
                double ratio = f.number("write-ratio", 0, 1, 0.5);
                int cpus = (int) f.integer("cpus", 1, m.cpus(), m.cpus());
                return new ProgramItem.Generated(new WorkloadSpec.HostActivity(count, ratio, cpus), caption);
            }
            default -> throw f.error(f.get("kind"), "unknown workload kind '" + kind
                    + "' (lazy-accept, conversions, host-activity)");
        }
    }

    private static int guestRef(Fields f, String key, List<GuestSpec> guests) throws ScenarioException {
        Node n = f.require(key);
        return checkGuest(f, (int) f.integerOf(n, key), guests, n);
    }

    private static int checkGuest(Fields f, int asid, List<GuestSpec> guests) throws ScenarioException {
        return checkGuest(f, asid, guests, f.get("guest"));
    }

    private static int checkGuest(Fields f, int asid, List<GuestSpec> guests, Node at) throws ScenarioException {
        for (GuestSpec g : guests) {
            if (g.asid() == asid) {
                return asid;
            }
        }
        throw f.error(at, "no guest declares asid " + asid);
    }

    private static PageSize level(Fields f, String key, PageSize dflt) throws ScenarioException {
        if (!f.has(key)) {
            return dflt;
        }
        String t = f.text(key);
        if (t.equalsIgnoreCase("4K")) {
            return PageSize.K4;
        }
        if (t.equalsIgnoreCase("2M")) {
            return PageSize.M2;
        }
        throw f.error(f.get(key), key + " must be 4K or 2M, got '" + t + "'");
    }

    private static long ramPfn(Fields f, MachineSpec m, RamMap ram, PageSize level, boolean mustBeRam)
            throws ScenarioException {
        Node n = f.require("pfn");
        long pfn = f.integerOf(n, "pfn");
        if (pfn < 0 || pfn >= m.frames()) {
            throw f.error(n, "pfn " + Pfns.hex(pfn) + " is beyond RAM (the last frame is " + Pfns.hex(m.frames() - 1) + ")");
        }
        if (level == PageSize.M2 && !Pfns.aligned(pfn, PageSize.M2)) {
            throw f.error(n, "a 2M step needs a 2M-aligned pfn (a multiple of 0x200), got " + Pfns.hex(pfn));
        }
        long span = level == PageSize.M2 ? Pfns.FRAMES_PER_2M : 1;
        if (mustBeRam && !ram.allRam(pfn, span)) {
            throw f.error(n, "pfn " + Pfns.hex(pfn) + (span > 1 ? " +2M" : "") + " is in a hole (not RAM)");
        }
        return pfn;
    }

    /** Which frames are RAM, as sorted ranges, without building the machine. */
    record RamMap(List<PfnRange> ranges) {
        static RamMap of(MachineSpec m) {
            List<PfnRange> out = new ArrayList<>();
            if (m.boot() instanceof BootLayout.Imported imp) {
                for (BootLayout.Imported.Leaf l : imp.leaves()) {
                    if (!out.isEmpty() && out.get(out.size() - 1).end() == l.start()) {
                        out.set(out.size() - 1, new PfnRange(out.get(out.size() - 1).start(), l.end()));
                    } else {
                        out.add(new PfnRange(l.start(), l.end()));
                    }
                }
            } else {
                long at = 0;
                for (PfnRange h : m.holes()) {
                    if (h.start() > at) {
                        out.add(new PfnRange(at, h.start()));
                    }
                    at = h.end();
                }
                if (at < m.frames()) {
                    out.add(new PfnRange(at, m.frames()));
                }
            }
            return new RamMap(out);
        }

        boolean allRam(long pfn, long n) {
            for (PfnRange r : ranges) {
                if (r.start() <= pfn && pfn + n <= r.end()) {
                    return true;
                }
            }
            return false;
        }

        long fullRegionsAbove(long firstRegion) {
            long count = 0;
            for (PfnRange r : ranges) {
                long first = Math.max(firstRegion, (r.start() + Pfns.FRAMES_PER_2M - 1) / Pfns.FRAMES_PER_2M);
                long last = r.end() / Pfns.FRAMES_PER_2M;
                count += Math.max(0, last - first);
            }
            return count;
        }
    }

    /** Reads a classpath resource as text (built-ins). */
    static String resource(String path) throws IOException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new NoSuchFileException(path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
