package org.splitscope.render;

import java.util.List;
import org.splitscope.core.sim.RunSummary;

/**
 * The compare picture's table of figures: a row per policy, a column per figure, so a reviewer reads
 * every number side by side. A figure on which the policies differ has a starred heading and its
 * values in the text colour; the others are dimmed. Columns narrower than their heading wrap the
 * heading onto a second line; nothing is cut.
 */
final class FigureTable {
    private FigureTable() {
    }

    /** Draws the table in {@code tw} pixels from ({@code x}, {@code y}); returns the row below it. */
    static int draw(int[] px, int w, int h, int x, int y, int tw, List<String> policies,
                    List<CompareMetrics.Metric> figures, List<RunSummary> sums, GlyphFont f, Palette pal) {
        int nameW = 0;
        for (String p : policies) {
            nameW = Math.max(nameW, f.width(p));
        }
        nameW += 12;
        int cols = figures.size();
        int[] colW = new int[cols];
        int total = 0;
        for (int c = 0; c < cols; c++) {
            CompareMetrics.Metric m = figures.get(c);
            int vw = 0;
            for (RunSummary s : sums) {
                vw = Math.max(vw, f.width(m.text().apply(s)));
            }
            for (String word : ("*" + m.label()).split(" ")) {
                vw = Math.max(vw, f.width(word));          // a heading wraps at spaces, never inside a word
            }
            colW[c] = vw + 12;
            total += colW[c];
        }
        // share what is left of the width among the columns, so headings get room to wrap into
        int spare = Math.max(0, tw - nameW - total);
        for (int c = 0; c < cols; c++) {
            colW[c] += spare / cols;
        }
        int headLines = 1;
        String[][] heads = new String[cols][];
        for (int c = 0; c < cols; c++) {
            CompareMetrics.Metric m = figures.get(c);
            String head = (m.differs(sums) ? "*" : "") + m.label();
            heads[c] = f.wrap(head, colW[c] - 6, 3).toArray(new String[0]);
            headLines = Math.max(headLines, heads[c].length);
        }
        int lh = f.lineHeight();
        int cx = x + nameW;
        for (int c = 0; c < cols; c++) {
            boolean differs = figures.get(c).differs(sums);
            for (int l = 0; l < heads[c].length; l++) {
                f.draw(px, w, h, cx, y + l * lh, heads[c][l], differs ? pal.text() : pal.dimText());
            }
            cx += colW[c];
        }
        int ry = y + headLines * lh + 2;
        HeatMapRasterizer.fill(px, w, h, x, ry, Math.min(tw, cx - x), 1, pal.grid());
        ry += 3;
        for (int r = 0; r < policies.size(); r++) {
            f.draw(px, w, h, x, ry, policies.get(r), pal.text());
            cx = x + nameW;
            for (int c = 0; c < cols; c++) {
                CompareMetrics.Metric m = figures.get(c);
                f.draw(px, w, h, cx, ry, m.text().apply(sums.get(r)), m.differs(sums) ? pal.text() : pal.dimText());
                cx += colW[c];
            }
            ry += lh;
        }
        return ry;
    }
}
