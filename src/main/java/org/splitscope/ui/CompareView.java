package org.splitscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.render.CellLayout;
import org.splitscope.render.CompareMetrics;
import org.splitscope.ui.service.Snapshot;

/**
 * Compare mode: the runs side by side, one heat map each (the main one first), under one shared
 * step, zoom and selection, each marked where it differs from the first; and a table of their
 * figures with the ones that differ highlighted (and starred, so colour is not the only cue). A new
 * set of policies builds the panes and the table afresh (columns, widths and headers included).
 *
 * <p>Threading: FX thread only.
 */
final class CompareView {
    final GridPane grid = new GridPane();
    /** The Compare tab's content: the table of figures, a new one for each set of policies. */
    final BorderPane tablePane = new BorderPane();
    TableView<Row> table = newTable();
    final List<HeatMap> maps = new ArrayList<>();
    final List<Label> headers = new ArrayList<>();
    private final HeatMap primary;
    private final HeatMap.Listener listener;
    private List<String> shownPolicies = List.of();

    /** One figure across the compared runs. */
    record Row(String label, List<String> values, boolean differs) {
    }

    CompareView(HeatMap primary, HeatMap.Listener listener) {
        this.primary = primary;
        this.listener = listener;
        grid.getStyleClass().add("compare-grid");
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        tablePane.setCenter(table);
    }

    /** Shows the compared runs (the part must have panes), drawn with the main map's layout. */
    void show(Snapshot.ComparePart c, CellLayout layout) {
        List<String> policies = c.policies();
        if (!policies.equals(shownPolicies)) {
            rebuild(policies);
        }
        for (int i = 0; i < c.panes().size(); i++) {
            Snapshot.Pane p = c.panes().get(i);
            int n = p.differing().cardinality();
            String cells = n == 1 ? "1 cell differs" : n + " cells differ";
            long faults = p.summary().rmpFaults();
            headers.get(i).setText(p.policy() + "  -  " + (i == 0 ? cells + " in another" : cells + " from " + policies.get(0))
                    + (faults > 0 ? "  -  RMP #PF " + faults : ""));
            headers.get(i).setTooltip(new javafx.scene.control.Tooltip(headers.get(i).getText()));
            if (i > 0) {
                maps.get(i).frameProperty().set(new HeatMap.Frame(p.pixels(), layout));
            }
        }
        fillTable(policies, c.summaries());
    }

    /** Compare mode ended: forget the panes (the main map goes back in place). */
    void reset() {
        table = newTable();
        tablePane.setCenter(table);
        grid.getChildren().clear();
        maps.clear();
        headers.clear();
        shownPolicies = List.of();
    }

    private void rebuild(List<String> policies) {
        shownPolicies = policies;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        maps.clear();
        headers.clear();
        int n = policies.size();
        int cols = n <= 3 ? n : (n + 1) / 2;
        int rows = (n + cols - 1) / cols;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < n; i++) {
            HeatMap map = i == 0 ? primary : new HeatMap();
            if (i > 0) {
                map.setListener(new PeerListener(listener));
                map.setId("compare-map-" + i);
            }
            map.setMinSize(60, 60);
            Label head = new Label(policies.get(i));
            head.getStyleClass().add("compare-header");
            head.setMinWidth(0);
            BorderPane pane = new BorderPane(map);
            HBox top = new HBox(head);
            top.setAlignment(Pos.CENTER_LEFT);
            top.setPadding(new Insets(0, 0, 2, 2));
            pane.setTop(top);
            pane.getStyleClass().add("compare-pane");
            grid.add(pane, i % cols, i / cols);
            maps.add(map);
            headers.add(head);
        }
        // a new table: a constrained resize policy keeps the column widths it worked out for the
        // previous policies, which squeezes a new set into a corner
        table = newTable();
        tablePane.setCenter(table);
        TableColumn<Row, String> label = new TableColumn<>("figure");
        label.setSortable(false);
        label.setPrefWidth(200);
        label.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>((d.getValue().differs() ? "* " : "  ") + d.getValue().label()));
        table.getColumns().add(label);
        for (int i = 0; i < n; i++) {
            int k = i;
            TableColumn<Row, String> col = new TableColumn<>(policies.get(i));
            col.setSortable(false);
            col.setPrefWidth(140);
            col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().values().get(k)));
            col.setCellFactory(tc -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                    getStyleClass().remove("differs");
                    if (r != null && r.differs()) {
                        getStyleClass().add("differs");
                    }
                }
            });
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            table.getColumns().add(col);
        }
    }

    private static TableView<Row> newTable() {
        TableView<Row> t = new TableView<>();
        t.getStyleClass().add("compare-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("Not comparing: Run > Compare policies... (Ctrl+K)"));
        return t;
    }

    private void fillTable(List<String> policies, List<RunSummary> sums) {
        List<Row> rows = new ArrayList<>();
        for (CompareMetrics.Metric m : CompareMetrics.ALL) {
            List<String> values = new ArrayList<>();
            for (RunSummary r : sums) {
                values.add(m.text().apply(r));
            }
            rows.add(new Row(m.label(), values, m.differs(sums)));
        }
        if (!rows.equals(table.getItems())) {
            table.getItems().setAll(rows);
        }
    }

    /** A peer's map: zoom, pan, select and hover act on the shared view; its size follows the main map's. */
    private record PeerListener(HeatMap.Listener main) implements HeatMap.Listener {
        @Override
        public void resized(int width, int height) {
            // all panes are laid out the same size; the main map reports it
        }

        @Override
        public void zoom(CellLayout layout, double x, double y, boolean in) {
            main.zoom(layout, x, y, in);
        }

        @Override
        public void pan(CellLayout layout, double dy) {
            main.pan(layout, dy);
        }

        @Override
        public void select(CellLayout layout, double x, double y) {
            main.select(layout, x, y);
        }

        @Override
        public void zoomToCell(CellLayout layout, double x, double y) {
            main.zoomToCell(layout, x, y);                      // double-click on any pane, as on the main map
        }

        @Override
        public void hover(CellLayout layout, double x, double y) {
            main.hover(layout, x, y);
        }

        @Override
        public void exited() {
            main.exited();
        }
    }
}
