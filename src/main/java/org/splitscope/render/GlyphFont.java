package org.splitscope.render;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Proportional, anti-aliased text for pictures, drawn into ARGB pixel arrays without a toolkit, so
 * that the command-line export and the app's export draw identical pixels (STYLE.md principle 1).
 *
 * <p>The glyphs are DejaVu Sans (regular and bold, {@code assets/fonts/}, Bitstream Vera licence),
 * rasterized once per pixel size into coverage atlases ({@code fonts/dejavu-<weight>-<px>.glyphs},
 * made by {@code GlyphAtlasGenerator} in the tests, which also checks they match the TTF). Each glyph
 * is an 8-bit coverage bitmap with its offset and advance; drawing blends the text colour over the
 * pixels by coverage. Characters the atlas lacks are drawn as '?'.
 *
 * <p>Threading: immutable after loading; safe to share.
 */
public final class GlyphFont {
    /** The pixel sizes an atlas exists for. */
    public static final int[] SIZES = {11, 12, 14, 16, 18, 20, 24, 28, 34};
    static final String MAGIC = "SSGF";
    private static final Map<String, GlyphFont> CACHE = new ConcurrentHashMap<>();

    private final int size;
    private final int ascent;
    private final int descent;
    private final int lineHeight;
    private final Glyph[] ascii = new Glyph[128];
    private final Map<Integer, Glyph> other = new ConcurrentHashMap<>();

    /** One glyph: coverage rows of {@code w x h} at ({@code dx}, {@code dy}) from the pen on the baseline. */
    record Glyph(int advance, int dx, int dy, int w, int h, byte[] alpha) {
    }

    private GlyphFont(int size, int ascent, int descent, int lineHeight) {
        this.size = size;
        this.ascent = ascent;
        this.descent = descent;
        this.lineHeight = lineHeight;
    }

    /** The regular weight at the atlas size nearest {@code px} (never larger when one fits). */
    public static GlyphFont regular(int px) {
        return of("regular", px);
    }

    /** The bold weight at the atlas size nearest {@code px}. */
    public static GlyphFont bold(int px) {
        return of("bold", px);
    }

    private static GlyphFont of(String weight, int px) {
        int best = SIZES[0];
        for (int s : SIZES) {
            if (s <= px) {
                best = s;
            }
        }
        int size = best;
        return CACHE.computeIfAbsent(weight + size, k -> load("fonts/dejavu-" + weight + "-" + size + ".glyphs"));
    }

    static GlyphFont load(String resource) {
        try (InputStream raw = GlyphFont.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("glyph atlas " + resource + " is missing from the build");
            }
            return read(new DataInputStream(new GZIPInputStream(raw)));
        } catch (IOException e) {
            throw new IllegalStateException("glyph atlas " + resource + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Reads the atlas format that {@code GlyphAtlasGenerator} writes (see {@link #MAGIC}). */
    static GlyphFont read(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII)) || in.readUnsignedByte() != 1) {
            throw new IOException("not a glyph atlas of version 1");
        }
        GlyphFont f = new GlyphFont(in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(),
                in.readUnsignedShort());
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            int cp = in.readInt();
            Glyph g = new Glyph(in.readShort(), in.readShort(), in.readShort(), in.readUnsignedShort(),
                    in.readUnsignedShort(), null);
            byte[] a = in.readNBytes(g.w() * g.h());
            g = new Glyph(g.advance(), g.dx(), g.dy(), g.w(), g.h(), a);
            if (cp < 128) {
                f.ascii[cp] = g;
            } else {
                f.other.put(cp, g);
            }
        }
        return f;
    }

    public int size() {
        return size;
    }

    /** Pixels from the top of a line to the baseline. */
    public int ascent() {
        return ascent;
    }

    public int descent() {
        return descent;
    }

    /** Distance between the tops of two lines. */
    public int lineHeight() {
        return lineHeight;
    }

    private Glyph glyph(int cp) {
        Glyph g = cp < 128 ? ascii[cp] : other.get(cp);
        if (g == null) {
            g = ascii['?'];
        }
        return g;
    }

    /** Width of {@code text} in pixels. */
    public int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += glyph(cp).advance();
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * Draws {@code text} with the top of its line at {@code y}, blending {@code argb} over the
     * pixels by glyph coverage; clipped to the array. Returns the x after the text.
     */
    public int draw(int[] px, int w, int h, int x, int y, String text, int argb) {
        int base = y + ascent;
        int pen = x;
        int r = (argb >>> 16) & 0xFF;
        int gr = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Glyph g = glyph(cp);
            int gx = pen + g.dx();
            int gy = base + g.dy();
            for (int row = 0; row < g.h(); row++) {
                int py = gy + row;
                if (py < 0 || py >= h) {
                    continue;
                }
                int off = row * g.w();
                for (int col = 0; col < g.w(); col++) {
                    int a = g.alpha()[off + col] & 0xFF;
                    int qx = gx + col;
                    if (a == 0 || qx < 0 || qx >= w) {
                        continue;
                    }
                    int idx = py * w + qx;
                    px[idx] = blend(px[idx], r, gr, b, a);
                }
            }
            pen += g.advance();
        }
        return pen;
    }

    private static int blend(int under, int r, int g, int b, int a) {
        int ia = 255 - a;
        int ur = (under >>> 16) & 0xFF;
        int ug = (under >>> 8) & 0xFF;
        int ub = under & 0xFF;
        return 0xFF000000 | ((r * a + ur * ia + 127) / 255) << 16 | ((g * a + ug * ia + 127) / 255) << 8
                | ((b * a + ub * ia + 127) / 255);
    }

    /** {@code text} cut to fit {@code maxW} pixels, ending in an ellipsis when cut. */
    public String fit(String text, int maxW) {
        if (width(text) <= maxW) {
            return text;
        }
        String dots = "\u2026";
        int budget = maxW - width(dots);
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int a = glyph(cp).advance();
            if (used + a > budget) {
                break;
            }
            b.appendCodePoint(cp);
            used += a;
            i += Character.charCount(cp);
        }
        return b.toString().stripTrailing() + dots;
    }

    /**
     * Breaks {@code text} into lines of at most {@code maxW} pixels at spaces (a word longer than a
     * line is cut), at most {@code maxLines} lines; the last line ends in an ellipsis when text is left.
     */
    public java.util.List<String> wrap(String text, int maxW, int maxLines) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String[] words = text == null ? new String[0] : text.strip().split("\\s+");
        StringBuilder line = new StringBuilder();
        int i = 0;
        for (; i < words.length && out.size() < maxLines; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate) <= maxW) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
                i--;                                    // this word starts the next line
            } else {
                out.add(fit(word, maxW));
            }
        }
        if (line.length() > 0 && out.size() < maxLines) {
            out.add(line.toString());
        }
        if (i < words.length && !out.isEmpty()) {
            int last = out.size() - 1;
            out.set(last, fit(out.get(last) + " " + words[i] + "\u2026", maxW));
            if (!out.get(last).endsWith("\u2026")) {
                out.set(last, out.get(last) + "\u2026");
            }
        }
        return out;
    }
}
