package org.splitscope.ui.model;

import java.nio.file.Path;
import org.splitscope.ui.service.Command;
import org.splitscope.ui.service.ExportJob;
import org.splitscope.ui.service.Snapshot;

/**
 * Exports: each command hands a job to the simulation service, which writes the file off the FX
 * thread (progress, cancel, a message when done). The model also offers what the export dialog
 * starts from: a file name for the run and position, the run's length, and whether it compares.
 *
 * <p>Threading: FX thread only.
 */
public final class ExportModel {
    private final Models models;
    private Snapshot shown;

    ExportModel(Models models) {
        this.models = models;
    }

    void apply(Snapshot s) {
        shown = s;
    }

    /** The heat map picture with legend, caption and state hash; in compare mode the runs side by side. No selection. */
    public void heatMap(Path out, int width, int height) {
        heatMap(out, width, height, false);
    }

    /** The heat map picture, with the selection outlined if {@code selection}. */
    public void heatMap(Path out, int width, int height, boolean selection) {
        send(new ExportJob.HeatMapPng(out, width, height, selection));
    }

    /** An animated GIF of steps {@code from} to {@code to}, every {@code every}-th, the selection outlined if asked. */
    public void animation(Path out, long from, long to, long every, int delayMs, int width, int height, boolean selection) {
        send(new ExportJob.Animation(out, from, to, every, delayMs, width, height, selection));
    }

    /** The chart series up to the current step. */
    public void seriesCsv(Path out) {
        send(new ExportJob.SeriesCsv(out));
    }

    /** The event log up to the current step, with the log's filter. */
    public void eventsCsv(Path out) {
        send(new ExportJob.EventsCsv(out));
    }

    /** Pixels the view took from its window. */
    public void window(int[] argb, int width, int height, Path out) {
        send(new ExportJob.WindowPng(out, argb, width, height));
    }

    private void send(ExportJob job) {
        models.send(new Command.Export(job, models.settings()));
    }

    /** "scenario-policy-stepN" for the run and position shown. */
    public String baseName() {
        return shown == null ? "splitscope" : shown.run().scenarioId() + "-" + shown.run().policy() + "-step"
                + shown.position().step();
    }

    public long totalSteps() {
        return shown == null ? 0 : shown.run().totalSteps();
    }

    public long step() {
        return shown == null ? 0 : shown.position().step();
    }

    public boolean comparing() {
        return shown != null && shown.compare().comparing();
    }
}
