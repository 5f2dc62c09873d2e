package org.splitscope.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.splitscope.core.history.Position;
import org.splitscope.render.Layer;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.ui.model.AppModel;

/**
 * The menu bar, built from the {@link ActionSet} (the same commands, and the same {@code executable}
 * bindings, as the toolbar and the keys). Items show their key but do not bind it: the scene-wide
 * {@link KeyRouter} runs it, so plain keys stay with text fields and menus.
 *
 * <p>Threading: FX thread only.
 */
final class Menus {
    final MenuBar bar = new MenuBar();
    final Menu recent = new Menu("Open recent");
    final Menu marks = new Menu("Go to bookmark");
    private final AppModel model;
    private final ActionSet actions;
    private Map<String, Position> shownMarks = Map.of();

    Menus(MainView view, AppModel model, ActionSet actions) {
        this.model = model;
        this.actions = actions;
        Menu builtins = new Menu("Built-in scenarios");
        for (String name : BuiltinScenarios.names()) {
            MenuItem mi = new MenuItem(name);
            mi.setOnAction(e -> model.navigation().openBuiltin(name));
            builtins.getItems().add(mi);
        }
        Menu recordings = new Menu("Built-in host recordings");
        for (String name : org.splitscope.scenario.trace.BuiltinRecordings.names()) {
            MenuItem mi = new MenuItem(name);
            mi.setOnAction(e -> model.navigation().openBuiltin(name));
            recordings.getItems().add(mi);
        }
        MenuItem openFolder = new MenuItem("Open recording folder...");
        openFolder.setOnAction(e -> view.openFiles.chooseFolder());
        openFolder.disableProperty().bind(Bindings.not(actions.executable(AppAction.OPEN)));
        model.navigation().recentFiles().addListener((ListChangeListener<String>) c -> fillRecent());
        fillRecent();
        MenuItem exportWindow = new MenuItem("Export the whole window...");
        exportWindow.setOnAction(e -> new ExportDialog(view, model.export()).showWindowMode());
        exportWindow.disableProperty().bind(Bindings.not(actions.executable(AppAction.EXPORT)));
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> view.close());
        Menu file = new Menu("File", null, item(AppAction.OPEN), openFolder, recent, builtins, recordings,
                new SeparatorMenuItem(),
                item(AppAction.EXPORT), exportWindow, new SeparatorMenuItem(), quit);
        MenuItem stopCompare = new MenuItem("Stop comparing");
        stopCompare.setOnAction(e -> model.map().stopCompare());
        stopCompare.disableProperty().bind(Bindings.createBooleanBinding(() -> model.map().compareProperty().get() == null
                || !model.map().compareProperty().get().comparing(), model.map().compareProperty()));
        Menu run = new Menu("Run", null, item(AppAction.TO_START), item(AppAction.STEP_BACK), item(AppAction.PLAY_PAUSE),
                item(AppAction.STEP), item(AppAction.TO_END), new SeparatorMenuItem(), item(AppAction.MICRO_BACK),
                item(AppAction.MICRO_FORWARD), new SeparatorMenuItem(), item(AppAction.RUN_BACK_TO_BREAKPOINT),
                item(AppAction.RUN_TO_BREAKPOINT), item(AppAction.CANCEL), new SeparatorMenuItem(),
                item(AppAction.COMPARE), stopCompare);
        Menu layers = new Menu("Layers");
        for (Layer l : Layer.values()) {
            CheckMenuItem cm = new CheckMenuItem(l.label());
            cm.setSelected(model.map().layersProperty().get().contains(l));
            cm.setOnAction(e -> model.map().toggleLayer(l));
            model.map().layersProperty().addListener((o, a, b) -> cm.setSelected(b.contains(l)));
            layers.getItems().add(cm);
        }
        CheckMenuItem darkItem = new CheckMenuItem(AppAction.DARK_THEME.label() + "    " + AppAction.DARK_THEME.key().getDisplayText());
        darkItem.setOnAction(e -> model.map().setDark(darkItem.isSelected()));
        model.map().darkProperty().addListener((o, a, d) -> darkItem.setSelected(d));
        Menu scale = new Menu("UI scale");
        ToggleGroup g = new ToggleGroup();
        for (int pct : new int[] {100, 125, 150, 175, 200}) {
            RadioMenuItem r = new RadioMenuItem(pct + "%");
            r.setToggleGroup(g);
            r.setSelected(pct == 100);
            r.setOnAction(e -> view.setUiScale(pct / 100.0));
            scale.getItems().add(r);
        }
        Menu viewMenu = new Menu("View", null, layers, item(AppAction.ZOOM_IN), item(AppAction.ZOOM_OUT),
                item(AppAction.ZOOM_ALL), new SeparatorMenuItem(), darkItem, scale, item(AppAction.FULL_SCREEN));
        Menu bookmarks = new Menu("Bookmarks", null, item(AppAction.BOOKMARK), marks);
        marks.setDisable(true);
        Menu help = new Menu("Help", null, item(AppAction.ABOUT));
        bar.getMenus().addAll(file, run, viewMenu, bookmarks, help);
        model.navigation().markersProperty().addListener((o, a, m) -> showMarks(m == null ? null : m.bookmarks()));
    }

    private MenuItem item(AppAction a) {
        MenuItem mi = new MenuItem(a.label() + "    " + a.key().getDisplayText(), new FontIcon(a.icon()));
        mi.setOnAction(e -> actions.run(a));
        mi.disableProperty().bind(Bindings.not(actions.executable(a)));
        return mi;
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (String f : model.navigation().recentFiles()) {
            MenuItem mi = new MenuItem(f);
            mi.setOnAction(e -> model.navigation().openFile(Path.of(f)));
            recent.getItems().add(mi);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private void showMarks(NavigableMap<String, Position> bookmarks) {
        if (bookmarks == null || bookmarks.equals(shownMarks)) {
            return;
        }
        shownMarks = bookmarks;
        marks.getItems().clear();
        bookmarks.forEach((name, pos) -> {
            MenuItem mi = new MenuItem(name + "  (step " + pos + ")");
            mi.setOnAction(e -> model.navigation().goToBookmark(name));
            marks.getItems().add(mi);
        });
        marks.setDisable(marks.getItems().isEmpty());
    }
}
