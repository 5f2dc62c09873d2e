package org.splitscope.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A fixed-width bitmap font for drawing text into ARGB pixel arrays without a toolkit, so that the
 * command-line export and the app draw identical captions and legends. Glyphs come from the X11
 * misc-fixed fonts (public domain), converted to {@code font-WxH.txt} resources.
 */
public final class BitmapFont {
    public static final BitmapFont SMALL = load("font-6x13.txt");
    public static final BitmapFont LARGE = load("font-10x20.txt");

    private final int cellW;
    private final int cellH;
    private final int[][] rows = new int[128][];

    private BitmapFont(int w, int h) {
        this.cellW = w;
        this.cellH = h;
    }

    private static BitmapFont load(String name) {
        try (InputStream in = BitmapFont.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the build");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
            BitmapFont f = null;
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.trim().split(" ");
                if (t[0].equals("cell")) {
                    f = new BitmapFont(Integer.parseInt(t[1]), Integer.parseInt(t[2]));
                    continue;
                }
                int code = Integer.parseInt(t[0]);
                int[] r = new int[t.length - 1];
                for (int i = 1; i < t.length; i++) {
                    r[i - 1] = Integer.parseInt(t[i], 16);
                }
                f.rows[code] = r;
            }
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int cellWidth() {
        return cellW;
    }

    public int lineHeight() {
        return cellH;
    }

    public int width(String s) {
        return s.length() * cellW;
    }

    /** Draws {@code s} with its top-left at (x, y), clipped to the image. */
    public void draw(int[] px, int w, int h, int x, int y, String s, int argb) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int[] g = ch < 128 ? rows[ch] : null;
            if (g == null) {
                g = rows['?'];
            }
            int gx = x + i * cellW;
            for (int ry = 0; ry < cellH; ry++) {
                int py = y + ry;
                if (py < 0 || py >= h) {
                    continue;
                }
                int bits = g[ry];
                if (bits == 0) {
                    continue;
                }
                for (int rx = 0; rx < cellW; rx++) {
                    if ((bits >>> (cellW - 1 - rx) & 1) != 0) {
                        int pxX = gx + rx;
                        if (pxX >= 0 && pxX < w) {
                            px[py * w + pxX] = argb;
                        }
                    }
                }
            }
        }
    }

    /** Truncates {@code s} with "..." to fit {@code maxWidth} pixels. */
    public String fit(String s, int maxWidth) {
        int max = maxWidth / cellW;
        if (s.length() <= max) {
            return s;
        }
        return max <= 3 ? s.substring(0, Math.max(0, max)) : s.substring(0, max - 3) + "...";
    }
}
