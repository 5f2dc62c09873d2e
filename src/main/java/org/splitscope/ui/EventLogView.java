package org.splitscope.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.CheckComboBox;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.event.EventKind;
import org.splitscope.ui.model.EventLogModel;
import org.splitscope.ui.service.Snapshot.EventRow;

/**
 * The event log: a virtualised table of the run's events up to the current position, filtered by
 * kind, guest, CPU and frame range. Choosing a row jumps to right after that event and highlights
 * its frames; a fault row's text explains it in a sentence. The "Show:" control names the kinds
 * the filter passes.
 *
 * <p>Threading: FX thread only.
 */
public final class EventLogView extends BorderPane {
    private static final javafx.css.PseudoClass FAULT = javafx.css.PseudoClass.getPseudoClass("fault");
    /** A replay's row where the host's trace and the prediction differ (its index is -1: it is no event). */
    private static final javafx.css.PseudoClass MISMATCH = javafx.css.PseudoClass.getPseudoClass("mismatch");
    final TableView<EventRow> table = new TableView<>();
    final CheckComboBox<EventKind> kinds = new CheckComboBox<>(FXCollections.observableArrayList(EventKind.values()));
    final TextField guest = new TextField();
    final TextField cpu = new TextField();
    final TextField frames = new TextField();
    private final Label status = new Label();
    private final EventLogModel model;
    private boolean updating;

    public EventLogView(EventLogModel model) {
        this.model = model;
        getStyleClass().add("event-log");
        kinds.titleProperty().bind(model.kindsTitleProperty());
        kinds.setId("log-kinds");
        kinds.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(EventKind k) {
                return k == null ? "" : org.splitscope.ui.service.EventWords.label(k);
            }

            @Override
            public EventKind fromString(String s) {
                return null;
            }
        });
        guest.setPromptText("guest");
        guest.setPrefColumnCount(4);
        cpu.setPromptText("CPU");
        cpu.setPrefColumnCount(4);
        frames.setPromptText("frames 0x..-0x..");
        frames.setPrefColumnCount(14);
        Button apply = new Button("Filter");
        Button clear = new Button("Clear");
        apply.setOnAction(e -> applyFilter());
        clear.setOnAction(e -> {
            updating = true;
            kinds.getCheckModel().clearChecks();
            updating = false;
            guest.clear();
            cpu.clear();
            frames.clear();
            applyFilter();
            // ControlsFX 11.2's CheckComboBoxSkin leaves its button showing the kinds last checked once
            // none is: give its button cell the title ("all kinds") itself
            for (javafx.scene.Node n : kinds.getChildrenUnmodifiable()) {
                if (n instanceof javafx.scene.control.ComboBox<?> box && box.getButtonCell() != null) {
                    box.getButtonCell().setText(kinds.getTitle());
                }
            }
        });
        kinds.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<EventKind>) c -> {
            if (!updating) {
                applyFilter();
            }
        });
        guest.setOnAction(e -> applyFilter());
        cpu.setOnAction(e -> applyFilter());
        frames.setOnAction(e -> applyFilter());
        HBox bar = new HBox(6, new Label("Show:"), kinds, guest, cpu, frames, apply, clear, status);
        bar.setPadding(new Insets(4));
        HBox.setHgrow(status, Priority.ALWAYS);
        // a long count line is cut (whole in its tooltip); the filter fields keep their width
        status.setMinWidth(0);
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(600);
        status.setTooltip(statusTip);
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n != status && n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        setTop(bar);

        table.getColumns().add(col("step", 70, r -> r.step()));
        table.getColumns().add(col("#", 40, r -> r.index() < 0 ? "" : Integer.toString(r.index() + 1)));
        table.getColumns().add(col("kind", 215, EventRow::kind));     // "RMP #PF (oops: RMP violation)" whole
        table.getColumns().add(col("CPU", 50, r -> r.cpu() < 0 ? "" : Integer.toString(r.cpu())));
        table.getColumns().add(col("guest", 55, r -> r.guest() <= 0 ? "" : Integer.toString(r.guest())));
        table.getColumns().add(col("frames", 145, EventRow::frames));  // "0x740000 +262144" whole
        TableColumn<EventRow, Object> text = col("what happened", 700, EventRow::text);
        text.setUserData(null);                                  // the one column that takes what is left
        text.setMinWidth(120);
        table.getColumns().add(text);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label();
        none.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.filterProperty().get()
                .equals(EventFilter.ALL) ? "No events yet: step forward." : "No events match the filter (the line above says which steps).",
                model.filterProperty()));
        table.setPlaceholder(none);
        table.setRowFactory(tv -> {
            // one tooltip per row and a pseudo-class: while playing rows change every frame, and a new
            // Tooltip or a style-class change per update makes the FX thread restyle the row each time
            Tooltip tip = new Tooltip();
            var row = new javafx.scene.control.TableRow<EventRow>() {
                @Override
                protected void updateItem(EventRow item, boolean empty) {
                    super.updateItem(item, empty);
                    boolean shown = !empty && item != null;
                    if (shown) {
                        tip.setText(item.text());
                    }
                    setTooltip(shown ? tip : null);
                    pseudoClassStateChanged(FAULT, shown && item.kind().contains("#PF"));
                    pseudoClassStateChanged(MISMATCH, shown && item.index() < 0);
                }
            };
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() >= 1 && !updating) {
                    model.goTo(row.getItem());
                }
            });
            return row;
        });
        setCenter(table);
        // Rows of one height: the virtual flow then places rows by arithmetic instead of measuring
        // cells, which matters when the page changes at every frame of play.
        setRowHeight(1.0);
        table.setItems(model.rows());
        model.pageProperty().addListener((o, a, p) -> shown());
    }

    private static <T> TableColumn<EventRow, Object> col(String name, double width,
                                                                    java.util.function.Function<EventRow, T> f) {
        TableColumn<EventRow, Object> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(width);                                   // a narrow window squeezes "what happened", never a number
        c.setUserData(width);                                   // the width at 100%, for setRowHeight's scaling
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        // Clip long text instead of fitting an ellipsis: fitting measures the text again and again,
        // for every visible cell at every frame of play (the row's tooltip has the whole sentence).
        c.setCellFactory(tc -> new javafx.scene.control.TableCell<>() {
            {
                setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
            }

            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
            }
        });
        return c;
    }

    void applyFilter() {
        int mask = 0;
        for (EventKind k : kinds.getCheckModel().getCheckedItems()) {
            mask |= k.bit();
        }
        long from = -1;
        long to = -1;
        String fr = frames.getText().trim();
        try {
            if (!fr.isEmpty()) {
                int dash = fr.indexOf('-', 1);
                from = parse("frames", dash < 0 ? fr : fr.substring(0, dash));
                to = dash < 0 ? from : parse("frames", fr.substring(dash + 1));
                if (to < from) {
                    throw new IllegalArgumentException("frames: the range " + fr + " ends before it starts");
                }
            }
            model.setFilter(new EventFilter(mask, number("guest", guest.getText()), number("CPU", cpu.getText()), from, to));
            status.setText(model.textProperty().get());   // the count (the new page's once it is applied)
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage() + "; the filter is unchanged");
        }
    }

    private static int number(String field, String s) {
        if (s.isBlank()) {
            return -1;
        }
        long v = parse(field, s);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": " + s.trim() + " is too large");
        }
        return (int) v;
    }

    /** A number as typed in a filter field (decimal or 0x hex, not negative); a one-line error naming the field. */
    private static long parse(String field, String s) {
        String t = s.trim();
        try {
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + t + "' is not a number (decimal, or hex with 0x)");
        }
    }

    /** The line that counts the rows. */
    String status() {
        return status.getText();
    }

    /**
     * The rows' height and the narrow columns' widths for a UI scale (1.0 to 2.0): 24 pixels at 13 px
     * type. Cells clip rather than fit an ellipsis (see {@link #col}), so a column that did not grow
     * with the type would cut "0x20000 +512" to a wrong "0x20000 +51".
     */
    void setRowHeight(double scale) {
        table.setFixedCellSize(Math.ceil(24 * scale));
        for (TableColumn<EventRow, ?> c : table.getColumns()) {
            if (c.getUserData() instanceof Double base) {
                c.setMinWidth(Math.ceil(base * scale));
                c.setPrefWidth(Math.ceil(base * scale));
            }
        }
    }

    /** A new page is in the model's rows: scroll to the latest and show the count. */
    private void shown() {
        updating = true;
        int last = table.getItems().size() - 1;
        if (last >= 0) {
            table.scrollTo(last);
        }
        status.setText(model.textProperty().get());
        updating = false;
    }
}
