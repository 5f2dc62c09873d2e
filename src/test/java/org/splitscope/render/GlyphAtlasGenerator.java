package org.splitscope.render;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the glyph atlases {@link GlyphFont} draws with, from the bundled DejaVu TTFs, with the JDK's
 * own font rasterizer (java.awt, which the render package itself may not use). Run it after changing
 * the fonts or the character set:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.splitscope.render.GlyphAtlasGenerator}
 * or from an IDE; {@code GlyphFontTest} checks the committed atlases against a fresh rasterization.
 */
public final class GlyphAtlasGenerator {
    /** ASCII, and the few other characters captions and labels use. */
    static final String EXTRA = "\u2026\u2013\u2014\u00d7\u2264\u2265\u00b5\u00b7\u2192\u2190\u00b1\u00b0\u2019\u201c\u201d";
    static final Path FONTS = Path.of("assets/fonts");
    static final Path OUT = Path.of("src/main/resources/org/splitscope/render/fonts");

    private GlyphAtlasGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        for (String weight : new String[] {"regular", "bold"}) {
            for (int size : GlyphFont.SIZES) {
                Path out = OUT.resolve("dejavu-" + weight + "-" + size + ".glyphs");
                try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
                    o.write(atlas(weight, size));
                }
            }
        }
    }

    static Font font(String weight, int size) throws Exception {
        Path ttf = FONTS.resolve(weight.equals("bold") ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
        return Font.createFont(Font.TRUETYPE_FONT, ttf.toFile()).deriveFont((float) size);
    }

    static int[] codePoints() {
        StringBuilder b = new StringBuilder();
        for (char c = 32; c < 127; c++) {
            b.append(c);
        }
        b.append(EXTRA);
        return b.codePoints().toArray();
    }

    /** The uncompressed atlas of one weight and pixel size. */
    static byte[] atlas(String weight, int size) throws Exception {
        Font font = font(weight, size);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(font);
        FontMetrics fm = pg.getFontMetrics();
        int ascent = fm.getAscent();
        int descent = fm.getDescent();
        int lineHeight = fm.getHeight();
        pg.dispose();
        int[] cps = codePoints();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(GlyphFont.MAGIC.getBytes(StandardCharsets.US_ASCII));
        out.writeByte(1);
        out.writeShort(size);
        out.writeShort(ascent);
        out.writeShort(descent);
        out.writeShort(lineHeight);
        out.writeShort(cps.length);
        int box = size * 3;
        for (int cp : cps) {
            BufferedImage img = new BufferedImage(box, box, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setFont(font);
            g.setColor(java.awt.Color.WHITE);
            String s = new String(Character.toChars(cp));
            int originX = size;
            int originY = size * 2;
            g.drawString(s, originX, originY);
            int advance = g.getFontMetrics().stringWidth(s);
            g.dispose();
            int minX = box;
            int minY = box;
            int maxX = -1;
            int maxY = -1;
            var raster = img.getRaster();
            for (int y = 0; y < box; y++) {
                for (int x = 0; x < box; x++) {
                    if (raster.getSample(x, y, 0) != 0) {
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            int w = maxX < 0 ? 0 : maxX - minX + 1;
            int h = maxY < 0 ? 0 : maxY - minY + 1;
            out.writeInt(cp);
            out.writeShort(advance);
            out.writeShort(w == 0 ? 0 : minX - originX);
            out.writeShort(h == 0 ? 0 : minY - originY);
            out.writeShort(w);
            out.writeShort(h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.writeByte(raster.getSample(minX + x, minY + y, 0));
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** The atlas as committed, uncompressed (for the consistency test). */
    static byte[] committed(String weight, int size) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(
                OUT.resolve("dejavu-" + weight + "-" + size + ".glyphs")))) {
            return in.readAllBytes();
        }
    }
}
