package org.splitscope.ui.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.export.CsvExport;
import org.splitscope.export.GifWriter;
import org.splitscope.export.PngWriter;
import org.splitscope.render.Pictures;

/**
 * Writes an {@link ExportJob} as a long task (progress, cancel, a message when done, an error on
 * failure): the heat map picture (the same pixels as {@code splitscope export}; in compare mode the
 * runs side by side), an animated GIF of a step range, the chart series and event log as CSV, and
 * pixels the view took from its window. Every file is written atomically.
 *
 * <p>Threading: simulation thread only.
 */
final class Exporter {
    private final Tasks tasks;

    Exporter(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Writes the job; returns the message to show (null after an error, which went to the user). */
    String write(Session s, ViewSettings v, ExportJob job) {
        tasks.busy("Exporting " + job.out().getFileName() + "...", 0);
        try {
            return switch (job) {
                case ExportJob.HeatMapPng p -> {
                    PngWriter.write(Pictures.draw(runs(s), spec(s, v, p.width(), p.height(), p.selection())), p.width(),
                            p.height(), p.out());
                    yield "Wrote " + p.out() + " (" + p.width() + "x" + p.height() + ")";
                }
                case ExportJob.Animation a -> animation(s, v, a);
                case ExportJob.SeriesCsv c -> "Wrote " + c.out() + " (" + CsvExport.writeSeries(s.spec,
                        s.timeline.position().step(), c.out(), tasks::cancelled).rows() + " rows)";
                case ExportJob.EventsCsv c -> "Wrote " + c.out() + " (" + CsvExport.writeEvents(s.spec,
                        s.timeline.position().step(), v.filter(), c.out(), tasks::cancelled).rows() + " events)";
                case ExportJob.WindowPng w -> {
                    PngWriter.write(w.argb(), w.width(), w.height(), w.out());
                    yield "Wrote " + w.out() + " (" + w.width() + "x" + w.height() + ")";
                }
            };
        } catch (CsvExport.Cancelled e) {
            return "Export cancelled; nothing was written.";
        } catch (IllegalArgumentException | IOException e) {
            tasks.error("Cannot export to " + job.out() + ": " + e.getMessage());
            return null;
        } finally {
            tasks.busy(null, -1);
        }
    }

    private String animation(Session s, ViewSettings v, ExportJob.Animation a) throws IOException {
        Position back = s.timeline.position();
        long total = s.timeline.totalSteps();
        List<Timeline> runs = runs(s);
        try {
            if (a.from() < 0 || a.to() > total || a.from() > a.to() || a.every() < 1) {
                throw new IllegalArgumentException("steps " + a.from() + " to " + a.to() + " are not within 0.." + total);
            }
            long count = (a.to() - a.from()) / a.every() + 1;
            if (count > 2000) {
                throw new IllegalArgumentException(count + " frames; at most 2000 (choose a larger 'every')");
            }
            Pictures.Spec spec = spec(s, v, a.width(), a.height(), a.selection());
            GifWriter.write(a.out(), a.width(), a.height(), (int) count, a.delayMs(), i -> {
                if (tasks.cancelled()) {
                    throw new CsvExport.Cancelled();
                }
                tasks.progress(i / (double) count);
                for (Timeline t : runs) {
                    t.seek(a.from() + i * a.every());
                }
                return Pictures.draw(runs, spec);
            });
            return "Wrote " + a.out() + " (" + count + " frames, " + a.width() + "x" + a.height() + ")";
        } finally {
            s.timeline.seek(back);
            if (s.compare != null) {
                s.compare.sync(s);
            }
        }
    }

    /** The picture's spec; the user's selection is drawn only when asked ({@code selection}), as on the command line. */
    private static Pictures.Spec spec(Session s, ViewSettings v, int width, int height, boolean selection) {
        return new Pictures.Spec(s.scenario.title(), s.scenario.id(), s.scenario.description(), s.viewport,
                v.layerSet(), s.tlbCpu(v), v.palette(), width, height, selection ? s.selectFrom : -1,
                selection ? s.selectTo : -1);
    }

    /** The timelines a picture draws: the run, and in compare mode its peers after it, at its step. */
    private static List<Timeline> runs(Session s) {
        List<Timeline> runs = new ArrayList<>();
        runs.add(s.timeline);
        if (s.compare != null) {
            s.compare.sync(s);
            runs.addAll(s.compare.timelines());
        }
        return runs;
    }
}
