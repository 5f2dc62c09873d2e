package org.splitscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.splitscope.ui.model.FiguresModel;
import org.splitscope.ui.service.Snapshot.ChartSeries;

/**
 * Charts over steps, with a cursor at the current step: DirectMap 4k/2M/1G, splits and
 * collapses, flushes and IPIs, faults, simulated time and cpa_lock wait; one row, each chart with
 * its legend, the x axis in steps. The series are rebuilt when the run has advanced (the figures
 * model's series changed); the cursor follows the position shown.
 *
 * <p>Threading: FX thread only.
 */
public final class ChartsView extends GridPane {
    private static final String[][] CHARTS = {
            {"Direct map (MiB)", "DIRECT_MAP_4K:DirectMap4k", "DIRECT_MAP_2M:DirectMap2M", "DIRECT_MAP_1G:DirectMap1G"},
            {"Splits and collapses", "LEVEL2_SPLITS:2M splits", "LEVEL3_SPLITS:1G splits", "LEVEL2_COLLAPSES:collapses"},
            {"Flushes and IPIs", "FLUSH_TLB_ALL:flush_tlb_all", "IPIS:IPIs (/100)"},
            {"Faults", "RMP_FAULTS:RMP #PF", "NOT_PRESENT_FAULTS:not-present #PF"},
            {"Time (ms)", "SIM_TIME_NS:simulated time", "LOCK_WAIT_NS:cpa_lock wait"}};
    /** Tick labels that stay short: 12.5k, 3M. */
    static final javafx.util.StringConverter<Number> COMPACT = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            double a = Math.abs(v);
            if (a >= 1e9) {
                return trim(v / 1e9) + "G";
            }
            if (a >= 1e6) {
                return trim(v / 1e6) + "M";
            }
            if (a >= 1e3) {
                return trim(v / 1e3) + "k";
            }
            return trim(v);
        }

        private String trim(double v) {
            String t = String.format(java.util.Locale.ROOT, "%.1f", v);
            return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
        }

        @Override
        public Number fromString(String s) {
            throw new UnsupportedOperationException("tick labels are not edited");
        }
    };

    /** Okabe-Ito, as the heat map: vermillion, orange, bluish green. */
    static final String[] SERIES_COLOURS = {"#D55E00", "#E69F00", "#009E73"};

    private final LineChart<Number, Number>[] charts;
    private final XYChart.Series<Number, Number>[] cursors;
    private final XYChart.Series<Number, Number>[][] lines;
    private ChartSeries data;

    /** Follows the figures model: new series redraw the charts, a new position moves the cursor. */
    public void follow(FiguresModel figures) {
        figures.seriesProperty().addListener((o, a, d) -> show(d, figures.positionProperty().get().step()));
        figures.positionProperty().addListener((o, a, p) -> moveCursor(p.step()));
    }

    @SuppressWarnings("unchecked")
    public ChartsView() {
        getStyleClass().add("charts");
        charts = new LineChart[CHARTS.length];
        cursors = new XYChart.Series[CHARTS.length];
        lines = new XYChart.Series[CHARTS.length][];
        for (int i = 0; i < CHARTS.length; i++) {
            // Fixed ranges, set from the data: the whole run across (as the timeline bar), and a round
            // maximum up the side. Auto-ranging axes would lay out new ticks at every frame of play.
            NumberAxis x = new NumberAxis(0, 1, 1);
            x.setAutoRanging(false);
            x.setTickLabelFormatter(COMPACT);
            x.setMinorTickVisible(false);
            NumberAxis y = new NumberAxis(0, 1, 1);
            y.setAutoRanging(false);
            y.setTickLabelFormatter(COMPACT);
            y.setMinorTickVisible(false);
            LineChart<Number, Number> c = new LineChart<>(x, y);
            c.setTitle(CHARTS[i][0]);
            c.setAnimated(false);
            c.setCreateSymbols(false);
            // Our own one-line legend under the chart: the built-in one is dropped when the pane is short.
            c.setLegendVisible(false);
            c.setMinHeight(60);                                 // a short pane shrinks the plot, never the key
            c.setPadding(new javafx.geometry.Insets(2, 14, 0, 2));   // room for the last x tick's label
            c.setMinWidth(180);
            c.setPrefWidth(300);
            c.setPrefHeight(180);
            charts[i] = c;
            javafx.scene.layout.FlowPane key = new javafx.scene.layout.FlowPane(10, 0);
            key.getStyleClass().add("chart-key");
            key.setPadding(new javafx.geometry.Insets(0, 4, 2, 30));
            key.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            for (int sIdx = 1; sIdx < CHARTS[i].length; sIdx++) {
                javafx.scene.shape.Rectangle sw = new javafx.scene.shape.Rectangle(12, 3, Color.web(SERIES_COLOURS[sIdx - 1]));
                javafx.scene.control.Label l = new javafx.scene.control.Label(CHARTS[i][sIdx].split(":")[1], sw);
                l.getStyleClass().add("chart-key-item");
                key.getChildren().add(l);
            }
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(c, key);
            VBox.setVgrow(c, Priority.ALWAYS);
            add(box, i, 0);
            GridPane.setHgrow(box, Priority.ALWAYS);
            GridPane.setVgrow(box, Priority.ALWAYS);
        }
    }

    /** New series (null: the charts are not on screen; they keep what they had) and the step of the cursor. */
    public void show(ChartSeries d, long step) {
        if (d == null) {
            return;
        }
        data = d;
        for (int i = 0; i < CHARTS.length; i++) {
            if (lines[i] == null) {
                create(i);
            }
            double max = 1;
            for (int s = 1; s < CHARTS[i].length; s++) {
                String name = CHARTS[i][s].split(":")[0];
                int col = index(name);
                double scale = name.startsWith("DIRECT_MAP") ? 1.0 / 1024 : name.endsWith("_NS") ? 1e-6
                        : name.equals("IPIS") ? 0.01 : 1;
                List<XYChart.Data<Number, Number>> points = new ArrayList<>(data.x().length);
                for (int p = 0; p < data.x().length; p++) {
                    double v = data.y()[col][p] * scale;
                    max = Math.max(max, v);
                    points.add(new XYChart.Data<>(data.x()[p], v));
                }
                lines[i][s - 1].getData().setAll(points);   // the same series: no new nodes to style
            }
            span((NumberAxis) charts[i].getXAxis(), Math.max(1, data.totalSteps()), round(Math.max(1, data.totalSteps()) / 5.0));
            double top = round(max);
            span((NumberAxis) charts[i].getYAxis(), top, top / 5);
            XYChart.Series<Number, Number> cursor = cursors[i];
            cursor.getData().get(0).setXValue(step);
            cursor.getData().get(1).setXValue(step);
            cursor.getData().get(1).setYValue(top);
        }
    }

    /** The round number at or above {@code v}: 1, 2 or 5 times a power of ten. */
    static double round(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(1e-9, v))));
        return v <= p ? p : v <= 2 * p ? 2 * p : v <= 5 * p ? 5 * p : 10 * p;
    }

    /** Sets the axis to 0 .. {@code upper} with ticks every {@code unit}, if it is not so already. */
    private static void span(NumberAxis axis, double upper, double unit) {
        if (axis.getUpperBound() != upper || axis.getTickUnit() != unit) {
            axis.setUpperBound(upper);
            axis.setTickUnit(unit);
        }
    }

    /** The series of chart {@code i} and its cursor, made once and styled once. */
    @SuppressWarnings("unchecked")
    private void create(int i) {
        LineChart<Number, Number> c = charts[i];
        lines[i] = new XYChart.Series[CHARTS[i].length - 1];
        for (int s = 1; s < CHARTS[i].length; s++) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(CHARTS[i][s].split(":")[1]);
            c.getData().add(series);
            series.getNode().setStyle("-fx-stroke: " + SERIES_COLOURS[s - 1] + "; -fx-stroke-width: 2px;");
            lines[i][s - 1] = series;
        }
        XYChart.Series<Number, Number> cursor = new XYChart.Series<>();
        cursor.setName("now");
        cursor.getData().add(new XYChart.Data<>(0, 0));
        cursor.getData().add(new XYChart.Data<>(0, 1));
        c.getData().add(cursor);
        if (cursor.getNode() != null) {
            cursor.getNode().getStyleClass().add("chart-cursor");
        }
        cursors[i] = cursor;
    }

    private void moveCursor(long step) {
        for (XYChart.Series<Number, Number> c : cursors) {
            if (c != null && !c.getData().isEmpty() && c.getData().get(0).getXValue().longValue() != step) {
                c.getData().get(0).setXValue(step);
                c.getData().get(1).setXValue(step);
            }
        }
    }

    private int index(String name) {
        for (int i = 0; i < data.names().length; i++) {
            if (data.names()[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Chart {@code chart}'s series {@code series} (tests read what is drawn). */
    XYChart.Series<Number, Number> line(int chart, int series) {
        return lines[chart] == null ? null : lines[chart][series];
    }

    /** Chart {@code chart}'s cursor. */
    XYChart.Series<Number, Number> cursor(int chart) {
        return cursors[chart];
    }
}
