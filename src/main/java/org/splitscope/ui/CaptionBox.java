package org.splitscope.ui;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A caption of a fixed number of lines (issue 13: the map must not jump in size when a caption
 * wraps): its height is {@code lines} lines of the font its CSS class sets, whatever the text, and a
 * text that needs more lines is set smaller, down to {@code minScale} of that size, as slides autofit
 * their text; only beyond that is it cut with an ellipsis (the whole text is in the tooltip).
 *
 * <p>The CSS font is read from a hidden probe label with the same style class, since the shown label's
 * size is set inline (an inline style is the only thing that outranks the stylesheet).
 *
 * <p>Threading: FX thread only.
 */
final class CaptionBox extends Region {
    final Label label = new Label();
    private final Label probe = new Label("Mg");
    private final Tooltip tip = new Tooltip();
    private int lines;
    private final double minScale;
    private double fittedWidth = -1;
    private String fittedText;
    private Font fittedFont;

    CaptionBox(String styleClass, int lines, double minScale) {
        this.lines = lines;
        this.minScale = minScale;
        label.getStyleClass().add(styleClass);
        probe.getStyleClass().add(styleClass);
        probe.setVisible(false);
        probe.setManaged(false);
        label.setWrapText(true);
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        label.setMinWidth(0);
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
        getChildren().addAll(probe, label);
        label.textProperty().addListener((o, a, b) -> requestLayout());
        probe.fontProperty().addListener((o, a, b) -> {
            fittedWidth = -1;                             // a new scale: fit again, from the new size
            label.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", b.getSize()));
            requestLayout();
        });
    }

    /** The number of lines the box is high. */
    void setLines(int n) {
        if (n != lines) {
            lines = Math.max(1, n);
            fittedWidth = -1;
            requestLayout();
        }
    }

    StringProperty textProperty() {
        return label.textProperty();
    }

    String getText() {
        return label.getText();
    }

    /** The font the text is shown in now. */
    Font getFont() {
        return label.getFont();
    }

    /** The font the CSS sets (the size a caption that fits is shown at). */
    Font nominalFont() {
        return probe.getFont();
    }

    /** The size the text is shown at now. */
    double shownSize() {
        return fittedFont == null ? nominalFont().getSize() : fittedFont.getSize();
    }

    private double lineHeight(Font f) {
        Text t = new Text("Mg");
        t.setFont(f);
        return Math.ceil(t.getLayoutBounds().getHeight());
    }

    private double boxHeight() {
        Insets in = getInsets();
        return lines * lineHeight(nominalFont()) + in.getTop() + in.getBottom();
    }

    @Override
    protected double computePrefHeight(double width) {
        return boxHeight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return boxHeight();
    }

    @Override
    protected double computeMaxHeight(double width) {
        return boxHeight();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = Math.max(1, getWidth() - in.getLeft() - in.getRight());
        double h = lines * lineHeight(nominalFont());
        String text = label.getText() == null ? "" : label.getText();
        if (w != fittedWidth || !text.equals(fittedText)) {
            fittedWidth = w;
            fittedText = text;
            fittedFont = fit(text, w, h);
            label.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", fittedFont.getSize()));
        }
        label.resizeRelocate(in.getLeft(), in.getTop(), w, h);
    }

    /** The largest size, from the CSS one down to {@code minScale} of it, at which the text fits. */
    private Font fit(String text, double w, double h) {
        Font nominal = nominalFont();
        Text t = new Text(text);
        t.setWrappingWidth(Math.max(1, w - 4));          // a little slack: Label wraps and clips a bit more eagerly than Text
        Font best = nominal;
        for (double scale = 1.0; scale >= minScale - 1e-9; scale -= 0.05) {
            best = new Font(nominal.getName(), nominal.getSize() * scale);     // the full name keeps the weight
            t.setFont(best);
            if (t.getLayoutBounds().getHeight() <= h - 0.2 * lineHeight(best)) {
                return best;
            }
        }
        return best;
    }
}
