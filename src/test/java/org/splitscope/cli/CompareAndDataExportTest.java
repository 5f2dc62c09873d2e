package org.splitscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.export.CsvExport;
import org.splitscope.export.GifWriter;
import org.splitscope.export.PngWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.splitscope.cli.CliTest.assertOneCleanLine;
import static org.splitscope.cli.CliTest.cli;

/** compare, export --compare, GIF animations and CSV files. */
class CompareAndDataExportTest {
    static List<List<String>> readCsv(Path f) throws Exception {
        CsvMapper m = new CsvMapper();
        m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = m.readerForListOf(String.class).readValues(f.toFile())) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    @Test
    @DisplayName("compare --json: one row per policy, each the run summary that 'run --json' prints")
    void compareJson() throws Exception {
        CliTest.Result r = cli("compare", "--scenario", "overlap-crash", "--policies", "none,split-on-demand,split-physmap", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip().lines()).hasSize(1);
        JsonNode j = r.json();
        assertThat(j.get("rows")).hasSize(3);
        List<String> policies = new ArrayList<>();
        for (JsonNode row : j.get("rows")) {
            String p = row.get("policy").asText();
            policies.add(p);
            JsonNode run = cli("run", "--scenario", "overlap-crash", "--policy", p, "--json").json();
            assertThat(row).as(p).isEqualTo(run);
        }
        assertThat(policies).containsExactly("none", "split-on-demand", "split-physmap");
        assertThat(j.get("rows").get(0).get("counters").get("rmp_faults").asLong()).isEqualTo(1);
        assertThat(j.get("rows").get(1).get("counters").get("rmp_faults").asLong()).isZero();
        List<String> differing = new ArrayList<>();
        j.get("differing").forEach(n -> differing.add(n.asText()));
        assertThat(differing).contains("RMP #PF", "2M splits", "cpa calls").doesNotContain("RMPUPDATEs", "PSMASH");
    }

    @Test
    @DisplayName("compare: the readable table marks the figures that differ; review compares its own four policies")
    void compareTable() {
        CliTest.Result r = cli("compare", "--scenario", "review", "--until-step", "400");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(1)).containsSubsequence("invalidate-noflush", "invalidate-flush", "presplit-4k",
                "split-on-demand");
        assertThat(r.out()).containsPattern("(?m)^\\* cpa calls ").containsPattern("(?m)^  RMPUPDATEs ");
        assertThat(cli("compare", "--scenario", "overlap-crash", "--policies", "all", "--json").code()).isZero();
    }

    @Test
    @DisplayName("bad compare arguments are one clean line each")
    void compareBad() {
        assertOneCleanLine(cli("compare", "--scenario", "overlap-crash", "--policies", "none,bogus"));
        assertOneCleanLine(cli("compare", "--scenario", "overlap-crash", "--policies", "none"));
        assertOneCleanLine(cli("compare", "--scenario", "overlap-crash", "--policies", "none,none"));
        assertOneCleanLine(cli("compare", "--scenario", "overlap-crash", "--policies", "none,all", "--until-step", "99"));
    }

    @Test
    @DisplayName("export --compare writes the side-by-side PNG at the asked size")
    void comparePng(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c.png");
        CliTest.Result r = cli("export", "--scenario", "overlap-crash", "--compare", "none,split-on-demand", "--step", "5",
                "--out", out.toString(), "--width", "1200", "--height", "700");
        assertThat(r.code()).as(r.err()).isZero();
        int[] size = new int[2];
        PngWriter.read(out, size);
        assertThat(size).containsExactly(1200, 700);
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--compare", "none,split-on-demand", "--policy",
                "none", "--out", out.toString()));
    }

    @Test
    @DisplayName("export --from --to .gif: one frame per step, of the asked size, each the PNG of its step")
    void gif(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("a.gif");
        CliTest.Result r = cli("export", "--scenario", "overlap-crash", "--from", "2", "--to", "6", "--out", gif.toString(),
                "--width", "640", "--height", "400");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(GifWriter.frameCountAndSize(gif)).containsExactly(5, 640, 400);
        assertThat(cli("export", "--scenario", "overlap-crash", "--from", "0", "--to", "8", "--every", "3", "--out",
                gif.toString(), "--width", "640", "--height", "400").code()).isZero();
        assertThat(GifWriter.frameCountAndSize(gif)).containsExactly(3, 640, 400);

        // frame k of the animation is the picture of its step, caption and all
        assertThat(cli("export", "--scenario", "overlap-crash", "--from", "2", "--to", "6", "--out", gif.toString(),
                "--width", "640", "--height", "400").code()).isZero();
        List<int[]> frames = gifFrames(gif);
        for (int k : new int[] {0, 3}) {
            Path png = dir.resolve("s" + k + ".png");
            assertThat(cli("export", "--scenario", "overlap-crash", "--step", Long.toString(2 + k), "--out", png.toString(),
                    "--width", "640", "--height", "400").code()).isZero();
            int[] expected = GifWriter.reduced(PngWriter.read(png, new int[2]));
            assertThat(frames.get(k)).as("frame " + k).isEqualTo(expected);
        }
        assertThat(frames.get(0)).isNotEqualTo(frames.get(1));
    }

    static List<int[]> gifFrames(Path gif) throws Exception {
        javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        List<int[]> out = new ArrayList<>();
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            for (int i = 0; i < n; i++) {
                var img = reader.read(i);
                out.add(img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()));
            }
        } finally {
            reader.dispose();
        }
        return out;
    }

    @Test
    @DisplayName("bad animation arguments are one clean line each, and no file is left")
    void gifBad(@TempDir Path dir) throws Exception {
        String gif = dir.resolve("a.gif").toString();
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--out", gif));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--from", "5", "--to", "2", "--out", gif));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--from", "0", "--to", "99", "--out", gif));
        assertOneCleanLine(cli("export", "--scenario", "multi-guest", "--from", "0", "--to", "9000", "--out", gif));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--from", "0", "--to", "2", "--out",
                dir.resolve("a.png").toString()));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--from", "0", "--to", "2", "--delay-ms", "0",
                "--out", gif));
        assertThat(Files.list(dir).toList()).isEmpty();
    }

    @Test
    @DisplayName("export --csv series: the documented columns, one row per step boundary, the run's own figures")
    void seriesCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        assertThat(cli("export", "--scenario", "overlap-crash", "--policy", "split-on-demand", "--csv", "series",
                "--out", csv.toString()).code()).isZero();
        List<List<String>> rows = readCsv(csv);
        assertThat(rows.get(0)).isEqualTo(CsvExport.SERIES_COLUMNS);
        assertThat(rows).hasSize(1 + 9);                               // header + boundaries 0..8
        for (int step = 0; step <= 8; step++) {
            List<String> row = rows.get(1 + step);
            assertThat(row).hasSize(CsvExport.SERIES_COLUMNS.size());
            assertThat(row.get(0)).isEqualTo(Integer.toString(step));
            JsonNode run = cli("run", "--scenario", "overlap-crash", "--policy", "split-on-demand", "--until-step",
                    Integer.toString(step), "--json").json();
            assertThat(row.get(1)).isEqualTo(run.get("meminfo").get("DirectMap4k").asText());
            assertThat(row.get(4)).isEqualTo(run.get("vmstat").get("direct_map_level2_splits").asText());
            assertThat(row.get(8)).isEqualTo(run.get("counters").get("flush_tlb_all").asText());
            assertThat(row.get(13)).isEqualTo(run.get("counters").get("cpa_calls").asText());
        }
        assertThat(rows.get(1 + 3).get(20)).contains("split").contains("rmpupdate");
        assertThat(cli("export", "--scenario", "overlap-crash", "--csv", "series", "--step", "3", "--out",
                csv.toString()).code()).isZero();
        assertThat(readCsv(csv)).hasSize(1 + 4);
    }

    @Test
    @DisplayName("export --csv events: one row per event up to the step, the filter applied")
    void eventsCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("e.csv");
        assertThat(cli("export", "--scenario", "overlap-crash", "--csv", "events", "--out", csv.toString()).code()).isZero();
        List<List<String>> all = readCsv(csv);
        assertThat(all.get(0)).isEqualTo(CsvExport.EVENT_COLUMNS);
        JsonNode run = cli("run", "--scenario", "overlap-crash", "--json").json();
        assertThat(all).hasSize(1 + run.get("counters").get("events").asInt());

        assertThat(cli("export", "--scenario", "overlap-crash", "--csv", "events", "--filter", "rmp-fault,access cpu=0",
                "--step", "5", "--out", csv.toString()).code()).isZero();
        List<List<String>> some = readCsv(csv);
        assertThat(some.subList(1, some.size())).extracting(r -> r.get(0) + " " + r.get(2) + " " + r.get(3))
                .containsExactly("2 access 0", "5 access 0", "5 rmp-fault 0");
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--csv", "events", "--filter", "tlb=stale",
                "--out", csv.toString()));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--out", dir.resolve("x.csv").toString()));
        assertOneCleanLine(cli("export", "--scenario", "overlap-crash", "--csv", "tables", "--out", csv.toString()));
    }
}
