package org.splitscope.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.BootLayout.Imported.Leaf;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where an imported ptdump's direct map ends (SCENARIO.md last section, DOMAIN R1 and R5, issue 10
 * item 7), on kaslr-efi-dmesg.log: a KASLR boot (page_offset_base 0xffff9e3a40000000) whose early
 * EFI dump has its markers bunched, RAM with holes (below 1 MiB, below 4 GiB), and vmalloc leaves
 * 1 TiB + 3 GiB from the base, 897 GiB behind the end of RAM.
 */
class PtdumpEndTest {
    static final String EFI = "kaslr-efi-dmesg.log";
    static final long BASE = 0xffff9e3a40000000L;
    /** The boot's direct map, as its e820 map and the kernel's init_memory_mapping() make it. */
    static final List<Leaf> DIRECT_MAP = List.of(
            new Leaf(0x0, PageSize.K4, 1),
            new Leaf(0x1, PageSize.K4, 0x9e),
            new Leaf(0x100, PageSize.K4, 0x100),
            new Leaf(0x200, PageSize.M2, 511),
            new Leaf(0x40000, PageSize.M2, 511),
            new Leaf(0x100000, PageSize.G1, 126));

    static String text(String name) throws Exception {
        return Files.readString(ImportTest.DIR.resolve(name));
    }

    @Test
    @DisplayName("SCENARIO rule 2: bunched markers, @base and vmalloc close behind: the last_pfn line ends it, exactly the direct map")
    void e820EndsBunchedEfiDump() throws Exception {
        PtdumpImporter.Result r = PtdumpImporter.read(EFI, text(EFI), BASE, null);
        assertThat(r.layout().leaves()).isEqualTo(DIRECT_MAP);
        assertThat(r.endedBy()).contains("max_pfn 0x2080000").contains("last_pfn line (line 25)");
        assertThat(r.warnings()).isEmpty();
        String withoutLastPfn = text(EFI).lines().filter(l -> !l.contains("last_pfn")).reduce("", (a, b) -> a + b + "\n");
        PtdumpImporter.Result e820 = PtdumpImporter.read(EFI, withoutLastPfn, BASE, null);
        assertThat(e820.layout().leaves()).isEqualTo(DIRECT_MAP);
        assertThat(e820.endedBy()).contains("e820 map");
    }

    @Test
    @DisplayName("SCENARIO rule 3 is not taken from bunched markers: the error says what to give instead")
    void bunchedMarkersWithoutBase() {
        assertThatThrownBy(() -> PtdumpImporter.read(EFI, text(EFI), null, null))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bunched (line 44)").hasMessageContaining("pt_dump_init()")
                .hasMessageContaining("@<page_offset_base>");
    }

    @Test
    @DisplayName("SCENARIO rule 1: ram ends it first; a leaf across ram is an error naming it")
    void ramEndsIt() throws Exception {
        PtdumpImporter.Result r = PtdumpImporter.read(EFI, text(EFI), BASE, 130 * Pfns.GIB);
        assertThat(r.layout().leaves()).isEqualTo(DIRECT_MAP);
        assertThat(r.endedBy()).startsWith("ram (130 GiB)");
        assertThatThrownBy(() -> PtdumpImporter.read(EFI, text(EFI), BASE, 128 * Pfns.GIB))
                .hasMessageStartingWith(EFI + ":56:1: the 1G leaf at physical 0x100000000-0x2080000000 runs past ram"
                        + " (128 GiB)");
    }

    @Test
    @DisplayName("SCENARIO rule 3: a dump with right markers ends at its section's end marker, no warning")
    void endMarker() throws Exception {
        PtdumpImporter.Result r = PtdumpImporter.read("epyc-65g.ptdump", text("epyc-65g.ptdump"), null, null);
        assertThat(r.endedBy()).isEqualTo("the section's end marker (line 19)");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.layout().endPfn() * Pfns.FRAME_BYTES).isEqualTo(65 * Pfns.GIB + 2 * Pfns.MIB);
    }

    @Test
    @DisplayName("SCENARIO rule 4: nothing says where it ends: the first non-present range of 1 TiB or more, with one warning")
    void largeGapWithWarning() throws Exception {
        String noFacts = text(EFI).lines().filter(l -> !l.contains("e820") && !l.contains("last_pfn"))
                .reduce("", (a, b) -> a + b + "\n");
        PtdumpImporter.Result r = PtdumpImporter.read(EFI, noFacts, BASE, null);
        // vmalloc is only 897 GiB behind RAM, so the heuristic takes it in and ends before vmemmap
        assertThat(r.layout().leaves()).startsWith(DIRECT_MAP.toArray(new Leaf[0]));
        assertThat(r.layout().leaves()).hasSize(DIRECT_MAP.size() + 2);
        assertThat(r.warnings()).hasSize(1);
        assertThat(r.warnings().get(0)).doesNotContain("\n").contains("1 TiB or more").contains("give ram:");
        // the existing 5-level fixture: no markers, no e820: ends with its last mapped leaf, warned
        PtdumpImporter.Result k = PtdumpImporter.read("kaslr-dmesg.log", text("kaslr-dmesg.log"), 0xff11a6c000000000L, null);
        assertThat(k.layout().leaves()).isEqualTo(PtdumpImporter.parse("p", text("epyc-65g.ptdump"), null).leaves());
        assertThat(k.warnings()).singleElement().asString().contains("last mapped leaf");
    }

    private static String line(long a, long b, String size, String flags, String level) {
        return String.format("0x%016x-0x%016x %9s     %-26s %s%n", a, b, size, flags, level);
    }

    @Test
    @DisplayName("R1: the window is 64 TiB under 4-level paging and 4 PiB under 5-level; too large an import names its size and rule")
    void windows() {
        long four = 0xffff888000000000L;
        long five = 0xff11000000000000L;
        long top = 100 * Pfns.TIB;
        for (long base : new long[] {four, five}) {
            String dump = "last_pfn = 0x" + Long.toHexString((top + Pfns.GIB) / Pfns.FRAME_BYTES) + " max_arch_pfn = 0x400000000\n"
                    + line(base, base + 0x200000, "2M", "RW         PSE     GLB NX", "pmd")
                    + line(base + 0x200000, base + top, (top - 2 * Pfns.MIB) / Pfns.MIB + "M", "", "pmd")
                    + line(base + top, base + top + Pfns.GIB, "1G", "RW  PSE  GLB NX", "pud");
            if (base == four) {
                // the leaf 100 TiB up is outside the 64 TiB window: not part of the direct map
                assertThat(call(dump, base).leaves()).containsExactly(new Leaf(0, PageSize.M2, 1));
            } else {
                assertThatThrownBy(() -> PtdumpImporter.read("d", dump, base, null))
                        .hasMessage("d:4: the direct map found ends at 102401 GiB, more than the 16 TiB a machine may"
                                + " have (R1); it was ended by max_pfn 0x640040000 from the last_pfn line (line 1)");
            }
        }
    }

    private static BootLayout.Imported call(String dump, long base) {
        try {
            return PtdumpImporter.read("d", dump, base, null).layout();
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    @Test
    @DisplayName("issue 14.2: addresses over 16 hex digits, size columns over 19 digits or past 2^63 are clean errors")
    void hostileLines() {
        String head = "---[ Low Kernel Mapping ]---\n";
        assertThatThrownBy(() -> PtdumpImporter.parse("x", head + "0x10000000000000000-0x20000000000000000 4K RW NX pte\n", null))
                .hasMessageStartingWith("x:2:1: an address must have 1 to 16 hex digits, this one has 17");
        assertThatThrownBy(() -> PtdumpImporter.parse("x", head + "0x0-0x1000 40960000000000000000000K RW NX pte\n", null))
                .hasMessageStartingWith("x:2:1: the size column must be a number of up to 19 digits");
        assertThatThrownBy(() -> PtdumpImporter.parse("x", head + "0x0-0x8000000000000000 8388608T RW PSE NX pud\n", null))
                .hasMessageStartingWith("x:2:1: the size column 8388608T is more than 2^63 bytes");
    }

    @Test
    @DisplayName("issue 14.6: content is quoted only once the file is recognised as a ptdump, and at most 80 characters")
    void quoting() {
        assertThatThrownBy(() -> PtdumpImporter.parse("s", "---[ Low Kernel Mapping ]---\n0xDEADBEEF api_key=SECRET-TOKEN-123\n", null))
                .hasMessage("s:2:1: not a ptdump line (0xSTART-0xEND SIZE FLAGS LEVEL): 0xDEADBEEF api_key=SECRET-TOKEN-123");
        assertThatThrownBy(() -> PtdumpImporter.parse("s", "0xDEADBEEF api_key=SECRET-TOKEN-123\n", 0xffff888000000000L))
                .message().doesNotContain("SECRET");
        assertThatThrownBy(() -> PtdumpImporter.parse("s", "0xDEADBEEF api_key=SECRET-TOKEN-123\n", null))
                .message().doesNotContain("SECRET").contains("no \"Low Kernel Mapping\" section (is this a ptdump?)");
        String longLine = "0x" + "f".repeat(16) + "-0x0 4K " + "x".repeat(200) + " pte";
        assertThatThrownBy(() -> PtdumpImporter.parse("s", "---[ Low Kernel Mapping ]---\n" + longLine + "\n", null))
                .satisfies(e -> assertThat(((ScenarioException) e).reason().length()).isLessThan(80 + 80));
    }

    @Test
    @DisplayName("issue 14.5: only a trailing @0x<hex> is a page_offset_base: ptdump:host@lab.ptdump is a file name")
    void atInFileName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("host@lab.ptdump"), text(EFI));
        Files.writeString(dir.resolve("s.yaml"), "splitscope: 1\nmachine:\n  boot: \"ptdump:host@lab.ptdump@0xffff9e3a40000000\"\n");
        Scenario s = ScenarioLoader.loadFile(dir.resolve("s.yaml"));
        assertThat(((BootLayout.Imported) s.machine().boot()).leaves()).isEqualTo(DIRECT_MAP);
        assertThat(s.machine().ramBytes()).isEqualTo(130 * Pfns.GIB);
        Files.writeString(dir.resolve("t.yaml"), "splitscope: 1\nmachine:\n  boot: ptdump:host@lab.ptdump\n");
        assertThatThrownBy(() -> ScenarioLoader.loadFile(dir.resolve("t.yaml")))
                .hasMessageContaining("host@lab.ptdump: the section markers are bunched");
    }
}
