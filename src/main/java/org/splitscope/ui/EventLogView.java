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

/**
 * The event log: a virtualised table of the run's events up to the current position, filtered by
 * kind, guest, CPU and frame range. Choosing a row jumps to right after that event and highlights
 * its frames; a fault row's text explains it in a sentence.
 */
public final class EventLogView extends BorderPane {
    final TableView<Snapshot.EventRow> table = new TableView<>();
    final CheckComboBox<EventKind> kinds = new CheckComboBox<>(FXCollections.observableArrayList(EventKind.values()));
    final TextField guest = new TextField();
    final TextField cpu = new TextField();
    final TextField frames = new TextField();
    private final Label status = new Label();
    private final AppViewModel vm;
    private boolean updating;

    public EventLogView(AppViewModel vm) {
        this.vm = vm;
        getStyleClass().add("event-log");
        kinds.setTitle("all kinds");
        kinds.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(EventKind k) {
                return k == null ? "" : k.label();
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
            kinds.getCheckModel().clearChecks();
            guest.clear();
            cpu.clear();
            frames.clear();
            applyFilter();
        });
        guest.setOnAction(e -> applyFilter());
        cpu.setOnAction(e -> applyFilter());
        frames.setOnAction(e -> applyFilter());
        HBox bar = new HBox(6, new Label("Show:"), kinds, guest, cpu, frames, apply, clear, status);
        bar.setPadding(new Insets(4));
        HBox.setHgrow(status, Priority.ALWAYS);
        setTop(bar);

        table.getColumns().add(col("step", 70, r -> r.step()));
        table.getColumns().add(col("#", 40, r -> r.index() + 1));
        table.getColumns().add(col("kind", 150, Snapshot.EventRow::kind));
        table.getColumns().add(col("CPU", 50, r -> r.cpu() < 0 ? "" : Integer.toString(r.cpu())));
        table.getColumns().add(col("guest", 55, r -> r.guest() <= 0 ? "" : Integer.toString(r.guest())));
        table.getColumns().add(col("frames", 120, Snapshot.EventRow::frames));
        TableColumn<Snapshot.EventRow, Object> text = col("what happened", 700, Snapshot.EventRow::text);
        table.getColumns().add(text);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No events yet: step forward."));
        table.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<Snapshot.EventRow>() {
                @Override
                protected void updateItem(Snapshot.EventRow item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null ? null : new Tooltip(item.text()));
                    getStyleClass().removeAll("fault-row");
                    if (!empty && item != null && item.kind().contains("#PF")) {
                        getStyleClass().add("fault-row");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() >= 1 && !updating) {
                    vm.goToEvent(row.getItem());
                }
            });
            return row;
        });
        setCenter(table);
    }

    private static <T> TableColumn<Snapshot.EventRow, Object> col(String name, double width,
                                                                    java.util.function.Function<Snapshot.EventRow, T> f) {
        TableColumn<Snapshot.EventRow, Object> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
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
                from = parse(dash < 0 ? fr : fr.substring(0, dash));
                to = dash < 0 ? from : parse(fr.substring(dash + 1));
            }
            vm.setEventFilter(new EventFilter(mask, number(guest.getText()), number(cpu.getText()), from, to));
            status.setText("");
        } catch (NumberFormatException e) {
            status.setText("Not a number: " + e.getMessage());
        }
    }

    private static int number(String s) {
        return s.isBlank() ? -1 : (int) parse(s.trim());
    }

    private static long parse(String s) {
        String t = s.trim();
        return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
    }

    public void show(Snapshot.EventRows rows) {
        if (rows == null) {
            return;
        }
        updating = true;
        table.getItems().setAll(rows.rows());
        if (!rows.rows().isEmpty()) {
            int last = rows.rows().size() - 1;
            table.scrollTo(last);
            // once more after the layout pass: the first scroll can leave the last row half shown
            javafx.application.Platform.runLater(() -> {
                if (table.getItems().size() == last + 1) {
                    table.scrollTo(last);
                }
            });
        }
        status.setText(rows.filterText());
        updating = false;
    }
}
