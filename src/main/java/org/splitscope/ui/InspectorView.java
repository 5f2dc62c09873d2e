package org.splitscope.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.ReplayModel;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.Snapshot.InspectorData;

/**
 * The inspector for the selected cell: its RMP entry with the named state (as dump_rmpentry
 * prints it), the leaf that maps it, each CPU's TLB entries over it with their conflict class, and
 * the event that last changed it, with a link that jumps there. For a host recording's replay it
 * starts with the replayed step: its trace line (file:line and the line quoted) and how the
 * prediction compares with what the host did.
 *
 * <p>Threading: FX thread only.
 */
public final class InspectorView extends VBox {
    final Label title = new Label();
    final GridPane fields = new GridPane();
    final Label tlb = new Label();
    final Label lastEvent = new Label();
    final Hyperlink jump = new Hyperlink("jump there");
    final Label tlbHead = new Label("TLB entries over it:");
    final Label lastHead = new Label("Last changed by:");
    /** What an empty inspector says instead of empty headings (issue 13). */
    static final String EMPTY = "Nothing selected. Click a cell of the map to see its RMP entry, the direct-map leaf"
            + " over it, each CPU's TLB entries over it and the event that last changed it (double-click zooms to it).";
    final Label traceLocation = new Label();
    final Label traceQuote = new Label();
    final Label stepCheck = new Label();
    private InspectorData shown;

    public InspectorView(AppModel model) {
        getStyleClass().add("inspector");
        setSpacing(8);
        setPadding(new Insets(8));
        title.getStyleClass().add("inspector-title");
        title.setWrapText(true);
        fields.setHgap(8);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        values.setMinWidth(40);
        fields.getColumnConstraints().setAll(keys, values);
        fields.setVgap(4);
        tlb.setWrapText(true);
        lastEvent.setWrapText(true);
        jump.setOnAction(e -> {
            if (shown != null && shown.lastEventAt() != null) {
                model.navigation().seek(shown.lastEventAt());
            }
        });
        getChildren().addAll(replayedStep(model.replay()), title, fields, tlbHead, tlb, lastHead, lastEvent, jump);
        for (javafx.scene.Node n : new javafx.scene.Node[] {fields, tlbHead, tlb, lastHead, lastEvent, jump}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        show(null);
        model.map().inspectorProperty().addListener((o, a, d) -> show(d));
    }

    /** The replayed step's trace line and check, shown while the run replays a host recording. */
    private VBox replayedStep(ReplayModel replay) {
        Label heading = new Label("Replayed step (host recording)");
        heading.getStyleClass().add("inspector-title");
        traceLocation.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                replay.traceLocationProperty().get() == null ? "The machine as booted from the recording's layout."
                        : replay.traceLocationProperty().get(), replay.traceLocationProperty()));
        traceQuote.textProperty().bind(replay.traceQuoteProperty());
        traceQuote.getStyleClass().add("trace-quote");
        traceQuote.setWrapText(true);
        stepCheck.textProperty().bind(replay.stepCheckProperty());
        stepCheck.setWrapText(true);
        VBox box = new VBox(4, heading, traceLocation, traceQuote, stepCheck, new javafx.scene.control.Separator());
        box.visibleProperty().bind(replay.replayingProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public void show(InspectorData d) {
        shown = d;
        fields.getChildren().clear();
        boolean any = d != null;
        for (javafx.scene.Node n : new javafx.scene.Node[] {fields, tlbHead, tlb, lastHead, lastEvent}) {
            n.setVisible(any);
        }
        title.getStyleClass().setAll("label", any ? "inspector-title" : "inspector-empty");
        if (d == null) {
            title.setText(EMPTY);
            tlb.setText("");
            lastEvent.setText("");
            jump.setVisible(false);
            return;
        }
        title.setText(d.title());
        int row = 0;
        for (Snapshot.Field f : d.fields()) {
            Label k = new Label(f.label());
            k.getStyleClass().add("field-label");
            k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label v = new Label(f.value());
            v.setWrapText(true);
            v.getStyleClass().add("field-value");
            fields.addRow(row++, k, v);
        }
        tlb.setText(d.tlbLines().isEmpty() ? "none" : String.join("\n", d.tlbLines()));
        lastEvent.setText(d.lastEvent() + (d.lastEventAt() != null ? "  (at " + d.lastEventAt().label() + ")" : ""));
        jump.setVisible(d.lastEventAt() != null);
    }
}
