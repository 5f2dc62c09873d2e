package org.splitscope.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.policy.Policies;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.NavigationModel;

/**
 * The toolbar: open, the scenario, policy and kernel pickers, the moves, play and its speed, the
 * breakpoint condition on the left; zoom, follow the action, bookmark, compare, export and
 * presentation mode on the right. Buttons are the {@link ActionSet}'s actions, enabled by their
 * {@code executable} bindings; the pickers follow the run shown and hand the keys back to the map once
 * a choice is made. Only the left part can overflow into a menu when the window is narrow: the right
 * part keeps its width, so zoom and export are never hidden (issue 13: 1280 px, any UI scale).
 *
 * <p>Threading: FX thread only.
 */
final class ToolbarView {
    final HBox bar;
    final ToolBar left;
    final ToolBar right;
    final ToggleButton follow = new ToggleButton();
    final ComboBox<String> scenarios = new ComboBox<>();
    final ComboBox<String> policies = new ComboBox<>();
    final ComboBox<String> kernels = new ComboBox<>();
    final ComboBox<String> speeds = new ComboBox<>();
    final TextField breakpoint = new TextField("rmp-fault");
    final Map<AppAction, Button> buttons = new EnumMap<>(AppAction.class);
    private final ActionSet actions;
    private final Node map;
    private boolean following;

    ToolbarView(AppModel model, ActionSet actions, Node map) {
        this.actions = actions;
        this.map = map;
        NavigationModel nav = model.navigation();
        scenarios.setItems(nav.scenarioChoices());
        scenarios.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : org.splitscope.scenario.trace.BuiltinRecordings.names().contains(item)
                        ? item + "  (host recording)" : item);
            }
        });
        scenarios.setPromptText("scenario");
        scenarios.setPrefWidth(170);                      // the list may be wider; the toolbar must not overflow
        scenarios.setTooltip(new Tooltip("Built-in scenarios and host recordings (Open... for a file or a recording's"
                + " trace.txt, or drop one or a recording folder on the window)"));
        scenarios.setOnAction(e -> chose(() -> nav.choose(scenarios.getValue())));
        policies.getItems().setAll(Policies.ids());
        policies.setTooltip(new Tooltip("Policy: switching re-runs the scenario and stays at the same step"));
        policies.setOnAction(e -> chose(() -> nav.switchPolicy(policies.getValue())));
        for (KernelProfile k : new KernelProfile[] {KernelProfile.V6_18, KernelProfile.V6_8}) {
            kernels.getItems().add(k.id());
        }
        kernels.setValue(KernelProfile.DEFAULT.id());
        kernels.setTooltip(new Tooltip("Kernel profile (6.18: mainline today; 6.8: the seed thread's era): switching"
                + " re-runs the scenario and stays at the same step"));
        kernels.setOnAction(e -> chose(() -> nav.switchKernel(kernels.getValue())));
        for (double s : NavigationModel.SPEEDS) {
            speeds.getItems().add(speedLabel(s));
        }
        speeds.setValue(speedLabel(nav.speedProperty().get()));
        speeds.setTooltip(new Tooltip("Play speed (steps per second)"));
        speeds.setOnAction(e -> chose(() -> {
            int i = speeds.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                nav.setSpeed(NavigationModel.SPEEDS.get(i));
            }
        }));
        breakpoint.setPrefColumnCount(9);
        // widths in em, so that at 1280 px and 100% everything fits and a larger UI scale overflows only the left part
        scenarios.getStyleClass().add("picker-scenario");
        policies.getStyleClass().add("picker-policy");
        kernels.getStyleClass().add("picker-kernel");
        speeds.getStyleClass().add("picker-speed");
        breakpoint.setTooltip(new Tooltip("Breakpoint: event kinds (rmp-fault, np-fault, split, collapse, flush-tlb-all,"
                + " psmash, rejected...) and pfn=A-B, guest=N, cpu=N, tlb=stale|mixed-size|rmp-hazard"));
        breakpoint.setOnAction(e -> actions.run(AppAction.RUN_TO_BREAKPOINT));
        left = new ToolBar(
                button(AppAction.OPEN), scenarios, policies, kernels, new Separator(),
                button(AppAction.TO_START), button(AppAction.MICRO_BACK), button(AppAction.STEP_BACK),
                button(AppAction.PLAY_PAUSE), button(AppAction.STEP), button(AppAction.MICRO_FORWARD),
                button(AppAction.TO_END), speeds, new Separator(),
                new Label("break at"), breakpoint, button(AppAction.RUN_BACK_TO_BREAKPOINT),
                button(AppAction.RUN_TO_BREAKPOINT));
        follow.setGraphic(new FontIcon(AppAction.FOLLOW.icon()));
        follow.setTooltip(new Tooltip(AppAction.FOLLOW.tooltip()));
        follow.setFocusTraversable(false);
        follow.setId("action-follow");
        follow.setOnAction(e -> {
            actions.run(AppAction.FOLLOW);
            follow.setSelected(model.map().followProperty().get());
        });
        follow.disableProperty().bind(javafx.beans.binding.Bindings.not(actions.executable(AppAction.FOLLOW)));
        model.map().followProperty().addListener((o, a, b) -> follow.setSelected(b));
        right = new ToolBar(button(AppAction.ZOOM_OUT), button(AppAction.ZOOM_IN), button(AppAction.ZOOM_ALL),
                button(AppAction.ZOOM_SELECTION), follow, new Separator(), button(AppAction.BOOKMARK),
                button(AppAction.COMPARE), button(AppAction.EXPORT), button(AppAction.PRESENT));
        left.setMinWidth(0);
        right.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(left, javafx.scene.layout.Priority.ALWAYS);
        bar = new HBox(left, right);
        bar.getStyleClass().add("main-toolbar");
        nav.playingProperty().addListener((o, a, playing) -> ((FontIcon) buttons.get(AppAction.PLAY_PAUSE).getGraphic())
                .setIconCode(playing ? MaterialDesignP.PAUSE : AppAction.PLAY_PAUSE.icon()));
        nav.runProperty().addListener((o, a, r) -> follow(() -> {
            scenarios.setValue(nav.scenarioChoiceProperty().get());
            policies.setValue(r == null ? null : r.policy());
            kernels.setValue(r == null ? KernelProfile.DEFAULT.id() : r.kernel());
        }));
        nav.speedProperty().addListener((o, a, s) -> follow(() -> speeds.setValue(speedLabel(s.doubleValue()))));
    }

    /** The user chose in a picker: act (unless the picker is only following the run) and give the keys back. */
    private void chose(Runnable act) {
        if (!following) {
            act.run();
            map.requestFocus();
        }
    }

    /** Sets a picker to what the run shows, without acting on it. */
    private void follow(Runnable set) {
        following = true;
        try {
            set.run();
        } finally {
            following = false;
        }
    }

    Button button(AppAction a) {
        Button b = new Button();
        b.setGraphic(new FontIcon(a.icon()));
        b.setTooltip(new Tooltip(a.tooltip()));
        b.setFocusTraversable(false);
        b.setOnAction(e -> actions.run(a));
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(actions.executable(a)));
        b.setId("action-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        buttons.putIfAbsent(a, b);
        return b;
    }

    /** "30/s": steps per second, short so that the toolbar fits 1280 px (the tooltip says what it counts). */
    static String speedLabel(double s) {
        return s == 0 ? "max" : (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + "/s";
    }
}
