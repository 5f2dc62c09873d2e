package org.splitscope.ui.service;

import java.nio.file.Path;

/**
 * A file the app writes, as a long task on the simulation thread (progress, cancel, a message when
 * done, an error on failure); every file is written atomically. Pictures and data come from the
 * same code as the command line ({@code splitscope export}), so they carry the same pixels.
 *
 * <p>Threading: immutable (a window's pixels are handed over and never written again).
 */
public sealed interface ExportJob {
    Path out();

    /**
     * The heat map with legend, caption and state hash (in compare mode the runs side by side); the
     * selection is outlined only if {@code selection} (off by default, as in {@code splitscope export}).
     */
    record HeatMapPng(Path out, int width, int height, boolean selection) implements ExportJob {
        public HeatMapPng(Path out, int width, int height) {
            this(out, width, height, false);
        }
    }

    /** Steps {@code from} to {@code to}, every {@code every}-th, as an animated GIF; the view returns to where it was. */
    record Animation(Path out, long from, long to, long every, int delayMs, int width, int height, boolean selection)
            implements ExportJob {
        public Animation(Path out, long from, long to, long every, int delayMs, int width, int height) {
            this(out, from, to, every, delayMs, width, height, false);
        }
    }

    /** The chart series up to the current step, one row per step. */
    record SeriesCsv(Path out) implements ExportJob {
    }

    /** The event log up to the current step, with the filter of the settings it was issued under. */
    record EventsCsv(Path out) implements ExportJob {
    }

    /** Pixels the view took from its window, written as a PNG off the FX thread. */
    record WindowPng(Path out, int[] argb, int width, int height) implements ExportJob {
    }
}
