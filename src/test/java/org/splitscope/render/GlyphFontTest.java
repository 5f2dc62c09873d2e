package org.splitscope.render;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed glyph atlases are DejaVu Sans as the TTFs in assets/fonts rasterize. */
class GlyphFontTest {
    @Test
    @DisplayName("every atlas matches a fresh rasterization of the bundled TTF: metrics exactly, coverage closely")
    void atlasesMatchTheFonts() throws Exception {
        for (String weight : new String[] {"regular", "bold"}) {
            for (int size : GlyphFont.SIZES) {
                GlyphFont committed = GlyphFont.read(new DataInputStream(new ByteArrayInputStream(
                        GlyphAtlasGenerator.committed(weight, size))));
                GlyphFont fresh = GlyphFont.read(new DataInputStream(new ByteArrayInputStream(
                        GlyphAtlasGenerator.atlas(weight, size))));
                assertThat(committed.size()).isEqualTo(size);
                assertThat(committed.lineHeight()).isEqualTo(fresh.lineHeight());
                assertThat(committed.ascent()).isEqualTo(fresh.ascent());
                for (int cp : GlyphAtlasGenerator.codePoints()) {
                    String s = new String(Character.toChars(cp));
                    assertThat(committed.width(s)).as(weight + " " + size + " '" + s + "'").isEqualTo(fresh.width(s));
                }
                // coverage: the same ink to within 3% (a different JDK's rasterizer may shade edges differently)
                long a = ink(committed);
                long b = ink(fresh);
                assertThat((double) Math.abs(a - b)).isLessThanOrEqualTo(0.03 * b);
            }
        }
    }

    private static long ink(GlyphFont f) {
        String all = new String(GlyphAtlasGenerator.codePoints(), 0, GlyphAtlasGenerator.codePoints().length);
        int w = f.width(all) + 10;
        int h = f.lineHeight() + 4;
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, 0xFF000000);
        f.draw(px, w, h, 2, 2, all, 0xFFFFFFFF);
        long sum = 0;
        for (int p : px) {
            sum += p & 0xFF;
        }
        return sum;
    }

    @Test
    @DisplayName("fit and wrap: cut text ends in an ellipsis, wrapped lines fit their width, unknown characters draw as '?'")
    void fitAndWrap() {
        GlyphFont f = GlyphFont.regular(16);
        String long1 = "direct-map split, flush_tlb_all, RMPUPDATE; no fault";
        assertThat(f.fit(long1, 1000)).isEqualTo(long1);
        String cut = f.fit(long1, 120);
        assertThat(cut).endsWith("\u2026");
        assertThat(f.width(cut)).isLessThanOrEqualTo(120);
        for (String line : f.wrap(long1, 150, 10)) {
            assertThat(f.width(line)).isLessThanOrEqualTo(150);
        }
        assertThat(String.join(" ", f.wrap(long1, 150, 10))).isEqualTo(long1);
        assertThat(f.wrap(long1, 150, 2)).hasSize(2).last().asString().endsWith("\u2026");
        assertThat(f.width("\u4e2d")).isEqualTo(f.width("?"));
    }
}
