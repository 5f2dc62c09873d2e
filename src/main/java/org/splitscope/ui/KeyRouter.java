package org.splitscope.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard: every action's keys, scene-wide, with two rules about focus.
 * <ul>
 *   <li>Plain keys (arrows, Space, Home, End, +, -) never fire while a text field is being edited,
 *       nor while the menu bar is in use (a menu open, or the bar focused): there they mean what the
 *       field or the menu makes of them. Keys with a modifier and the F-keys always work.</li>
 *   <li>Enter or Esc in a text field hands the keys back to the map: Enter still reaches the field
 *       (it runs the breakpoint or applies the filter), Esc only leaves it.</li>
 * </ul>
 *
 * <p>Threading: FX thread only.
 */
final class KeyRouter {
    private KeyRouter() {
    }

    static void install(Scene scene, ActionSet actions, Node map, MenuBar menus) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            boolean editing = focus instanceof TextInputControl;
            if (editing && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE)) {
                map.requestFocus();                       // the field still gets this Enter: the event's target is fixed
                if (e.getCode() == KeyCode.ESCAPE) {
                    e.consume();
                }
                return;
            }
            boolean inMenus = menus.getMenus().stream().anyMatch(Menu::isShowing) || within(focus, menus)
                    || (e.getTarget() instanceof Node n && within(n, menus));
            boolean matched = false;
            for (AppAction a : AppAction.values()) {
                if (!a.globalKey() && (editing || inMenus)) {
                    continue;
                }
                for (KeyCombination k : a.keys()) {
                    if (k.match(e)) {
                        matched = true;
                        if (actions.executable(a).get()) {          // of two actions on one key (Esc), the one that can run
                            actions.run(a);
                            e.consume();
                            return;
                        }
                    }
                }
            }
            if (matched) {
                e.consume();                                      // a key whose action cannot run now does nothing
            }
        });
    }

    private static boolean within(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
