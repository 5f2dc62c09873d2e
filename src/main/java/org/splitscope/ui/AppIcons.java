package org.splitscope.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The app's icon (assets/icons, rendered from splitscope.svg and packaged in the jar under
 * /assets/icons/) in every size it ships, so the window manager picks the one it draws: the title bar
 * takes 16 or 32 pixels, a task switcher 48 to 256.
 *
 * <p>Threading: FX thread only.
 */
final class AppIcons {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};

    private AppIcons() {
    }

    /** The icons found in the jar, smallest first (none when the resources are missing). */
    static List<Image> load() {
        List<Image> out = new ArrayList<>();
        for (int s : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("/assets/icons/splitscope-" + s + ".png")) {
                if (in != null) {
                    out.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // a missing size is not worth failing the window for
            }
        }
        return out;
    }

    /** Gives the window the app's icons. */
    static void install(Stage stage) {
        if (stage != null) {
            stage.getIcons().setAll(load());
        }
    }
}
