package org.splitscope.scenario;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.Sims;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.sim.Simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportTest {
    static final Path DIR = Path.of("src/test/resources/imports");

    private static String text(String name) throws Exception {
        return java.nio.file.Files.readString(DIR.resolve(name));
    }

    @Test
    @DisplayName("R5: a ptdump's Low Kernel Mapping becomes leaves; blank lines become holes (R1)")
    void ptdump() throws Exception {
        BootLayout.Imported l = PtdumpImporter.parse("epyc-65g.ptdump", text("epyc-65g.ptdump"), null);
        assertThat(l.leaves().get(0)).isEqualTo(new BootLayout.Imported.Leaf(0, PageSize.K4, 1));
        assertThat(l.endPfn() * 4096).isEqualTo(0x1040200000L);
        Scenario s = ScenarioLoader.loadFile(DIR.resolve("ptdump-host.yaml"));
        assertThat(s.machine().ramBytes()).isEqualTo(0x1040200000L);
        Simulation sim = Simulation.booted(s.toSpec());
        DirectMap dm = sim.directMap();
        assertThat(dm.frameState(0x9f)).isEqualTo(DirectMap.HOLE);                 // 0x9f000: legacy hole
        assertThat(dm.leafSize(0x40000)).isEqualTo(PageSize.G1);
        assertThat(dm.leafSize(0xc0000)).isEqualTo(PageSize.M2);
        assertThat(dm.leafSize(0xc0600)).isEqualTo(PageSize.K4);
        assertThat(dm.frameState(0xc0601)).isEqualTo(DirectMap.HOLE);
        assertThat(dm.frameState(0xd0000)).isEqualTo(DirectMap.HOLE);              // PCI hole below 4G
        assertThat(dm.leafSize(0x100000)).isEqualTo(PageSize.G1);
        // DirectMap figures count RAM only: 1M-ish of 4K, 2M leaves, 1G leaves
        assertThat(dm.directMap1gKb()).isEqualTo((2 + 61) * 1024 * 1024L);
        assertThat(dm.directMap2mKb()).isEqualTo((511 + 3 + 1) * 2048L);
        assertThat(dm.directMap4kKb()).isEqualTo(4 + 632 + 1024 + 4);
        sim.runTo(Long.MAX_VALUE);
        assertThat(sim.counters().get(Counter.LEVEL3_SPLITS)).isEqualTo(1);
        Sims.assertInvariants(sim);
    }

    @Test
    @DisplayName("ptdump lines from a boot log with dmesg prefixes, read at an explicit page_offset_base")
    void ptdumpFromDmesgWithBase() throws Exception {
        BootLayout.Imported l = PtdumpImporter.parse("kaslr-dmesg.log", text("kaslr-dmesg.log"), 0xff11a6c000000000L);
        BootLayout.Imported ref = PtdumpImporter.parse("epyc-65g.ptdump", text("epyc-65g.ptdump"), null);
        assertThat(l.leaves()).isEqualTo(ref.leaves());
        assertThatThrownBy(() -> PtdumpImporter.parse("kaslr-dmesg.log", text("kaslr-dmesg.log"), null))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("Low Kernel Mapping");
    }

    @Test
    @DisplayName("ptdump errors name the line: misaligned leaf, inconsistent size column")
    void ptdumpErrors() {
        String bad = "---[ Low Kernel Mapping ]---\n"
                + "0xffff888000000000-0xffff888000200000           2M     RW         PSE     GLB NX pmd\n"
                + "0xffff888000200000-0xffff888000300000           1M     RW         PSE     GLB NX pmd\n";
        assertThatThrownBy(() -> PtdumpImporter.parse("x.ptdump", bad, null))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.ptdump:3:").hasMessageContaining("aligned");
        String size = "---[ Low Kernel Mapping ]---\n"
                + "0xffff888000000000-0xffff888000200000           4M     RW         PSE     GLB NX pmd\n";
        assertThatThrownBy(() -> PtdumpImporter.parse("y.ptdump", size, null))
                .hasMessageStartingWith("y.ptdump:2:").hasMessageContaining("size column");
    }

    @Test
    @DisplayName("R5: a meminfo import has exactly its DirectMap totals, 4K lowest, then 2M, then 1G")
    void meminfo() throws Exception {
        Scenario s = ScenarioLoader.loadFile(DIR.resolve("meminfo-host.yaml"));
        Simulation sim = Simulation.booted(s.toSpec());
        DirectMap dm = sim.directMap();
        assertThat(dm.directMap4kKb()).isEqualTo(1107188);
        assertThat(dm.directMap2mKb()).isEqualTo(26800128);
        assertThat(dm.directMap1gKb()).isEqualTo(40894464);
        assertThat(dm.leafSize(0)).isEqualTo(PageSize.K4);
        assertThat(dm.leafSize(dm.frames() - 1)).isEqualTo(PageSize.G1);
        Sims.assertInvariants(sim);
    }

    @Test
    @DisplayName("meminfo errors: a total that is not a whole number of leaves, a file without DirectMap lines")
    void meminfoErrors() {
        assertThatThrownBy(() -> MeminfoImporter.parse("m", "DirectMap2M:  3000 kB\n"))
                .hasMessage("m:1:1: DirectMap2M 3000 kB is not a multiple of 2048 kB");
        assertThatThrownBy(() -> MeminfoImporter.parse("m", "MemTotal: 5 kB\n"))
                .hasMessageContaining("no DirectMap4k");
    }

    @Test
    @DisplayName("ram that disagrees with the imported layout is an error giving both sizes")
    void ramDisagrees() {
        String yaml = "splitscope: 1\nmachine:\n  ram: 64GiB\n  boot: meminfo:epyc-64g.meminfo\n";
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", yaml, false, "s", importsFromTestDir()))
                .hasMessageStartingWith("s.yaml:3:")
                .hasMessageContaining("64 GiB").hasMessageContaining("ends at");
    }

    static ScenarioLoader.ImportSource importsFromTestDir() {
        return new ScenarioLoader.ImportSource() {
            @Override
            public String read(String relative) throws java.io.IOException {
                return java.nio.file.Files.readString(DIR.resolve(relative));
            }

            @Override
            public String label(String relative) {
                return relative;
            }
        };
    }
}
