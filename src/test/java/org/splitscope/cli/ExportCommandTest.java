package org.splitscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.export.PngWriter;
import org.splitscope.render.Palette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.cli.CliTest.assertOneCleanLine;
import static org.splitscope.cli.CliTest.cli;

class ExportCommandTest {
    @Test
    @DisplayName("export writes a PNG of the requested size with the map, the header and the legend")
    void png(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("oc.png");
        CliTest.Result r = cli("export", "--scenario", "overlap-crash", "--step", "5", "--out", out.toString(),
                "--width", "1000", "--height", "700");
        assertThat(r.code()).as(r.err()).isZero();
        int[] size = new int[2];
        int[] px = PngWriter.read(out, size);
        assertThat(size).containsExactly(1000, 700);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int p : px) {
            colours.add(p);
        }
        assertThat(colours).contains(Palette.LEAF_1G.argb(), Palette.LEAF_2M.argb(), Palette.LEAF_4K.argb(),
                Palette.LIGHT.text(), Palette.BLACK);
        assertThat(Files.list(dir).toList()).containsExactly(out);            // no temporary file left behind
    }

    @Test
    @DisplayName("export --zoom and --layers: only the asked frames, only the asked layers")
    void zoomAndLayers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("z.png");
        assertThat(cli("export", "--scenario", "overlap-crash", "--step", "3", "--out", out.toString(), "--zoom",
                "0x20000-0x201ff", "--layers", "directmap", "--width", "800", "--height", "600").code()).isZero();
        int[] px = PngWriter.read(out, new int[2]);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int p : px) {
            colours.add(p);
        }
        // the map is all 2M-leaf frames; with only the direct-map layer, no RMP or TLB colour appears anywhere
        assertThat(colours).contains(Palette.LEAF_2M.argb())
                .doesNotContain(Palette.asidColor(1), Palette.TLB_STALE.argb(), Palette.TLB_MIXED.argb());
    }

    @Test
    @DisplayName("bad export arguments are one clean line each, and nothing is written")
    void bad(@TempDir Path dir) throws Exception {
        String out = dir.resolve("x.png").toString();
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--step", "99", "--out", out));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--step", "1", "--out", dir.resolve("x.jpg").toString()));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--step", "1", "--out", out, "--layers", "colour"));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--step", "1", "--out", out, "--zoom", "zz"));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--step", "1", "--out", out, "--width", "10"));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--step", "1", "--out", "/nonexistent/dir/x.png"));
        assertThat(Files.list(dir).toList()).isEmpty();
    }
}
