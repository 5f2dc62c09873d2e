package org.splitscope.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.splitscope.core.policy.Policies;
import org.splitscope.scenario.ScenarioLoader;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.service.Snapshot;

/**
 * Chooses the policies to compare with the current one (up to {@value ScenarioLoader#MAX_COMPARE}
 * side by side); none chosen stops comparing.
 *
 * <p>Threading: FX thread only.
 */
final class CompareDialog {
    private final MainView view;
    private final AppModel model;
    final Map<String, CheckBox> boxes = new LinkedHashMap<>();
    private final String primary;

    CompareDialog(MainView view, AppModel model) {
        this.view = view;
        this.model = model;
        Snapshot.RunPart run = model.navigation().runProperty().get();
        primary = run == null ? "" : run.policy();
        Snapshot.ComparePart cmp = model.map().compareProperty().get();
        List<String> current = cmp == null ? List.of() : cmp.policies();
        for (String id : Policies.ids()) {
            CheckBox cb = new CheckBox(id);
            cb.setId("compare-" + id);
            if (id.equals(primary)) {
                cb.setSelected(true);
                cb.setDisable(true);
                cb.setText(id + "  (the current policy)");
            } else {
                cb.setSelected(current.contains(id) || (current.isEmpty() && id.equals(
                        primary.equals("split-on-demand") ? "none" : "split-on-demand")));
            }
            cb.selectedProperty().addListener((o, a, b) -> limit());
            boxes.put(id, cb);
        }
    }

    private void limit() {
        long n = boxes.values().stream().filter(CheckBox::isSelected).count();
        for (CheckBox cb : boxes.values()) {
            if (!cb.isSelected() && !cb.getId().equals("compare-" + primary)) {
                cb.setDisable(n >= ScenarioLoader.MAX_COMPARE);
            }
        }
    }

    /** The policies checked besides the current one. */
    List<String> chosen() {
        List<String> out = new ArrayList<>();
        boxes.forEach((id, cb) -> {
            if (cb.isSelected() && !id.equals(primary)) {
                out.add(id);
            }
        });
        return out;
    }

    void show() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Compare policies");
        d.setHeaderText("Run the same scenario and seed under these policies, side by side");
        VBox box = new VBox(6);
        box.setPadding(new Insets(10));
        box.getChildren().add(new Label("One step cursor, zoom and selection for all; dashed cells differ from the first."));
        box.getChildren().addAll(boxes.values());
        box.getChildren().add(new Label("Uncheck all to stop comparing."));
        limit();
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        view.dialogs().show(d).filter(b -> b == ButtonType.OK).ifPresent(b -> apply());
    }

    void apply() {
        List<String> c = chosen();
        if (c.isEmpty()) {
            model.map().stopCompare();
        } else {
            model.map().compare(c);
        }
    }
}
