package org.splitscope.render;

/**
 * The type sizes of a picture, chosen from its width so that text reads at 100% wherever the picture
 * is pasted: at 1600 pixels wide the body is 16 px, small print (axes, footer, figures) 14 px and the
 * title 24 px bold; they scale with the width, within the sizes the glyph atlases have.
 */
public record Typography(GlyphFont title, GlyphFont body, GlyphFont small) {
    /** The reference width the sizes above are given for. */
    static final double REFERENCE_WIDTH = 1600;

    public static Typography forWidth(int width) {
        double s = width / REFERENCE_WIDTH;
        return new Typography(GlyphFont.bold(px(24 * s, 14, 34)), GlyphFont.regular(px(16 * s, 12, 24)),
                GlyphFont.regular(px(14 * s, 11, 20)));
    }

    private static int px(double v, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(v)));
    }
}
