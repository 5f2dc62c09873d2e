package org.splitscope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.MapModel;
import org.splitscope.ui.model.NavigationModel;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.ViewSettings;

/**
 * The main window: menus and toolbar from one {@link ActionSet}, the scenario's title (with policy and
 * kernel), description and the step's caption up top, the heat map with the inspector, legend and
 * bookmarks beside it, the event log, charts and comparison below, the timeline bar and the status
 * bar at the bottom. It binds to the small models of the {@link AppModel} and delegates every command
 * to them; dialogs go through the injected {@link DialogService}.
 *
 * <p>Threading: FX thread only.
 */
public final class MainView {
    final BorderPane root = new BorderPane();
    final HeatMap heatMap = new HeatMap();
    final TimelineBar timelineBar = new TimelineBar();
    final InspectorView inspector;
    final LegendView legend;
    final EventLogView eventLog;
    final ChartsView charts = new ChartsView();
    final ListView<String> bookmarks = new ListView<>();
    final Banner banner = new Banner();
    final Label title = banner.title;
    final Label runLine = banner.runLine;
    final CaptionBox description = banner.description;
    final CaptionBox caption = banner.caption;
    final Label micro = banner.micro;
    final Label hover = new Label();
    final Label message = new Label();
    final Label viewportText = new Label();
    final StatusLine status;
    final TabPane bottomTabs = new TabPane();
    final BorderPane mapPane = new BorderPane();
    final Tab compareTab = new Tab("Compare");
    final CompareView compareView;
    final ActionSet actions;
    final ToolbarView toolbar;
    final Menus menus;
    final TourPane tourPane;
    PanelDock dock;
    final PresentationView presentation;
    final Tab legendTab = new Tab("Legend");
    final Tab inspectorTab = new Tab("Inspector");
    private final AppModel model;
    private final Stage stage;
    private final DialogService dialogs;
    final OpenFiles openFiles;
    private double uiScale = 1.0;

    public MainView(AppModel model, Stage stage, DialogService dialogs) {
        this.model = model;
        this.stage = stage;
        this.dialogs = dialogs;
        model.setOnError(dialogs::error);
        openFiles = new OpenFiles(model.navigation(), dialogs);
        model.setOnAskFolder(openFiles::ask);
        AppIcons.install(stage);
        actions = new ActionSet(model, this);
        inspector = new InspectorView(model);
        legend = new LegendView(model.map());
        eventLog = new EventLogView(model.eventLog());
        toolbar = new ToolbarView(model, actions, heatMap);
        tourPane = new TourPane(model.tour(), actions);
        menus = new Menus(this, model, actions);
        status = new StatusLine(model);
        HeatMap.Listener mapListener = new MapGestures(model.map());
        heatMap.setListener(mapListener);
        compareView = new CompareView(heatMap, mapListener);
        root.getStyleClass().add("splitscope");
        root.setTop(new VBox(menus.bar, toolbar.bar, banner.box));
        root.setCenter(center());
        root.setBottom(new VBox(timelineBar, status.bar));
        presentation = new PresentationView(model, root, dock, stage, actions);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.heightProperty().addListener((p, x, h) -> banner.fit(h.doubleValue(), 13 * uiScale));
                banner.fit(scene.getHeight(), 13 * uiScale);
            }
        });
        PresentMenus.add(menus, this, model, actions);
        bind();
    }

    public BorderPane root() {
        return root;
    }

    Stage stage() {
        return stage;
    }

    DialogService dialogs() {
        return dialogs;
    }

    /** Runs an action as the menu, the toolbar and the keyboard do (if it is executable now). */
    public void run(AppAction a) {
        actions.run(a);
    }

    /** The keyboard and file drops, scene-wide. */
    public void installKeys(Scene scene) {
        KeyRouter.install(scene, actions, heatMap, menus.bar);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                model.navigation().openFile(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ---- layout ------------------------------------------------------------------------------

    private Node center() {
        hover.getStyleClass().add("hover");
        viewportText.getStyleClass().add("viewport-text");
        message.getStyleClass().add("message");
        viewportText.setMinWidth(Region.USE_PREF_SIZE);
        message.setMinWidth(0);
        hover.setMinWidth(0);
        Region gap = new Region();
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
        legendTab.setContent(legendScroll);
        inspectorTab.setContent(inspectorScroll);
        legendTab.setClosable(false);
        inspectorTab.setClosable(false);
        TabPane side = new TabPane(legendTab, inspectorTab, tab("Tour", tourPane), tab("Bookmarks", marks));
        side.setPrefWidth(340);
        side.setMinWidth(200);
        SplitPane top = new SplitPane(mapPane, side);
        top.setDividerPositions(0.76);
        bottomTabs.getTabs().addAll(tab("Event log", eventLog), tab("Charts", charts));
        bottomTabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> model.eventLog().paneShown(
                t == null ? ViewSettings.Pane.OTHER : switch (t.getText()) {
                    case "Event log" -> ViewSettings.Pane.EVENTS;
                    case "Charts" -> ViewSettings.Pane.CHARTS;
                    default -> ViewSettings.Pane.OTHER;
                }));
        compareTab.setContent(compareView.tablePane);
        compareTab.setClosable(false);
        SplitPane all = new SplitPane(top, bottomTabs);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.64);
        bottomTabs.setMinHeight(150);
        SplitPane.setResizableWithParent(bottomTabs, false);
        dock = new PanelDock(top, all, under, side, bottomTabs, () -> 13 * uiScale);
        return dock.root;
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    private Node bookmarkButtons() {
        Button go = new Button("Go");
        go.setOnAction(e -> selectedBookmark(model.navigation()::goToBookmark));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> selectedBookmark(model.navigation()::removeBookmark));
        return new HBox(6, toolbar.button(AppAction.BOOKMARK), go, remove);
    }

    private void selectedBookmark(java.util.function.Consumer<String> act) {
        String s = bookmarks.getSelectionModel().getSelectedItem();
        if (s != null) {
            act.accept(s.substring(s.indexOf("  ") + 2));
        }
    }

    // ---- binding ------------------------------------------------------------------------------

    private void bind() {
        NavigationModel nav = model.navigation();
        MapModel map = model.map();
        nav.runProperty().addListener((o, a, r) -> {
            title.setText(r.title());
            runLine.setText("under " + r.policy() + ", kernel " + r.kernel());
            description.textProperty().set(r.description());
        });
        model.map().inspectorProperty().addListener((o, a, d) -> {
            if (d != null && a == null) {
                inspectorTab.getTabPane().getSelectionModel().select(inspectorTab);   // a selection shows the inspector
            }
        });
        nav.stepProperty().addListener((o, a, s) -> {
            caption.textProperty().set(s.caption());
            micro.setText(s.microText());
        });
        message.textProperty().bind(nav.messageProperty());
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(nav.messageProperty());
        messageTip.setWrapText(true);
        messageTip.setMaxWidth(640);
        message.setTooltip(messageTip);
        hover.textProperty().bind(map.hoverTextProperty());
        viewportText.textProperty().bind(map.viewportTextProperty());
        Tooltip cellTip = new Tooltip();
        cellTip.textProperty().bind(map.hoverTextProperty());
        cellTip.setShowDelay(javafx.util.Duration.millis(400));
        cellTip.setHideDelay(javafx.util.Duration.millis(100));
        cellTip.setShowDuration(javafx.util.Duration.INDEFINITE);
        cellTip.setWrapText(true);
        cellTip.setMaxWidth(520);
        Tooltip.install(heatMap, cellTip);
        map.frameProperty().addListener((o, a, f) -> heatMap.frameProperty().set(new HeatMap.Frame(f.pixels(), f.layout())));
        map.compareProperty().addListener((o, a, c) -> showCompare(c));
        nav.markersProperty().addListener((o, a, m) -> showBookmarks(m));
        nav.positionProperty().addListener((o, a, p) -> timelineBar.show(nav.markersProperty().get(), p));
        model.replay().columnsProperty().addListener((o, a, c) -> timelineBar.setMismatches(c));
        charts.follow(model.figures());
        timelineBar.setOnSeek(nav::seek);
        timelineBar.setOnWidth(nav::setMarkerWidth);
        map.darkProperty().addListener((o, a, d) -> {
            applyTheme(root.getScene(), d);
            timelineBar.setDark(d);
        });
        if (stage != null) {
            stage.titleProperty().bind(nav.titleBinding());
        }
    }

    private void showBookmarks(Snapshot.MarkersPart m) {
        timelineBar.show(m, model.navigation().positionProperty().get());
        List<String> marks = new ArrayList<>();
        m.bookmarks().forEach((name, pos) -> marks.add("step " + pos + "  " + name));
        if (!marks.equals(bookmarks.getItems())) {
            bookmarks.getItems().setAll(marks);
        }
    }

    /** Compare mode on or off as the model says: the grid of maps in place of the map, and the table tab. */
    private void showCompare(Snapshot.ComparePart c) {
        if (c.comparing()) {
            compareView.show(c, model.map().frameProperty().get().layout());
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

    // ---- dialogs and window ------------------------------------------------------------------

    void openFileChooser() {
        openFiles.chooseFile();
    }

    void askBookmark() {
        dialogs.askText("Bookmark", "Name this position", "step " + model.navigation().positionProperty().get())
                .ifPresent(model.navigation()::addBookmark);
    }

    void about() {
        StringBuilder keys = new StringBuilder("SplitScope: host direct-map changes under AMD SEV-SNP.\n\nKeys:\n");
        for (AppAction a : AppAction.values()) {
            keys.append(String.format("  %-28s %s%n", a.label(), a.key().getDisplayText()));
        }
        keys.append("\nMouse: the wheel zooms around the pointer, drag pans, click inspects a cell, double-click zooms to it.\n"
                + "Enter or Esc in a text field gives the keys back to the map.");
        dialogs.info("Keys and about", keys.toString());
    }

    void toggleFullScreen() {
        if (stage != null) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    void close() {
        if (stage != null) {
            stage.close();
        }
    }

    static void applyTheme(Scene scene, boolean dark) {
        if (scene == null) {
            return;
        }
        scene.getStylesheets().setAll(MainView.class.getResource("splitscope.css").toExternalForm());
        if (dark) {
            scene.getStylesheets().add(MainView.class.getResource("dark.css").toExternalForm());
        }
    }

    /** UI scale for projectors: 1.0 to 2.0. */
    public void setUiScale(double scale) {
        uiScale = Math.max(1.0, Math.min(2.0, scale));
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * uiScale));
        root.getStyleClass().removeIf(c -> c.startsWith("ui-scale-"));
        root.getStyleClass().add("ui-scale-" + Math.round(uiScale * 4) * 25);
        eventLog.setRowHeight(uiScale);
        timelineBar.setScale(uiScale);
        banner.setCaptionLines(uiScale >= 1.4 ? 3 : 2);   // a projector's caption: larger, on more lines
        if (root.getScene() != null) {
            banner.fit(root.getScene().getHeight(), 13 * uiScale);
        }
        dock.refitNow();
    }


    double uiScale() {
        return uiScale;
    }

    /** Writes the window, at {@code scale} times its size, as a PNG (off the FX thread). */
    void exportWindow(Path out, double scale) {
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        javafx.scene.image.WritableImage img = root.snapshot(p, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
        model.export().window(px, w, h, out);
    }
}
