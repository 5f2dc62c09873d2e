package org.splitscope.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The map and the panels around it (issue 13): the side panel (legend, inspector, tour, bookmarks)
 * right of the map and the bottom panel (event log, charts, comparison) under both. The map keeps at
 * least half of the window at any size and UI scale: when a panel would take more, it collapses to a
 * rail of buttons (the bottom one first, then the side), and a shown panel is capped so that dragging
 * its divider cannot squeeze the map below half. A rail button, or View > Side panel / Bottom panel,
 * opens a panel again (the user's choice stands until the window or the scale changes). In
 * presentation mode both panels and their rails go ({@link #setBare}).
 *
 * <p>Threading: FX thread only.
 */
final class PanelDock {
    /**
     * The share of the window the map keeps at a projector's scale (125% and up, the app's UI scale times
     * the screen's): a margin over the half the issue asks for.
     */
    static final double MAP_SHARE = 0.52;
    /**
     * At 100% the panels are compact and worth their room (the event log is where a step is read): they
     * collapse only when the map would get less than this share of the window.
     */
    static final double MAP_SHARE_100 = 0.25;
    private static final double DIVIDER = 6;

    /** The dock; it decides which panels fit in the layout pass after the window or the scale changed. */
    final BorderPane root = new BorderPane() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (pending) {
                refit();
            }
        }
    };
    final VBox sideRail = new VBox(4);
    final HBox bottomRail = new HBox(4);
    /**
     * The bottom panel's buttons on the line under the map, when both panels are rails (a row less under the
     * map: a 1080p screen at 200% keeps half of it for the map).
     */
    final HBox bottomInLine = new HBox(4);
    private final SplitPane across;
    private final SplitPane down;
    private final HBox under;
    private final TabPane side;
    private final TabPane bottom;
    private final BooleanProperty sideShown = new SimpleBooleanProperty(this, "sideShown", true);
    private final BooleanProperty bottomShown = new SimpleBooleanProperty(this, "bottomShown", true);
    /** The side panel's width and the bottom panel's height, px, as last shown (-1: not yet). */
    private double sideWidth = -1;
    private double bottomHeight = -1;
    private boolean bare;
    private boolean pending = true;
    private boolean fitting;
    private final java.util.function.DoubleSupplier em;
    /** The screen's scale (GDK_SCALE, glass.gtk.uiScale); NaN: the window's own output scale. */
    private double screenScale = Double.NaN;

    /**
     * {@code across} holds the map and {@code side}; {@code down} holds {@code across} and {@code bottom};
     * {@code under} is the line under the map; {@code em} the font size the window is set in (its UI scale).
     */
    PanelDock(SplitPane across, SplitPane down, HBox under, TabPane side, TabPane bottom,
              java.util.function.DoubleSupplier em) {
        this.across = across;
        this.down = down;
        this.em = em;
        this.under = under;
        this.side = side;
        this.bottom = bottom;
        root.setCenter(down);
        root.getStyleClass().add("panel-dock");
        sideRail.getStyleClass().add("panel-rail");
        bottomInLine.getStyleClass().add("panel-rail-inline");
        bottomInLine.setAlignment(Pos.CENTER_LEFT);
        bottomRail.getStyleClass().add("panel-rail");
        sideRail.setPadding(new Insets(4));
        bottomRail.setPadding(new Insets(2, 4, 2, 4));
        bottomRail.setAlignment(Pos.CENTER_LEFT);
        sideShown.addListener((o, a, b) -> {
            if (!fitting) {
                apply();
            }
        });
        bottomShown.addListener((o, a, b) -> {
            if (!fitting) {
                apply();
            }
        });
        side.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> rails());
        bottom.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> rails());
        root.setMinSize(0, 0);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.widthProperty().addListener((p, x, y) -> refitNow());
                scene.heightProperty().addListener((p, x, y) -> refitNow());
                refitNow();
            }
        });
        rails();
    }

    /** Whether the side panel is open (false: its rail shows). */
    BooleanProperty sideShownProperty() {
        return sideShown;
    }

    BooleanProperty bottomShownProperty() {
        return bottomShown;
    }

    /** Presentation mode: the map alone, no panel and no rail. */
    void setBare(boolean b) {
        bare = b;
        apply();
    }

    /** Opens the side panel at {@code tab} (a rail button, or a selection that wants the inspector). */
    void showSide(Tab tab) {
        side.getSelectionModel().select(tab);
        sideShown.set(true);
    }

    private void showBottom(Tab tab) {
        bottom.getSelectionModel().select(tab);
        bottomShown.set(true);
    }

    private void rails() {
        sideRail.getChildren().clear();
        for (Tab t : side.getTabs()) {
            Button b = railButton(t, () -> showSide(t), null);
            b.setRotate(-90);                              // the Group lays it out at its turned size
            sideRail.getChildren().add(new javafx.scene.Group(b));
        }
        bottomRail.getChildren().clear();
        bottomInLine.getChildren().clear();
        for (Tab t : bottom.getTabs()) {
            bottomRail.getChildren().add(railButton(t, () -> showBottom(t), MaterialDesignC.CHEVRON_UP));
            Button b = railButton(t, () -> showBottom(t), MaterialDesignC.CHEVRON_UP);
            b.setId(b.getId() + "-inline");
            bottomInLine.getChildren().add(b);
        }
    }

    private static Button railButton(Tab t, Runnable open, org.kordamp.ikonli.Ikon icon) {
        String name = t.getText().toLowerCase(java.util.Locale.ROOT);
        Button b = new Button(t.getText(), icon == null ? null : new FontIcon(icon));
        b.setTooltip(new Tooltip("Show the " + name + " panel"));
        b.setOnAction(e -> open.run());
        b.setFocusTraversable(false);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);     // its name whole; the texts beside it shrink
        b.setId("rail-" + name.replace(' ', '-'));
        return b;
    }

    private void apply() {
        place(true);
    }

    /** Shows or hides the panels as the flags say, at their remembered sizes ({@code keep}: as the user left them). */
    private void place(boolean keep) {
        boolean s = sideShown.get() && !bare;
        boolean d = bottomShown.get() && !bare;
        if (keep && across.getItems().contains(side) && side.getWidth() > 0) {
            sideWidth = side.getWidth();
        }
        if (keep && down.getItems().contains(bottom) && bottom.getHeight() > 0) {
            bottomHeight = bottom.getHeight();
        }
        if (s != across.getItems().contains(side)) {
            if (s) {
                across.getItems().add(side);
            } else {
                across.getItems().remove(side);
            }
        }
        if (d != down.getItems().contains(bottom)) {
            if (d) {
                down.getItems().add(bottom);
            } else {
                down.getItems().remove(bottom);
            }
        }
        double em = this.em.getAsDouble();
        if (s) {
            double w = root.getWidth() > 0 ? root.getWidth() : across.getWidth();
            across.setDividerPositions(divider(w, sideWidth > 0 ? sideWidth : 22 * em));
        }
        if (d) {
            double h = root.getHeight() > 0 ? root.getHeight() : down.getHeight();
            down.setDividerPositions(divider(h, bottomHeight > 0 ? bottomHeight : 0.36 * h));
        }
        boolean together = !s && !d && !bare;             // both rails: the bottom one's buttons go under the map
        if (together != under.getChildren().contains(bottomInLine)) {
            if (together) {
                under.getChildren().add(0, bottomInLine);     // in the scene only while used
            } else {
                under.getChildren().remove(bottomInLine);
            }
        }
        root.setRight(s || bare ? null : sideRail);
        root.setBottom(d || bare || together ? null : bottomRail);
        under.setVisible(!bare);
        under.setManaged(!bare);
    }

    /** The divider position that leaves {@code size} px to the second item of a split pane {@code total} px long. */
    private static double divider(double total, double size) {
        return total <= 0 ? 0.7 : Math.max(0.3, Math.min(0.97, 1 - (size + DIVIDER / 2) / total));
    }

    /**
     * In the layout pass after the window or the scale changed: decide again which panels fit (only then,
     * never because a panel came or went, so the decision cannot feed back on itself).
     */
    private void refit() {
        double w = root.getWidth();
        double h = root.getHeight();
        javafx.scene.Scene scene = root.getScene();
        if (w < 10 || h < 10 || bare || scene == null || scene.getWidth() < 10 || scene.getHeight() < 10) {
            return;                                       // not laid out in a window yet: still pending
        }
        pending = false;
        double screen = !Double.isNaN(screenScale) ? screenScale
                : scene.getWindow() == null ? 1 : scene.getWindow().getOutputScaleY();
        fit(w, h, scene.getWidth() * scene.getHeight(), this.em.getAsDouble() / 13 * screen);
    }

    /**
     * Chooses the panels for a dock of {@code w x h} in a window of {@code windowArea} px: both if the
     * map keeps its share with the panels at their smallest, else without the bottom one, else without
     * the side one, else neither; then sizes the shown ones so the map keeps its share ({@link #MAP_SHARE}
     * at a {@code scale} of 1.25 and up, {@link #MAP_SHARE_100} below).
     */
    void fit(double w, double h, double windowArea, double scale) {
        double em = this.em.getAsDouble();
        double sideW = Math.max(220, 22 * em);
        double bottomMin = 11.5 * em;
        double railW = 2.6 * em;
        double railH = 2.4 * em;
        double underH = under.getHeight() > 0 ? under.getHeight() : 1.6 * em;
        double need = (scale >= 1.24 ? MAP_SHARE : MAP_SHARE_100) * windowArea;
        boolean[][] choices = {{true, true}, {true, false}, {false, true}, {false, false}};
        boolean[] pick = choices[3];
        for (boolean[] c : choices) {
            double mw = w - (c[0] ? sideW + DIVIDER : railW);
            double mh = h - underH - (c[1] ? bottomMin + DIVIDER : railH);
            if (mw * mh >= need) {
                pick = c;
                break;
            }
        }
        double mapW = w - (pick[0] ? sideW + DIVIDER : railW);
        double mapH = Math.min(h - underH - (pick[1] ? bottomMin + DIVIDER : railH), Math.max(need / mapW, 0.6 * h));
        double downH = h - (pick[1] ? 0 : railH);
        double acrossW = w - (pick[0] ? 0 : railW);
        sideWidth = sideW;
        bottomHeight = Math.max(bottomMin, downH - mapH - underH - DIVIDER);
        // dragging a divider cannot squeeze the map below its share
        side.setMaxWidth(pick[0] ? Math.max(sideW, acrossW - need / Math.max(1, mapH)) : Double.MAX_VALUE);
        bottom.setMaxHeight(pick[1] ? Math.max(bottomMin, downH - underH - need / Math.max(1, mapW)) : Double.MAX_VALUE);
        fitting = true;
        try {
            sideShown.set(pick[0]);
            bottomShown.set(pick[1]);
        } finally {
            fitting = false;
        }
        place(false);
    }

    /** As if the screen were scaled by {@code s} (tests: Monocle's screen is at 1). */
    void setScreenScale(double s) {
        screenScale = s;
        refitNow();
    }

    /** Decides again in the next layout pass (the window or the UI scale changed). */
    void refitNow() {
        pending = true;
        root.requestLayout();
    }
}
