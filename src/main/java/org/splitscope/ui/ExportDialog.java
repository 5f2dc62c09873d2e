package org.splitscope.ui;

import java.io.File;
import java.nio.file.Path;
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
import javafx.stage.FileChooser;

/**
 * Export as PNG: the heat map with its legend, scenario, policy, step, caption and state hash at a
 * chosen size (the same pixels as {@code splitscope export}), or the whole window. Written atomically.
 */
final class ExportDialog {
    private final MainView view;
    private final AppViewModel vm;
    final RadioButton heatMap = new RadioButton("Heat map with legend, caption and state hash");
    final RadioButton window = new RadioButton("The whole window");
    final Spinner<Integer> width = new Spinner<>(320, 8192, 1920, 160);
    final Spinner<Integer> height = new Spinner<>(240, 8192, 1080, 90);
    final TextField file = new TextField();

    ExportDialog(MainView view, AppViewModel vm) {
        this.view = view;
        this.vm = vm;
        ToggleGroup g = new ToggleGroup();
        heatMap.setToggleGroup(g);
        window.setToggleGroup(g);
        heatMap.setSelected(true);
        width.setEditable(true);
        height.setEditable(true);
        Snapshot s = vm.snapshot();
        String name = s == null ? "splitscope" : s.scenarioId() + "-" + s.policy() + "-step" + s.position().step();
        file.setText(Path.of(System.getProperty("user.home"), name + ".png").toString());
        file.setPrefColumnCount(36);
        file.setId("export-file");
        width.setId("export-width");
        height.setId("export-height");
        heatMap.setId("export-heat-map");
        window.setId("export-window");
    }

    void showWindowMode() {
        window.setSelected(true);
        show();
    }

    void show() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Export picture");
        d.setHeaderText("Export a PNG");
        if (view.stage() != null) {
            d.initOwner(view.stage());
        }
        Button browse = new Button("Choose...");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
            File f = fc.showSaveDialog(view.stage());
            if (f != null) {
                file.setText(f.getPath().endsWith(".png") ? f.getPath() : f.getPath() + ".png");
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("What"), heatMap);
        grid.addRow(1, new Label(""), window);
        grid.addRow(2, new Label("Size (heat map)"), new HBox(6, width, new Label("x"), height));
        grid.addRow(3, new Label("File"), new HBox(6, file, browse));
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> export());
    }

    void export() {
        String f = file.getText().trim();
        if (!f.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            f = f + ".png";
        }
        Path out = Path.of(f);
        if (window.isSelected()) {
            view.exportWindow(out, Math.max(1, view.uiScale()));
        } else {
            vm.exportHeatMap(out, width.getValue(), height.getValue());
        }
    }
}
