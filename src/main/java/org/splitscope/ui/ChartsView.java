package org.splitscope.ui;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Charts over steps, with a cursor at the current step: DirectMap 4k/2M/1G, splits and
 * collapses, flushes and IPIs, faults, simulated time and cpa_lock wait.
 */
public final class ChartsView extends GridPane {
    private static final String[][] CHARTS = {
            {"Direct map (MiB)", "DIRECT_MAP_4K:DirectMap4k", "DIRECT_MAP_2M:DirectMap2M", "DIRECT_MAP_1G:DirectMap1G"},
            {"Splits and collapses", "LEVEL2_SPLITS:2M splits", "LEVEL3_SPLITS:1G splits", "LEVEL2_COLLAPSES:collapses"},
            {"Flushes and IPIs", "FLUSH_TLB_ALL:flush_tlb_all", "IPIS:IPIs (/100)"},
            {"Faults", "RMP_FAULTS:RMP #PF", "NOT_PRESENT_FAULTS:not-present #PF"},
            {"Time (ms)", "SIM_TIME_NS:simulated time", "LOCK_WAIT_NS:cpa_lock wait"}};
    private final LineChart<Number, Number>[] charts;
    private final XYChart.Series<Number, Number>[] cursors;
    private final double[] maxima;
    private Snapshot.ChartData data;

    @SuppressWarnings("unchecked")
    public ChartsView() {
        getStyleClass().add("charts");
        charts = new LineChart[CHARTS.length];
        cursors = new XYChart.Series[CHARTS.length];
        maxima = new double[CHARTS.length];
        for (int i = 0; i < CHARTS.length; i++) {
            NumberAxis x = new NumberAxis();
            x.setLabel("step");
            x.setForceZeroInRange(true);
            NumberAxis y = new NumberAxis();
            LineChart<Number, Number> c = new LineChart<>(x, y);
            c.setTitle(CHARTS[i][0]);
            c.setAnimated(false);
            c.setCreateSymbols(false);
            c.setLegendVisible(true);
            c.setMinHeight(160);
            charts[i] = c;
            add(c, i % 3, i / 3);
            GridPane.setHgrow(c, Priority.ALWAYS);
            GridPane.setVgrow(c, Priority.ALWAYS);
        }
    }

    /** New figures (null: unchanged, only the cursor moves) and the current step for the cursor. */
    public void show(Snapshot.ChartData d, long step) {
        if (d == null) {
            moveCursor(step);
            return;
        }
        data = d;
        for (int i = 0; i < CHARTS.length; i++) {
            LineChart<Number, Number> c = charts[i];
            c.getData().clear();
            double max = 1;
            for (int s = 1; s < CHARTS[i].length; s++) {
                String[] spec = CHARTS[i][s].split(":");
                int col = index(spec[0]);
                double scale = spec[0].startsWith("DIRECT_MAP") ? 1.0 / 1024 : spec[0].endsWith("_NS") ? 1e-6
                        : spec[0].equals("IPIS") ? 0.01 : 1;
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(spec[1]);
                for (int p = 0; p < data.x().length; p++) {
                    double v = data.y()[col][p] * scale;
                    max = Math.max(max, v);
                    series.getData().add(new XYChart.Data<>(data.x()[p], v));
                }
                c.getData().add(series);
            }
            XYChart.Series<Number, Number> cursor = new XYChart.Series<>();
            cursor.setName("now");
            cursor.getData().add(new XYChart.Data<>(step, 0));
            cursor.getData().add(new XYChart.Data<>(step, max));
            c.getData().add(cursor);
            cursors[i] = cursor;
            maxima[i] = max;
        }
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
}
