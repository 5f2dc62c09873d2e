package org.splitscope.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.splitscope.ui.model.ExportModel;

/**
 * Export: the heat map as a PNG with its legend, scenario, policy, step, caption and state hash
 * (the same pixels as {@code splitscope export}; in compare mode the runs side by side), the whole
 * window, an animated GIF of a step range, or the chart series or the event log (with its filter)
 * as CSV. Every file is written atomically, off the FX thread, and can be cancelled.
 *
 * <p>Threading: FX thread only.
 */
final class ExportDialog {
    private final MainView view;
    private final ExportModel model;
    final RadioButton heatMap = new RadioButton("Heat map picture (PNG) with legend, caption and state hash");
    final RadioButton window = new RadioButton("The whole window (PNG)");
    final RadioButton animation = new RadioButton("Animation of a step range (GIF), each frame with its caption");
    final RadioButton series = new RadioButton("Chart series up to this step (CSV, one row per step)");
    final RadioButton events = new RadioButton("Event log up to this step, with its filter (CSV)");
    final Spinner<Integer> width = new Spinner<>(320, 8192, 1920, 160);
    final Spinner<Integer> height = new Spinner<>(240, 8192, 1080, 90);
    final Spinner<Integer> from;
    final Spinner<Integer> to;
    final Spinner<Integer> every = new Spinner<>(1, 1_000_000, 1);
    final Spinner<Integer> delay = new Spinner<>(10, 60_000, 800, 100);
    final TextField file = new TextField();
    /** Off by default: a picture for a review shows the state, not where the user last clicked (issue 13). */
    final javafx.scene.control.CheckBox selection = new javafx.scene.control.CheckBox("Include the selection (outlined)");
    private final String baseName;

    ExportDialog(MainView view, ExportModel model) {
        this.view = view;
        this.model = model;
        ToggleGroup g = new ToggleGroup();
        for (RadioButton r : new RadioButton[] {heatMap, window, animation, series, events}) {
            r.setToggleGroup(g);
        }
        heatMap.setSelected(true);
        int total = (int) Math.min(Integer.MAX_VALUE, model.totalSteps());
        int now = (int) Math.min(Integer.MAX_VALUE, model.step());
        from = new Spinner<>(0, Math.max(0, total), Math.max(0, now - 10));
        to = new Spinner<>(0, Math.max(0, total), now);
        for (Spinner<Integer> sp : java.util.List.of(width, height, from, to, every, delay)) {
            sp.setEditable(true);
            sp.setPrefWidth(110);
        }
        if (model.comparing()) {
            heatMap.setText("Heat maps side by side (PNG), cells that differ marked");
        }
        baseName = model.baseName();
        file.setText(Path.of(System.getProperty("user.home"), baseName + ".png").toString());
        file.setPrefColumnCount(36);
        g.selectedToggleProperty().addListener((o, a, b) -> file.setText(withExtension(file.getText(), extension())));
        file.setId("export-file");
        width.setId("export-width");
        height.setId("export-height");
        heatMap.setId("export-heat-map");
        window.setId("export-window");
        animation.setId("export-animation");
        series.setId("export-series");
        events.setId("export-events");
        from.setId("export-from");
        to.setId("export-to");
        every.setId("export-every");
        selection.setId("export-selection");
        selection.setSelected(false);
        selection.disableProperty().bind(heatMap.selectedProperty().not().and(animation.selectedProperty().not()));
    }

    private String extension() {
        return animation.isSelected() ? ".gif" : series.isSelected() || events.isSelected() ? ".csv" : ".png";
    }

    static String withExtension(String name, String ext) {
        String n = name.strip();
        String lower = n.toLowerCase(Locale.ROOT);
        for (String e : new String[] {".png", ".gif", ".csv"}) {
            if (lower.endsWith(e)) {
                return n.substring(0, n.length() - e.length()) + ext;
            }
        }
        return n + ext;
    }

    void showWindowMode() {
        window.setSelected(true);
        show();
    }

    void show() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Export");
        d.setHeaderText("Export a picture, an animation or the data");
        Button browse = new Button("Choose...");
        browse.setOnAction(e -> {
            String ext = extension();
            view.dialogs().saveFile("Export to", new FileChooser.ExtensionFilter(ext.substring(1).toUpperCase(Locale.ROOT),
                    "*" + ext)).ifPresent(f -> file.setText(withExtension(f.toString(), ext)));
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("What"), new VBox(6, heatMap, window, animation, series, events));
        grid.addRow(1, new Label("Size (pictures)"), new HBox(6, width, new Label("x"), height, selection));
        grid.addRow(2, new Label("Steps (GIF)"), new HBox(6, new Label("from"), from, new Label("to"), to,
                new Label("every"), every, new Label("ms per frame"), delay));
        grid.addRow(3, new Label("File"), new HBox(6, file, browse));
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        view.dialogs().show(d).filter(b -> b == ButtonType.OK).ifPresent(b -> export());
    }

    void export() {
        Path out = Path.of(withExtension(file.getText(), extension()));
        if (window.isSelected()) {
            view.exportWindow(out, Math.max(1, view.uiScale()));
        } else if (animation.isSelected()) {
            model.animation(out, from.getValue(), to.getValue(), every.getValue(), delay.getValue(), width.getValue(),
                    height.getValue(), selection.isSelected());
        } else if (series.isSelected()) {
            model.seriesCsv(out);
        } else if (events.isSelected()) {
            model.eventsCsv(out);
        } else {
            model.heatMap(out, width.getValue(), height.getValue(), selection.isSelected());
        }
    }
}
