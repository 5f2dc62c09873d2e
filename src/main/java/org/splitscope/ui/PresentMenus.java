package org.splitscope.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.TourModel;

/**
 * The menu items of issue 13, added to the {@link Menus} bar: a Tour menu (open a tour, the built-in
 * ones, previous and next stop, presentation mode, the presenter window) and, in View, zoom to the
 * selection, follow the action, presentation mode and the two panels. Items come from the
 * {@link ActionSet} like every other menu item (same commands, same {@code executable} bindings).
 *
 * <p>Threading: FX thread only.
 */
final class PresentMenus {
    private PresentMenus() {
    }

    static void add(Menus menus, MainView view, AppModel model, ActionSet actions) {
        TourModel tour = model.tour();
        Menu builtins = new Menu("Built-in tours");
        for (String name : TourModel.builtins()) {
            MenuItem mi = new MenuItem(name);
            mi.setOnAction(e -> tour.open(name));
            mi.disableProperty().bind(model.navigation().busyProperty());
            builtins.getItems().add(mi);
        }
        Menu tourMenu = new Menu("Tour", null, item(AppAction.OPEN_TOUR, actions), builtins, new SeparatorMenuItem(),
                item(AppAction.PREVIOUS_STOP, actions), item(AppAction.NEXT_STOP, actions), new SeparatorMenuItem(),
                item(AppAction.PRESENT, actions), item(AppAction.PRESENTER_WINDOW, actions));
        tourMenu.setId("menu-tour");
        CheckMenuItem follow = check(AppAction.FOLLOW, actions);
        follow.setSelected(model.map().followProperty().get());
        model.map().followProperty().addListener((o, a, b) -> follow.setSelected(b));
        CheckMenuItem side = new CheckMenuItem("Side panel (legend, inspector, tour)");
        side.selectedProperty().bindBidirectional(view.dock.sideShownProperty());
        CheckMenuItem bottom = new CheckMenuItem("Bottom panel (event log, charts)");
        bottom.selectedProperty().bindBidirectional(view.dock.bottomShownProperty());
        for (Menu m : menus.bar.getMenus()) {
            if (m.getText().equals("View")) {
                int at = m.getItems().indexOf(m.getItems().stream().filter(i -> i instanceof SeparatorMenuItem)
                        .findFirst().orElse(null));
                m.getItems().addAll(at < 0 ? m.getItems().size() : at, java.util.List.of(item(AppAction.ZOOM_SELECTION, actions),
                        follow));
                m.getItems().addAll(new SeparatorMenuItem(), side, bottom, new SeparatorMenuItem(),
                        item(AppAction.PRESENT, actions));
            }
        }
        int help = menus.bar.getMenus().size() - 1;
        menus.bar.getMenus().add(Math.max(0, help), tourMenu);
    }

    /** A menu item for an action: its label and key, icon, command and executable binding. */
    static MenuItem item(AppAction a, ActionSet actions) {
        MenuItem mi = new MenuItem(a.label() + "    " + a.key().getDisplayText(), new FontIcon(a.icon()));
        mi.setOnAction(e -> actions.run(a));
        mi.disableProperty().bind(Bindings.not(actions.executable(a)));
        return mi;
    }

    private static CheckMenuItem check(AppAction a, ActionSet actions) {
        CheckMenuItem mi = new CheckMenuItem(a.label() + "    " + a.key().getDisplayText());
        mi.setOnAction(e -> actions.run(a));
        mi.disableProperty().bind(Bindings.not(actions.executable(a)));
        return mi;
    }
}
