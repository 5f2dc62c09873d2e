package org.splitscope.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.splitscope.render.Layer;
import org.splitscope.render.Palette;
import org.splitscope.ui.model.MapModel;

/**
 * The layer toggles, the CPU whose TLB conflicts are drawn, and the legend: every colour with its
 * letter, so nothing is told by colour alone.
 *
 * <p>Threading: FX thread only.
 */
public final class LegendView extends VBox {
    final java.util.Map<Layer, CheckBox> toggles = new java.util.EnumMap<>(Layer.class);
    final Spinner<Integer> tlbCpu = new Spinner<>(-1, 1023, -1);

    public LegendView(MapModel map) {
        getStyleClass().add("legend");
        setSpacing(3);
        setPadding(new Insets(8));
        Label layersTitle = new Label("Layers");
        layersTitle.getStyleClass().add("legend-heading");
        getChildren().add(layersTitle);
        for (Layer l : Layer.values()) {
            CheckBox cb = new CheckBox(l.label());
            cb.setSelected(map.layersProperty().get().contains(l));
            cb.setOnAction(e -> map.toggleLayer(l));
            map.layersProperty().addListener((o, a, b) -> cb.setSelected(b.contains(l)));
            toggles.put(l, cb);
            getChildren().add(cb);
        }
        tlbCpu.setEditable(true);
        tlbCpu.setPrefWidth(80);
        tlbCpu.valueProperty().addListener((o, a, b) -> map.setTlbCpu(b == null ? -1 : b));
        HBox cpu = new HBox(6, new Label("TLB of CPU (-1 = all):"), tlbCpu);
        cpu.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(cpu);
        section("Direct map (cell fill)", Palette.DIRECT_MAP);
        section("RMP (inset, in the owner's colour)", Palette.RMP);
        section("TLB conflicts", Palette.TLB);
        section("Faults", Palette.FAULTS);
        section("Activity", List.of(Palette.ACTIVITY));
        Label cmp = new Label("Compare mode");
        cmp.getStyleClass().add("legend-heading");
        Rectangle dashed = new Rectangle(14, 14, Color.TRANSPARENT);
        dashed.setStroke(Color.BLACK);
        dashed.setStrokeWidth(2);
        dashed.getStrokeDashArray().addAll(3.0, 3.0);
        Label what = new Label("dashed frame: the cell differs from the first policy's (direct-map leaf, RMP state"
                + " or TLB conflicts); on the first, from any other");
        what.setWrapText(true);
        HBox row = new HBox(6, new StackPane(dashed), what);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(cmp, row);
    }

    private void section(String heading, List<Palette.Entry> entries) {
        Label h = new Label(heading);
        h.getStyleClass().add("legend-heading");
        getChildren().add(h);
        for (Palette.Entry e : entries) {
            Rectangle r = new Rectangle(16, 16, argb(e == Palette.ACTIVITY ? Palette.lighten(Palette.LEAF_2M.argb(), 150) : e.argb()));
            r.setStroke(Color.GRAY);
            Label letter = new Label(String.valueOf(e.letter()));
            letter.setTextFill(argb(Palette.contrast(e.argb())));
            StackPane swatch = new StackPane(r, letter);
            Label label = new Label(e.label());
            label.setWrapText(true);                      // the fault entries say which oops (R16) in full
            HBox row = new HBox(6, swatch, label);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
    }

    static Color argb(int c) {
        return Color.rgb((c >>> 16) & 0xFF, (c >>> 8) & 0xFF, c & 0xFF);
    }
}
