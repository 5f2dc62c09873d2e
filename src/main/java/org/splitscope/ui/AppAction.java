package org.splitscope.ui;

import java.util.List;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * Every command of the app, once: its label, icon and key combinations (STYLE.md principle 6). The
 * menu, the toolbar and the keyboard all come from here (what each does, and when it can, is
 * {@link ActionSet}'s). Immutable.
 */
public enum AppAction {
    OPEN("Open scenario or recording...", MaterialDesignF.FOLDER_OPEN, key(KeyCode.O, KeyCombination.SHORTCUT_DOWN)),
    EXPORT("Export picture...", MaterialDesignE.EXPORT, key(KeyCode.E, KeyCombination.SHORTCUT_DOWN)),
    TO_START("To start", MaterialDesignS.SKIP_BACKWARD, key(KeyCode.HOME)),
    STEP_BACK("Step back", MaterialDesignS.STEP_BACKWARD, key(KeyCode.LEFT)),
    PLAY_PAUSE("Play / pause", MaterialDesignP.PLAY, key(KeyCode.SPACE)),
    STEP("Step", MaterialDesignS.STEP_FORWARD, key(KeyCode.RIGHT)),
    TO_END("To end", MaterialDesignS.SKIP_FORWARD, key(KeyCode.END)),
    MICRO_BACK("Back one micro-event", MaterialDesignC.CHEVRON_LEFT, key(KeyCode.LEFT, KeyCombination.SHIFT_DOWN)),
    MICRO_FORWARD("Forward one micro-event", MaterialDesignC.CHEVRON_RIGHT, key(KeyCode.RIGHT, KeyCombination.SHIFT_DOWN)),
    RUN_BACK_TO_BREAKPOINT("Run back to breakpoint", MaterialDesignC.CHEVRON_DOUBLE_LEFT,
            key(KeyCode.LEFT, KeyCombination.SHORTCUT_DOWN)),
    RUN_TO_BREAKPOINT("Run to breakpoint", MaterialDesignC.CHEVRON_DOUBLE_RIGHT,
            key(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN)),
    // "+" is Shift+= on a US keyboard: the Shift must not stop it (issue 13), nor must the numpad's +.
    ZOOM_IN("Zoom in", MaterialDesignM.MAGNIFY_PLUS, new KeyCharacterCombination("+", KeyCombination.SHIFT_ANY),
            key(KeyCode.EQUALS, KeyCombination.SHIFT_ANY), key(KeyCode.PLUS, KeyCombination.SHIFT_ANY),
            key(KeyCode.ADD, KeyCombination.SHIFT_ANY)),
    ZOOM_OUT("Zoom out", MaterialDesignM.MAGNIFY_MINUS, new KeyCharacterCombination("-"), key(KeyCode.SUBTRACT),
            key(KeyCode.MINUS)),
    ZOOM_ALL("All of RAM", MaterialDesignF.FIT_TO_PAGE_OUTLINE, key(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN)),
    ZOOM_SELECTION("Zoom to selection", MaterialDesignM.MAGNIFY_SCAN, key(KeyCode.Z)),
    FOLLOW("Follow the action", MaterialDesignC.CROSSHAIRS_GPS, key(KeyCode.F)),
    COMPARE("Compare policies...", MaterialDesignC.COMPARE_HORIZONTAL, key(KeyCode.K, KeyCombination.SHORTCUT_DOWN)),
    BOOKMARK("Bookmark this position...", MaterialDesignB.BOOKMARK_PLUS, key(KeyCode.B, KeyCombination.SHORTCUT_DOWN)),
    DARK_THEME("Dark theme", MaterialDesignT.THEME_LIGHT_DARK, key(KeyCode.T, KeyCombination.SHORTCUT_DOWN)),
    FULL_SCREEN("Full screen", MaterialDesignF.FULLSCREEN, key(KeyCode.F11)),
    CANCEL("Cancel the running operation", MaterialDesignC.CLOSE_CIRCLE, key(KeyCode.ESCAPE)),
    // Presentation and tours (issue 13). Esc leaves presentation mode once nothing is left to cancel.
    PRESENT("Presentation mode", MaterialDesignP.PRESENTATION_PLAY, key(KeyCode.F5)),
    LEAVE_PRESENTATION("Leave presentation mode", MaterialDesignP.PRESENTATION, key(KeyCode.ESCAPE)),
    NEXT("Next: a step, or the next stop of a tour", MaterialDesignP.PAGE_NEXT_OUTLINE, key(KeyCode.PAGE_DOWN)),
    PREVIOUS("Previous: a step back, or the previous stop", MaterialDesignP.PAGE_PREVIOUS_OUTLINE, key(KeyCode.PAGE_UP)),
    OPEN_TOUR("Open tour...", MaterialDesignM.MAP_MARKER_PATH, key(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN)),
    NEXT_STOP("Next stop", MaterialDesignC.CHEVRON_DOUBLE_DOWN, key(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN)),
    PREVIOUS_STOP("Previous stop", MaterialDesignC.CHEVRON_DOUBLE_UP, key(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN)),
    PRESENTER_WINDOW("Presenter window (speaker notes)", MaterialDesignN.NOTE_TEXT_OUTLINE, key(KeyCode.F6)),
    ABOUT("Keys and about", MaterialDesignI.INFORMATION_OUTLINE, key(KeyCode.F1));

    private final String label;
    private final Ikon icon;
    private final List<KeyCombination> keys;

    AppAction(String label, Ikon icon, KeyCombination... keys) {
        this.label = label;
        this.icon = icon;
        this.keys = List.of(keys);
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... m) {
        return new KeyCodeCombination(code, m);
    }

    public String label() {
        return label;
    }

    public Ikon icon() {
        return icon;
    }

    /** The first key combination (shown in menus); all of them trigger the action. */
    public KeyCombination key() {
        return keys.get(0);
    }

    public List<KeyCombination> keys() {
        return keys;
    }

    /** Whether the keys work even while a text field has the focus (those with a modifier, and F-keys). */
    public boolean globalKey() {
        KeyCombination k = key();
        return k.getShortcut() == KeyCombination.ModifierValue.DOWN || this == CANCEL || this == LEAVE_PRESENTATION
                || (k instanceof KeyCodeCombination c && c.getCode().isFunctionKey());
    }

    /** Tooltip: label and key. */
    public String tooltip() {
        return label + "  (" + key().getDisplayText() + ")";
    }
}
