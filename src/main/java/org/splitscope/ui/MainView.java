package org.splitscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.splitscope.core.policy.Policies;
import org.splitscope.scenario.BuiltinScenarios;

/**
 * The main window: toolbar and menus built from {@link AppAction}s, the scenario's description and
 * the current step's caption up top, the heat map with the inspector and legend beside it, the event
 * log and charts below, the timeline scrubber and a status bar at the bottom. It binds to the
 * {@link AppViewModel} and delegates every command to it.
 */
public final class MainView {
    final BorderPane root = new BorderPane();
    final HeatMap heatMap = new HeatMap();
    final TimelineBar timelineBar = new TimelineBar();
    final InspectorView inspector;
    final LegendView legend;
    final EventLogView eventLog;
    final ChartsView charts = new ChartsView();
    final ComboBox<String> scenarios = new ComboBox<>();
    final ComboBox<String> policies = new ComboBox<>();
    final ComboBox<String> speeds = new ComboBox<>();
    final TextField breakpoint = new TextField("rmp-fault");
    final ListView<String> bookmarks = new ListView<>();
    final Label caption = new Label();
    final Label micro = new Label();
    final Label description = new Label();
    final Label title = new Label();
    final Label hover = new Label();
    final Label message = new Label();
    final Label viewportText = new Label();
    final StatusBar status = new StatusBar();
    final TabPane bottomTabs = new TabPane();
    final Map<AppAction, Runnable> actions = new EnumMap<>(AppAction.class);
    final BorderPane mapPane = new BorderPane();
    final Tab compareTab = new Tab("Compare");
    CompareView compareView;
    final Map<AppAction, Button> buttons = new EnumMap<>(AppAction.class);
    private final AppViewModel vm;
    private final Stage stage;
    private final Menus menus;
    private boolean updatingCombos;
    private double uiScale = 1.0;

    public MainView(AppViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
        this.inspector = new InspectorView(vm);
        this.legend = new LegendView(vm);
        this.eventLog = new EventLogView(vm);
        registerActions();
        menus = new Menus(this, vm);
        root.getStyleClass().add("splitscope");
        root.setTop(new VBox(menus.bar(), toolbar(), banner()));
        root.setCenter(center());
        root.setBottom(new VBox(timelineBar, statusBar()));
        bind();
    }

    public BorderPane root() {
        return root;
    }

    Stage stage() {
        return stage;
    }

    // ---- actions ----------------------------------------------------------------------------

    private void registerActions() {
        actions.put(AppAction.OPEN, this::openFileChooser);
        actions.put(AppAction.EXPORT, () -> new ExportDialog(this, vm).show());
        actions.put(AppAction.TO_START, vm::toStart);
        actions.put(AppAction.STEP_BACK, vm::stepBack);
        actions.put(AppAction.PLAY_PAUSE, vm::togglePlay);
        actions.put(AppAction.STEP, vm::stepForward);
        actions.put(AppAction.TO_END, vm::toEnd);
        actions.put(AppAction.MICRO_BACK, vm::microBack);
        actions.put(AppAction.MICRO_FORWARD, vm::microForward);
        actions.put(AppAction.RUN_BACK_TO_BREAKPOINT, () -> vm.runToBreakpoint(breakpoint.getText(), false));
        actions.put(AppAction.RUN_TO_BREAKPOINT, () -> vm.runToBreakpoint(breakpoint.getText(), true));
        actions.put(AppAction.ZOOM_IN, vm::zoomIn);
        actions.put(AppAction.ZOOM_OUT, vm::zoomOut);
        actions.put(AppAction.ZOOM_ALL, vm::zoomAll);
        actions.put(AppAction.BOOKMARK, this::askBookmark);
        actions.put(AppAction.COMPARE, () -> new CompareDialog(this, vm).show());
        actions.put(AppAction.DARK_THEME, () -> vm.setDark(!vm.darkProperty().get()));
        actions.put(AppAction.FULL_SCREEN, () -> {
            if (stage != null) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
        actions.put(AppAction.CANCEL, vm::cancel);
        actions.put(AppAction.ABOUT, this::about);
    }

    /** Runs an action as the menu, the toolbar and the keyboard do. */
    public void run(AppAction a) {
        actions.get(a).run();
    }

    Button button(AppAction a) {
        Button b = new Button();
        b.setGraphic(new FontIcon(a.icon()));
        b.setTooltip(new Tooltip(a.tooltip()));
        b.setFocusTraversable(false);
        b.setOnAction(e -> run(a));
        b.setId("action-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        buttons.put(a, b);
        return b;
    }

    /** The keyboard: every action's keys, scene-wide; plain keys are left to text fields that have the focus. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            for (AppAction a : AppAction.values()) {
                if (typing && !a.globalKey()) {
                    continue;
                }
                for (KeyCombination k : a.keys()) {
                    if (k.match(e)) {
                        run(a);
                        e.consume();
                        return;
                    }
                }
            }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                vm.openFile(e.getDragboard().getFiles().get(0).toPath());
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ---- layout ------------------------------------------------------------------------------

    private ToolBar toolbar() {
        scenarios.getItems().setAll(BuiltinScenarios.names());
        scenarios.setPromptText("scenario");
        scenarios.setTooltip(new Tooltip("Built-in scenarios (Open... for a file, or drop one on the window)"));
        scenarios.setOnAction(e -> {
            String s = scenarios.getValue();
            if (!updatingCombos && s != null && !s.equals(vm.scenarioIdProperty().get())) {
                vm.openBuiltin(s);
            }
        });
        policies.getItems().setAll(Policies.ids());
        policies.setTooltip(new Tooltip("Policy: switching re-runs the scenario and stays at the same step"));
        policies.setOnAction(e -> {
            if (!updatingCombos && policies.getValue() != null) {
                vm.setPolicy(policies.getValue());
            }
        });
        for (double s : AppViewModel.SPEEDS) {
            speeds.getItems().add(speedLabel(s));
        }
        speeds.setValue(speedLabel(vm.speed()));
        speeds.setTooltip(new Tooltip("Play speed (steps per second)"));
        speeds.setOnAction(e -> vm.setSpeed(AppViewModel.SPEEDS.get(speeds.getSelectionModel().getSelectedIndex())));
        breakpoint.setPrefColumnCount(16);
        breakpoint.setTooltip(new Tooltip("Breakpoint: event kinds (rmp-fault, np-fault, split, collapse, flush-tlb-all,"
                + " psmash, rejected...) and pfn=A-B, guest=N, cpu=N, tlb=stale|mixed-size|rmp-hazard"));
        breakpoint.setOnAction(e -> run(AppAction.RUN_TO_BREAKPOINT));
        ToolBar tb = new ToolBar(
                button(AppAction.OPEN), scenarios, policies, new Separator(),
                button(AppAction.TO_START), button(AppAction.MICRO_BACK), button(AppAction.STEP_BACK),
                button(AppAction.PLAY_PAUSE), button(AppAction.STEP), button(AppAction.MICRO_FORWARD),
                button(AppAction.TO_END), speeds, new Separator(),
                new Label("break at"), breakpoint, button(AppAction.RUN_BACK_TO_BREAKPOINT),
                button(AppAction.RUN_TO_BREAKPOINT), new Separator(),
                button(AppAction.ZOOM_OUT), button(AppAction.ZOOM_IN), button(AppAction.ZOOM_ALL),
                button(AppAction.BOOKMARK), button(AppAction.COMPARE), button(AppAction.EXPORT));
        tb.getStyleClass().add("main-toolbar");
        return tb;
    }

    static String speedLabel(double s) {
        return s == 0 ? "max" : (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " steps/s";
    }

    private Node banner() {
        title.getStyleClass().add("scenario-title");
        description.getStyleClass().add("description");
        description.setWrapText(true);
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        micro.getStyleClass().add("micro");
        micro.setWrapText(true);
        VBox box = new VBox(2, title, description, caption, micro);
        box.getStyleClass().add("banner");
        box.setPadding(new Insets(6, 10, 6, 10));
        return box;
    }

    private Node center() {
        hover.getStyleClass().add("hover");
        viewportText.getStyleClass().add("viewport-text");
        message.getStyleClass().add("message");
        viewportText.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.setMinWidth(0);
        hover.setMinWidth(0);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox under = new HBox(12, viewportText, hover, gap, message);
        under.setPadding(new Insets(2, 6, 2, 6));
        under.setAlignment(Pos.CENTER_LEFT);
        mapPane.setCenter(heatMap);
        mapPane.setBottom(under);
        mapPane.getStyleClass().add("map-pane");

        ScrollPane legendScroll = new ScrollPane(legend);
        legendScroll.setFitToWidth(true);
        ScrollPane inspectorScroll = new ScrollPane(inspector);
        inspectorScroll.setFitToWidth(true);
        VBox marks = new VBox(6, bookmarks, bookmarkButtons());
        marks.setPadding(new Insets(6));
        VBox.setVgrow(bookmarks, Priority.ALWAYS);
        TabPane side = new TabPane(tab("Inspector", inspectorScroll), tab("Legend", legendScroll), tab("Bookmarks", marks));
        side.setPrefWidth(340);
        side.setMinWidth(200);

        SplitPane top = new SplitPane(mapPane, side);
        top.setDividerPositions(0.76);
        Tab events = tab("Event log", eventLog);
        Tab chartTab = tab("Charts", charts);
        bottomTabs.getTabs().addAll(events, chartTab);
        bottomTabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> panelsChanged());
        SplitPane all = new SplitPane(top, bottomTabs);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.64);
        bottomTabs.setMinHeight(150);
        SplitPane.setResizableWithParent(bottomTabs, false);
        return all;
    }

    private void panelsChanged() {
        Tab t = bottomTabs.getSelectionModel().getSelectedItem();
        vm.setPanelsWanted(t == null || t.getText().equals("Event log"), t != null && t.getText().equals("Charts"));
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    private Node bookmarkButtons() {
        Button go = new Button("Go");
        go.setOnAction(e -> {
            String s = bookmarks.getSelectionModel().getSelectedItem();
            if (s != null) {
                vm.goToBookmark(s.substring(s.indexOf("  ") + 2));
            }
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> {
            String s = bookmarks.getSelectionModel().getSelectedItem();
            if (s != null) {
                vm.removeBookmark(s.substring(s.indexOf("  ") + 2));
            }
        });
        Button add = button(AppAction.BOOKMARK);
        return new HBox(6, add, go, remove);
    }

    private Node statusBar() {
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        Label busy = new Label();
        HBox busyBox = new HBox(6, busy, progress, cancel);
        busyBox.setAlignment(Pos.CENTER_LEFT);
        busyBox.visibleProperty().bind(vm.busyTextProperty().isNotNull());
        busyBox.managedProperty().bind(busyBox.visibleProperty());
        busy.textProperty().bind(vm.busyTextProperty());
        progress.progressProperty().bind(vm.busyProgressProperty());
        Label fps = new Label();
        fps.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.fpsProperty().get() < 0.5 ? "view idle" : String.format("view %.0f fps", vm.fpsProperty().get()),
                vm.fpsProperty()));
        fps.setTooltip(new Tooltip("Frames per second the heat map was redrawn (it skips frames, never queues them)"));
        Label figures = new Label();
        figures.textProperty().bind(vm.statusTextProperty());
        status.textProperty().bind(vm.stepTextProperty());
        status.getRightItems().addAll(busyBox, new Separator(Orientation.VERTICAL), figures,
                new Separator(Orientation.VERTICAL), fps);
        return status;
    }

    // ---- binding ------------------------------------------------------------------------------

    private void bind() {
        title.textProperty().bind(vm.scenarioTitleProperty());
        description.textProperty().bind(vm.descriptionProperty());
        caption.textProperty().bind(vm.captionProperty());
        micro.textProperty().bind(vm.microTextProperty());
        hover.textProperty().bind(vm.hoverTextProperty());
        Tooltip cellTip = new Tooltip();
        cellTip.textProperty().bind(vm.hoverTextProperty());
        cellTip.setShowDelay(javafx.util.Duration.millis(400));
        cellTip.setHideDelay(javafx.util.Duration.millis(100));
        cellTip.setShowDuration(javafx.util.Duration.INDEFINITE);
        cellTip.setWrapText(true);
        cellTip.setMaxWidth(520);
        Tooltip.install(heatMap, cellTip);
        buttons.get(AppAction.STEP_BACK).disableProperty().bind(vm.canStepBackProperty().not());
        buttons.get(AppAction.MICRO_BACK).disableProperty().bind(vm.canStepBackProperty().not());
        buttons.get(AppAction.TO_START).disableProperty().bind(vm.canStepBackProperty().not());
        buttons.get(AppAction.STEP).disableProperty().bind(vm.canStepForwardProperty().not());
        buttons.get(AppAction.MICRO_FORWARD).disableProperty().bind(vm.canStepForwardProperty().not());
        buttons.get(AppAction.TO_END).disableProperty().bind(vm.canStepForwardProperty().not());
        vm.playingProperty().addListener((o, a, playing) -> ((FontIcon) buttons.get(AppAction.PLAY_PAUSE).getGraphic())
                .setIconCode(playing ? org.kordamp.ikonli.materialdesign2.MaterialDesignP.PAUSE : AppAction.PLAY_PAUSE.icon()));
        HeatMap.Listener mapListener = new HeatMap.Listener() {
            @Override
            public void resized(int w, int h) {
                vm.setMapSize(w, h);
            }

            @Override
            public void zoom(org.splitscope.render.CellLayout l, double x, double y, boolean in) {
                vm.zoomAt(l, x, y, in);
            }

            @Override
            public void pan(org.splitscope.render.CellLayout l, double dy) {
                vm.pan(l, dy);
            }

            @Override
            public void select(org.splitscope.render.CellLayout l, double x, double y) {
                vm.select(l, x, y);
            }

            @Override
            public void hover(org.splitscope.render.CellLayout l, double x, double y) {
                vm.hover(l, x, y);
            }
        };
        heatMap.setListener(mapListener);
        compareView = new CompareView(heatMap, mapListener);
        compareTab.setContent(compareView.table);
        compareTab.setClosable(false);
        timelineBar.setOnSeek(vm::seek);
        timelineBar.setOnWidth(vm::setScrubberWidth);
        vm.snapshotProperty().addListener((o, a, s) -> show(s));
        vm.errorProperty().addListener((o, a, text) -> {
            if (text != null) {
                showError(text);
                vm.clearError();
            }
        });
        message.textProperty().bind(vm.messageProperty());
        vm.darkProperty().addListener((o, a, d) -> {
            applyTheme(root.getScene(), d);
            timelineBar.setDark(d);
        });
    }

    private void show(Snapshot s) {
        heatMap.frameProperty().set(new HeatMap.Frame(s.pixels(), s.layout()));
        showCompare(s);
        timelineBar.show(s);
        inspector.show(s.inspector());
        eventLog.show(s.events());
        charts.show(s.chart(), s.position().step());
        viewportText.setText(s.viewportText());
        updatingCombos = true;
        scenarios.setValue(s.scenarioId());
        policies.setValue(s.policy());
        updatingCombos = false;
        java.util.List<String> marks = new java.util.ArrayList<>();
        s.bookmarks().forEach((name, pos) -> marks.add("step " + pos + "  " + name));
        if (!marks.equals(bookmarks.getItems())) {
            bookmarks.getItems().setAll(marks);
        }
        if (stage != null) {
            stage.setTitle("SplitScope - " + s.scenarioTitle() + " [" + s.policy() + "]");
        }
        menus.refresh(s);
    }

    /** Compare mode on or off as the snapshot says: the grid of maps in place of the map, and the table tab. */
    private void showCompare(Snapshot s) {
        if (s.compare() != null) {
            compareView.show(s);
            if (mapPane.getCenter() != compareView.grid) {
                mapPane.setCenter(compareView.grid);
            }
            if (!bottomTabs.getTabs().contains(compareTab)) {
                bottomTabs.getTabs().add(compareTab);
                bottomTabs.getSelectionModel().select(compareTab);
            }
        } else if (mapPane.getCenter() != heatMap) {
            compareView.reset();
            mapPane.setCenter(heatMap);
            bottomTabs.getTabs().remove(compareTab);
        }
    }

    // ---- dialogs -------------------------------------------------------------------------------

    void openFileChooser() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a scenario");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios", "*.yaml", "*.yml", "*.json"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            vm.openFile(f.toPath());
        }
    }

    private void askBookmark() {
        TextInputDialog d = new TextInputDialog("step " + (vm.snapshot() == null ? 0 : vm.snapshot().position()));
        d.setTitle("Bookmark");
        d.setHeaderText("Name this position");
        d.initOwner(stage);
        d.showAndWait().ifPresent(vm::addBookmark);
    }

    private void showError(String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text);
        a.setHeaderText("SplitScope");
        if (stage != null && stage.isShowing()) {
            a.initOwner(stage);
        }
        a.getDialogPane().setMinWidth(560);
        a.show();
        lastError = text;
    }

    /** The text of the last error dialog (tests read it). */
    String lastError;

    private void about() {
        StringBuilder keys = new StringBuilder("SplitScope: host direct-map changes under AMD SEV-SNP.\n\nKeys:\n");
        for (AppAction a : AppAction.values()) {
            keys.append(String.format("  %-28s %s%n", a.label(), a.key().getDisplayText()));
        }
        keys.append("\nMouse: wheel zooms, drag pans, click inspects a cell.");
        Alert a = new Alert(Alert.AlertType.INFORMATION, keys.toString());
        a.setHeaderText("Keys and about");
        if (stage != null) {
            a.initOwner(stage);
        }
        a.show();
    }

    static void applyTheme(Scene scene, boolean dark) {
        if (scene == null) {
            return;
        }
        String base = MainView.class.getResource("splitscope.css").toExternalForm();
        String darkCss = MainView.class.getResource("dark.css").toExternalForm();
        scene.getStylesheets().setAll(base);
        if (dark) {
            scene.getStylesheets().add(darkCss);
        }
    }

    /** UI scale for projectors: 1.0 to 2.0. */
    public void setUiScale(double scale) {
        uiScale = Math.max(1.0, Math.min(2.0, scale));
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * uiScale));
    }

    double uiScale() {
        return uiScale;
    }

    /** The window as pixels, at {@code scale} times its size (for "export window"). */
    int[] snapshotWindow(double scale, int[] size) {
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        javafx.scene.image.WritableImage img = root.snapshot(p, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
        size[0] = w;
        size[1] = h;
        return px;
    }

    void exportWindow(Path out, double scale) {
        int[] size = new int[2];
        int[] px = snapshotWindow(scale, size);
        vm.exports().pixels(px, size[0], size[1], out);
    }
}
