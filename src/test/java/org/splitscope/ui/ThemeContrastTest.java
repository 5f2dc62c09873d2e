package org.splitscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contrast for a projector (issue 13 item 4): in both themes, text (placeholders included) meets WCAG's
 * 4.5:1 and icons 3:1 against what they are drawn on, and a disabled button is clearly fainter than an
 * enabled one. Checked twice: on the theme's named colours as the stylesheets set them, and on the
 * colours the live window computes for its nodes (text fill, icon colour, and the background of the
 * nearest ancestor that paints one), so a rule that overrides a named colour is caught too.
 */
class ThemeContrastTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage, 1280, 780);
    }

    // ---- WCAG 2.x -------------------------------------------------------------------------------

    static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static double contrast(Color a, Color b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    /** {@code fg} at {@code opacity} over {@code bg}. */
    static Color over(Color fg, double opacity, Color bg) {
        double a = fg.getOpacity() * opacity;
        return Color.color(fg.getRed() * a + bg.getRed() * (1 - a), fg.getGreen() * a + bg.getGreen() * (1 - a),
                fg.getBlue() * a + bg.getBlue() * (1 - a));
    }

    @Test
    @DisplayName("the formula: black on white is 21:1, a grey pair is what WCAG's examples say")
    void formula() {
        assertThat(contrast(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast(Color.web("#767676"), Color.WHITE)).isCloseTo(4.54, org.assertj.core.data.Offset.offset(0.02));
        assertThat(contrast(Color.web("#777777"), Color.WHITE)).isLessThan(4.5);
    }

    // ---- the stylesheets' named colours ---------------------------------------------------------

    static Map<String, Color> named(String sheet) throws IOException {
        Map<String, Color> out = new LinkedHashMap<>();
        try (InputStream in = MainView.class.getResourceAsStream(sheet)) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher root = Pattern.compile("\\.root\\s*\\{([^}]*)}").matcher(css);
            assertThat(root.find()).as(".root in %s", sheet).isTrue();
            Matcher m = Pattern.compile("(-ss-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})").matcher(root.group(1));
            while (m.find()) {
                out.put(m.group(1), Color.web(m.group(2)));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"light", "dark"})
    @DisplayName("the theme's named colours: text 4.5:1 and icons 3:1 on every surface; disabled icons fainter")
    void namedColours(String theme) throws IOException {
        Map<String, Color> c = named("splitscope.css");
        if (theme.equals("dark")) {
            c.putAll(named("dark.css"));
        }
        List<String> surfaces = List.of("-ss-bar", "-ss-background", "-ss-field", "-ss-banner");
        for (String s : surfaces) {
            for (String t : List.of("-ss-text", "-ss-muted", "-ss-placeholder", "-ss-caption")) {
                assertThat(contrast(c.get(t), c.get(s))).as("%s: %s on %s", theme, t, s).isGreaterThanOrEqualTo(4.5);
            }
            assertThat(contrast(c.get("-ss-icon"), c.get(s))).as("%s: icon on %s", theme, s).isGreaterThanOrEqualTo(3.0);
            double enabled = contrast(c.get("-ss-icon"), c.get(s));
            double disabled = contrast(over(c.get("-ss-icon"), 0.38, c.get(s)), c.get(s));
            assertThat(disabled).as("%s: a disabled icon on %s is fainter", theme, s).isLessThan(enabled / 2);
        }
    }

    // ---- the live window ------------------------------------------------------------------------

    /** The colour under {@code n}: the top fill of the nearest ancestor (or itself) that paints an opaque one. */
    static Color background(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    Color col = solid(fills.get(i).getFill());
                    if (col != null && col.getOpacity() > 0.9) {
                        return col;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    private static Color solid(Paint p) {
        if (p instanceof Color c) {
            return c;
        }
        if (p instanceof LinearGradient g) {
            double r = 0, gr = 0, b = 0, a = 0;
            for (Stop s : g.getStops()) {
                r += s.getColor().getRed();
                gr += s.getColor().getGreen();
                b += s.getColor().getBlue();
                a += s.getColor().getOpacity();
            }
            int k = g.getStops().size();
            return Color.color(r / k, gr / k, b / k, a / k);
        }
        return null;
    }

    static void collect(Node n, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** Every shown text and enabled icon of {@code root}: its contrast against what it is drawn on. */
    static List<String> failures(Node root, int minTexts, int minIcons) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        List<String> bad = new ArrayList<>();
        int texts = 0;
        int icons = 0;
        for (Node n : nodes) {
            if (n.isDisabled() || n.getScene() == null) {
                continue;                                 // WCAG exempts inactive controls; tested apart below
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && l.getTextFill() instanceof Color fg) {
                if (n.getStyleClass().contains("hyperlink") || n.getParent() instanceof javafx.scene.control.Cell<?>) {
                    continue;                             // drawn on a row's own selection colours (Modena's)
                }
                texts++;
                double r = contrast(fg, background(n));
                if (r < 4.5) {
                    bad.add(String.format("text %.2f:1 \"%s\" (%s) %s on %s", r, l.getText().lines().findFirst().orElse(""),
                            n.getStyleClass(), fg, background(n)));
                }
            }
            if (n instanceof FontIcon f && f.getIconColor() instanceof Color fg) {
                icons++;
                double r = contrast(fg, background(n));
                if (r < 3.0) {
                    bad.add(String.format("icon %.2f:1 %s %s on %s", r, f.getIconCode(), fg, background(n)));
                }
            }
        }
        assertThat(texts).as("texts checked").isGreaterThanOrEqualTo(minTexts);
        assertThat(icons).as("icons checked").isGreaterThanOrEqualTo(minIcons);
        return bad;
    }

    void settle(FxRobot robot) {
        robot.interact(() -> {
            view.root.applyCss();
            view.root.layout();
        });
    }

    @ParameterizedTest(name = "dark = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("the live window: every shown text 4.5:1 and icon 3:1, main window and presentation mode")
    void liveWindow(boolean dark, FxRobot robot) {
        robot.interact(() -> model.map().setDark(dark));
        robot.interact(() -> nav().stepForward());
        settle(robot);
        assertThat(failures(view.root, 20, 10)).as("main window, dark=%s", dark).isEmpty();
        robot.interact(() -> view.run(AppAction.PRESENT));
        settle(robot);
        assertThat(failures(view.root, 5, 0)).as("presentation mode, dark=%s", dark).isEmpty();
        robot.interact(() -> view.run(AppAction.LEAVE_PRESENTATION));
    }

    @ParameterizedTest(name = "dark = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("an enabled and a disabled tool button differ: the disabled icon has under half the contrast")
    void disabledDiffers(boolean dark, FxRobot robot) {
        robot.interact(() -> model.map().setDark(dark));
        settle(robot);
        Button back = view.toolbar.buttons.get(AppAction.STEP_BACK);
        Button step = view.toolbar.buttons.get(AppAction.STEP);
        assertThat(back.isDisabled()).as("at step 0 there is no step back").isTrue();
        assertThat(step.isDisabled()).isFalse();
        FontIcon on = (FontIcon) step.getGraphic();
        FontIcon off = (FontIcon) back.getGraphic();
        Color bg = background(step.getParent());
        double enabled = contrast((Color) on.getIconColor(), bg);
        double disabled = contrast(over((Color) off.getIconColor(), back.getOpacity(), bg), bg);
        assertThat(enabled).isGreaterThanOrEqualTo(3.0);
        assertThat(disabled).as("disabled %.2f vs enabled %.2f", disabled, enabled).isLessThan(enabled / 2);
    }
}
