package org.splitscope.ui;

import java.util.Map;
import java.util.function.LongConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.history.Position;
import org.splitscope.ui.service.Snapshot;

/**
 * The timeline scrubber: the whole run left to right, the part already run shaded, markers for
 * faults, splits, collapses and flushes (one row each), for a host recording's replay a row for the
 * steps whose prediction differs from what the host did (mismatches), bookmarks, and the current position.
 * Click or drag to seek (a drag sends many seeks; the service keeps only the latest waiting one).
 *
 * <p>Threading: FX thread only.
 */
public final class TimelineBar extends Region {
    static final int RMP_FAULTS = EventKind.RMP_FAULT.bit() | EventKind.NP_FAULT.bit();
    static final int SPLITS = EventKind.SPLIT.bit();
    static final int COLLAPSES = EventKind.COLLAPSE.bit();
    static final int FLUSHES = EventKind.FLUSH_ALL.bit() | EventKind.FLUSH_RANGE.bit();

    private final Canvas canvas = new Canvas();
    private Snapshot.MarkersPart markers;
    private Position position = Position.START;
    private LongConsumer onSeek = s -> { };
    private java.util.function.IntConsumer onWidth = w -> { };
    private boolean dark;
    /** Left margin for the row names, at 100%. */
    static final double GUTTER = 74;
    /** The UI scale (1.0 to 2.0): the row names, their margin and the bar's height grow with it. */
    private double scale = 1.0;
    private static final String[] ROW_NAMES = {"faults", "splits", "collapses", "flushes", "mismatch"};
    /** Reddish purple (Okabe-Ito), unlike the four event rows. */
    private static final Color MISMATCH = Color.web("#CC79A7");
    /** The columns of a replay's mismatches (null: not a replay, no fifth row). */
    private java.util.BitSet mismatches;

    public TimelineBar() {
        getStyleClass().add("timeline-bar");
        getChildren().add(canvas);
        setMinHeight(60);
        setPrefHeight(60);
        canvas.setOnMousePressed(e -> seekAt(e.getX()));
        canvas.setOnMouseDragged(e -> seekAt(e.getX()));
    }

    public void setOnSeek(LongConsumer c) {
        onSeek = c;
    }

    public void setOnWidth(java.util.function.IntConsumer c) {
        onWidth = c;
    }

    /** A replay's mismatch columns (of the marker strip's width), or null for no mismatch row. */
    public void setMismatches(java.util.BitSet columns) {
        mismatches = columns;
        fitHeight();
        draw();
    }

    /** Row names, their margin and the rows grow with the UI scale (View > UI scale). */
    public void setScale(double s) {
        scale = Math.max(1.0, Math.min(2.0, s));
        fitHeight();
        requestLayout();
        double w = getWidth();
        if (w > 0) {
            onWidth.accept((int) Math.max(1, w - gutter()));
        }
        draw();
    }

    /** The left margin for the row names at the current scale. */
    double gutter() {
        return Math.ceil(GUTTER * scale);
    }

    private void fitHeight() {
        double h = Math.ceil((mismatches == null ? 60 : 72) * scale);
        setMinHeight(h);
        setPrefHeight(h);
    }

    /** Whether the mismatch row is drawn. */
    boolean showsMismatches() {
        return mismatches != null;
    }

    public void setDark(boolean d) {
        dark = d;
        draw();
    }

    private void seekAt(double x) {
        double w = getWidth() - gutter();
        if (markers == null || w <= 0) {
            return;
        }
        long step = Math.round(Math.max(0, Math.min(1, (x - gutter()) / w)) * markers.totalSteps());
        onSeek.accept(step);
    }

    /** The markers and bookmarks to draw, and the position of the cursor. */
    public void show(Snapshot.MarkersPart m, Position at) {
        markers = m;
        position = at;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            onWidth.accept((int) Math.max(1, w - gutter()));
            draw();
        }
    }

    /** A mark for column {@code x} of {@code columns}: at least 4 pixels wide (scaled), centred on it, inside the strip. */
    private void mark(GraphicsContext g, int x, int columns, double w, double y, double hgt) {
        double mw = Math.max(4 * scale, w / columns);
        double mx = Math.max(0, Math.min(w - mw, x * w / columns + w / columns / 2 - mw / 2));
        g.fillRect(mx, y, mw, hgt);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double full = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(dark ? Color.web("#2a2a2a") : Color.web("#f0f0f0"));
        g.fillRect(0, 0, full, h);
        double w = full - gutter();
        if (w <= 0) {
            return;
        }
        int rows = mismatches == null ? 4 : 5;
        double row = (h - 10) / rows;
        Color[] colors = {Color.web("#D55E00"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#0072B2"), MISMATCH};
        g.setFont(javafx.scene.text.Font.font(10 * scale));
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        for (int k = 0; k < rows; k++) {
            g.setFill(colors[k]);
            g.fillRect(4, 6 + k * row + 1, 8 * scale, row - 2);
            g.setFill(dark ? Color.web("#cccccc") : Color.web("#333333"));
            g.fillText(ROW_NAMES[k], 8 + 8 * scale, 6 + k * row + row / 2);
        }
        if (markers == null) {
            return;
        }
        g.save();
        g.translate(gutter(), 0);
        long total = Math.max(1, markers.totalSteps());
        g.setFill(dark ? Color.web("#3a3a3a") : Color.web("#dcdcdc"));
        g.fillRect(0, 0, w * markers.frontier() / total, h);
        // the cursor first: a mark where the run stands (a fault of the step just run) is drawn over it
        double cx = Math.min(w - 1, Math.max(1, w * position.step() / total));
        g.setStroke(dark ? Color.WHITE : Color.BLACK);
        g.setLineWidth(2);
        g.strokeLine(cx, 0, cx, h);
        int[] m = markers.markers();
        int[] kinds = {RMP_FAULTS, SPLITS, COLLAPSES, FLUSHES};
        for (int k = 0; k < 4; k++) {
            g.setFill(colors[k]);
            for (int x = 0; m != null && x < m.length; x++) {
                if ((m[x] & kinds[k]) != 0) {
                    mark(g, x, m.length, w, 6 + k * row + 1, row - 2);
                }
            }
        }
        if (mismatches != null && m != null) {
            // the replay's mismatches are known for the whole run, not only the part computed
            g.setFill(MISMATCH);
            for (int x = mismatches.nextSetBit(0); x >= 0 && x < m.length; x = mismatches.nextSetBit(x + 1)) {
                mark(g, x, m.length, w, 6 + 4 * row + 1, row - 2);
            }
        }
        g.setFill(dark ? Color.web("#bbbbbb") : Color.web("#444444"));
        for (Map.Entry<String, Position> b : markers.bookmarks().entrySet()) {
            double bx = w * b.getValue().step() / total;
            g.fillPolygon(new double[] {bx - 5, bx + 5, bx}, new double[] {0, 0, 7}, 3);
        }
        g.restore();
    }
}
