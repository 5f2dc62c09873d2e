package org.splitscope.ui;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.export.CsvExport;
import org.splitscope.export.GifWriter;
import org.splitscope.export.PngWriter;
import org.splitscope.render.Layer;
import org.splitscope.render.Pictures;

/**
 * The app's exports, each a long task on the simulation thread (progress, cancel, a message when
 * done, a dialog on failure) that writes its file atomically: the heat map picture (the same pixels
 * as {@code splitscope export}; in compare mode the runs side by side), the window, an animated GIF
 * of a step range, and the chart series and event log as CSV.
 */
public final class Exports {
    private final AppViewModel vm;

    Exports(AppViewModel vm) {
        this.vm = vm;
    }

    private static Pictures.Spec pictureSpec(Session s, int width, int height) {
        return new Pictures.Spec(s.scenario.title(), s.scenario.id(), s.scenario.description(), s.viewport,
                EnumSet.copyOf(s.layers.isEmpty() ? EnumSet.noneOf(Layer.class) : s.layers), s.tlbCpu, s.palette,
                width, height, s.selectFrom, s.selectTo);
    }

    /** The timelines an export draws: the run, and in compare mode its peers after it. */
    private static List<Timeline> exportRuns(Session s) {
        List<Timeline> runs = new java.util.ArrayList<>();
        runs.add(s.timeline);
        if (s.compare != null) {
            s.compare.sync(s);
            runs.addAll(s.compare.timelines());
        }
        return runs;
    }

    /**
     * Writes the heat map with legend, scenario, policy, step, caption and state hash as a PNG (the
     * same pixels as {@code splitscope export}); in compare mode, the runs side by side.
     */
    public void heatMap(Path out, int width, int height) {
        vm.longTask("Exporting " + out.getFileName(), s -> {
            try {
                int[] px = Pictures.draw(exportRuns(s), pictureSpec(s, width, height));
                PngWriter.write(px, width, height, out);
                vm.finishedWith("Wrote " + out + " (" + width + "x" + height + ")");
            } catch (IllegalArgumentException | java.io.IOException e) {
                vm.error("Cannot export to " + out + ": " + e.getMessage());
            }
        });
    }

    /**
     * Writes an animated GIF of steps {@code from} to {@code to} (every {@code every}-th), each frame
     * the exported picture of its step with its caption; the view returns to where it was.
     */
    public void animation(Path out, long from, long to, long every, int delayMs, int width, int height) {
        vm.pause();
        vm.longTask("Exporting " + out.getFileName(), s -> {
            Position back = s.timeline.position();
            long total = s.timeline.totalSteps();
            try {
                if (from < 0 || to > total || from > to || every < 1) {
                    throw new IllegalArgumentException("steps " + from + " to " + to + " are not within 0.." + total);
                }
                long count = (to - from) / every + 1;
                if (count > 2000) {
                    throw new IllegalArgumentException(count + " frames; at most 2000 (choose a larger 'every')");
                }
                Pictures.Spec spec = pictureSpec(s, width, height);
                List<Timeline> runs = exportRuns(s);
                GifWriter.write(out, width, height, (int) count, delayMs, i -> {
                    if (vm.cancelRequested()) {
                        throw new CsvExport.Cancelled();
                    }
                    vm.progress(i / (double) count);
                    for (Timeline t : runs) {
                        t.seek(from + i * every);
                    }
                    return Pictures.draw(runs, spec);
                });
                vm.finishedWith("Wrote " + out + " (" + count + " frames, " + width + "x" + height + ")");
            } catch (CsvExport.Cancelled e) {
                vm.finishedWith("Export cancelled; nothing was written.");
            } catch (IllegalArgumentException | java.io.IOException e) {
                vm.error("Cannot export to " + out + ": " + e.getMessage());
            } finally {
                s.timeline.seek(back);
            }
        });
    }

    /** Writes the chart series (one row per step up to the current one) as CSV. */
    public void seriesCsv(Path out) {
        vm.longTask("Exporting " + out.getFileName(), s -> {
            try {
                long rows = CsvExport.writeSeries(s.spec, s.timeline.position().step(), out, vm::cancelRequested).rows();
                vm.finishedWith("Wrote " + out + " (" + rows + " rows)");
            } catch (CsvExport.Cancelled e) {
                vm.finishedWith("Export cancelled; nothing was written.");
            } catch (IllegalArgumentException | java.io.IOException e) {
                vm.error("Cannot export to " + out + ": " + e.getMessage());
            }
        });
    }

    /** Writes the event log of the steps up to the current one, with the log's filter, as CSV. */
    public void eventsCsv(Path out) {
        vm.longTask("Exporting " + out.getFileName(), s -> {
            try {
                long rows = CsvExport.writeEvents(s.spec, s.timeline.position().step(), s.filter, out,
                        vm::cancelRequested).rows();
                vm.finishedWith("Wrote " + out + " (" + rows + " events)");
            } catch (CsvExport.Cancelled e) {
                vm.finishedWith("Export cancelled; nothing was written.");
            } catch (IllegalArgumentException | java.io.IOException e) {
                vm.error("Cannot export to " + out + ": " + e.getMessage());
            }
        });
    }

    /** Writes pixels taken from the window (the view snapshots the scene) as a PNG, off the FX thread. */
    public void pixels(int[] argb, int width, int height, Path out) {
        vm.longTask("Exporting " + out.getFileName(), s -> {
            try {
                PngWriter.write(argb, width, height, out);
                vm.finishedWith("Wrote " + out + " (" + width + "x" + height + ")");
            } catch (java.io.IOException e) {
                vm.error("Cannot export to " + out + ": " + e.getMessage());
            }
        });
    }
}
