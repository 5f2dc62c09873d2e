package org.splitscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The band above the map: the scenario's title with the policy and kernel, its description, the step's
 * caption and the micro-event line. Captions and description are {@link CaptionBox}es of a fixed number
 * of lines, so the map never jumps when a caption wraps.
 *
 * <p>In a short window (under {@link #COMPACT_EM} lines of the window's font high: 200% on a 1080p screen,
 * a 960x540 window at 100%) the band is compact: the description and the micro-event line go (both stay
 * in the title's tooltip, and the micro-event in the event log; what the step came to moves up beside
 * the title) and the caption keeps two lines, so that
 * the map keeps half of the window once the side and bottom panels have collapsed (issue 13).
 *
 * <p>Threading: FX thread only.
 */
final class Banner {
    /** A window fewer lines high than this gets the compact band. */
    static final double COMPACT_EM = 50;

    final Label title = new Label();
    final Label runLine = new Label();
    final CaptionBox description = new CaptionBox("description", 2, 0.85);
    final CaptionBox caption = new CaptionBox("caption", 2, 0.6);
    final Label micro = new Label();
    /** In the compact band, what the step came to (the micro line's part after "->"), on the title's line. */
    final Label outcome = new Label();
    final VBox box;
    private final Tooltip titleTip = new Tooltip();
    private boolean compact;
    private int captionLines = 2;

    Banner() {
        title.getStyleClass().add("scenario-title");
        title.setMinWidth(0);
        runLine.getStyleClass().add("run-line");
        runLine.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        micro.getStyleClass().add("micro");                 // one line (the full text in the log), so the map keeps its size
        micro.setTooltip(new Tooltip());
        micro.getTooltip().textProperty().bind(micro.textProperty());
        titleTip.setWrapText(true);
        titleTip.setMaxWidth(640);
        titleTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> join(title.getText(),
                description.getText(), micro.getText()), title.textProperty(), description.textProperty(), micro.textProperty()));
        title.setTooltip(titleTip);
        outcome.getStyleClass().add("outcome");
        outcome.setMinWidth(0);
        outcome.setVisible(false);
        outcome.setManaged(false);
        outcome.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String m = micro.getText() == null ? "" : micro.getText();
            int arrow = m.indexOf("  ->  ");
            return m.isEmpty() ? "" : "->  " + (arrow < 0 ? m : m.substring(arrow + 6));
        }, micro.textProperty()));
        HBox head = new HBox(12, title, runLine, outcome);
        head.setAlignment(Pos.BASELINE_LEFT);
        box = new VBox(2, head, description, caption, micro);
        box.getStyleClass().add("banner");
        box.setPadding(new Insets(6, 10, 6, 10));
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.isEmpty() ? "" : "\n\n").append(p);
            }
        }
        return b.toString();
    }

    /** The caption's lines when the band is not compact (a projector's scale: 3). */
    void setCaptionLines(int n) {
        captionLines = n;
        caption.setLines(compact ? 2 : n);
    }

    /** Compact (a short window) or full. */
    void setCompact(boolean c) {
        if (c == compact) {
            return;
        }
        compact = c;
        for (javafx.scene.Node n : new javafx.scene.Node[] {description, micro}) {
            n.setVisible(!c);
            n.setManaged(!c);
        }
        // the micro line goes, but not what the step came to: it moves up beside the title
        outcome.setVisible(c);
        outcome.setManaged(c);
        caption.setLines(c ? 2 : captionLines);
        box.setPadding(c ? new Insets(2, 10, 2, 10) : new Insets(6, 10, 6, 10));
    }

    boolean isCompact() {
        return compact;
    }

    /** Decides for a window {@code height} px high set in a {@code em} px font. */
    void fit(double height, double em) {
        if (height > 10) {
            setCompact(height / em < COMPACT_EM);
        }
    }
}
