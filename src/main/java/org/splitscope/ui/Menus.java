package org.splitscope.ui;

import java.nio.file.Path;
import java.util.Map;
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

/** The menu bar, built from {@link AppAction}s (the same commands as the toolbar and the keys). */
final class Menus {
    private final MainView view;
    private final AppViewModel vm;
    private final MenuBar bar = new MenuBar();
    private final Menu recent = new Menu("Open recent");
    private final Menu marks = new Menu("Go to bookmark");
    private final CheckMenuItem darkItem = new CheckMenuItem(AppAction.DARK_THEME.label());
    private Map<String, Position> shownMarks = Map.of();

    Menus(MainView view, AppViewModel vm) {
        this.view = view;
        this.vm = vm;
        Menu builtins = new Menu("Built-in scenarios");
        for (String name : BuiltinScenarios.names()) {
            MenuItem mi = new MenuItem(name);
            mi.setOnAction(e -> vm.openBuiltin(name));
            builtins.getItems().add(mi);
        }
        vm.recentFiles().addListener((javafx.collections.ListChangeListener<String>) c -> fillRecent());
        fillRecent();
        MenuItem exportWindow = new MenuItem("Export the whole window...");
        exportWindow.setOnAction(e -> new ExportDialog(view, vm).showWindowMode());
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> {
            if (view.stage() != null) {
                view.stage().close();
            }
        });
        Menu file = new Menu("File", null, item(AppAction.OPEN), recent, builtins, new SeparatorMenuItem(),
                item(AppAction.EXPORT), exportWindow, new SeparatorMenuItem(), quit);
        MenuItem stopCompare = new MenuItem("Stop comparing");
        stopCompare.setOnAction(e -> vm.stopCompare());
        Menu run = new Menu("Run", null, item(AppAction.TO_START), item(AppAction.STEP_BACK), item(AppAction.PLAY_PAUSE),
                item(AppAction.STEP), item(AppAction.TO_END), new SeparatorMenuItem(), item(AppAction.MICRO_BACK),
                item(AppAction.MICRO_FORWARD), new SeparatorMenuItem(), item(AppAction.RUN_BACK_TO_BREAKPOINT),
                item(AppAction.RUN_TO_BREAKPOINT), item(AppAction.CANCEL), new SeparatorMenuItem(),
                item(AppAction.COMPARE), stopCompare);
        Menu layers = new Menu("Layers");
        for (Layer l : Layer.values()) {
            CheckMenuItem cm = new CheckMenuItem(l.label());
            cm.setSelected(vm.layersProperty().get().contains(l));
            cm.setOnAction(e -> vm.toggleLayer(l));
            vm.layersProperty().addListener((o, a, b) -> cm.setSelected(b.contains(l)));
            layers.getItems().add(cm);
        }
        darkItem.setAccelerator(AppAction.DARK_THEME.key());
        darkItem.setOnAction(e -> vm.setDark(darkItem.isSelected()));
        vm.darkProperty().addListener((o, a, d) -> darkItem.setSelected(d));
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
        Menu help = new Menu("Help", null, item(AppAction.ABOUT));
        bar.getMenus().addAll(file, run, viewMenu, bookmarks, help);
    }

    MenuBar bar() {
        return bar;
    }

    private MenuItem item(AppAction a) {
        MenuItem mi = new MenuItem(a.label(), new FontIcon(a.icon()));
        // shown, not bound: the scene-wide key filter runs the action (plain keys must not fire in text fields)
        mi.setAccelerator(null);
        mi.setText(a.label() + "    " + a.key().getDisplayText());
        mi.setOnAction(e -> view.run(a));
        return mi;
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (String f : vm.recentFiles()) {
            MenuItem mi = new MenuItem(f);
            mi.setOnAction(e -> vm.openFile(Path.of(f)));
            recent.getItems().add(mi);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    void refresh(Snapshot s) {
        if (s.bookmarks().equals(shownMarks)) {
            return;
        }
        shownMarks = s.bookmarks();
        marks.getItems().clear();
        s.bookmarks().forEach((name, pos) -> {
            MenuItem mi = new MenuItem(name + "  (step " + pos + ")");
            mi.setOnAction(e -> vm.goToBookmark(name));
            marks.getItems().add(mi);
        });
        marks.setDisable(marks.getItems().isEmpty());
    }
}
