package org.splitscope.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.history.EventFilter;
import org.splitscope.core.history.StepSeries;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;

/**
 * CSV files of a run for reviews and spreadsheets (Jackson's CSV writer, RFC 4180 quoting):
 * <ul>
 * <li>the chart series: one row per step boundary from 0 (as booted) to N, every figure the charts
 * draw plus the event kinds of the step that led there;</li>
 * <li>the event log: one row per event of steps 1..N that passes a filter.</li>
 * </ul>
 * Both run their own simulation of the spec from boot (the same seed gives the same run, R24), so
 * the app and the command line write the same rows, and written atomically.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** The series columns, in order: the CSV header. */
    public static final List<String> SERIES_COLUMNS = List.of("step", "direct_map_4k_kb", "direct_map_2m_kb",
            "direct_map_1g_kb", "level2_splits", "level3_splits", "level2_collapses", "level3_collapses",
            "flush_tlb_all", "flush_tlb_page", "ipis", "rmp_faults", "not_present_faults", "cpa_calls", "sim_time_ns",
            "cpa_lock_wait_ns", "events", "tlb_stale", "tlb_mixed_size", "tlb_rmp_hazard", "event_kinds");

    private static final StepSeries.Column[] SERIES_SOURCE = {StepSeries.Column.DIRECT_MAP_4K,
            StepSeries.Column.DIRECT_MAP_2M, StepSeries.Column.DIRECT_MAP_1G, StepSeries.Column.LEVEL2_SPLITS,
            StepSeries.Column.LEVEL3_SPLITS, StepSeries.Column.LEVEL2_COLLAPSES, StepSeries.Column.LEVEL3_COLLAPSES,
            StepSeries.Column.FLUSH_TLB_ALL, StepSeries.Column.FLUSH_TLB_PAGE, StepSeries.Column.IPIS,
            StepSeries.Column.RMP_FAULTS, StepSeries.Column.NOT_PRESENT_FAULTS, StepSeries.Column.CPA_CALLS,
            StepSeries.Column.SIM_TIME_NS, StepSeries.Column.LOCK_WAIT_NS, StepSeries.Column.EVENTS,
            StepSeries.Column.TLB_STALE, StepSeries.Column.TLB_MIXED, StepSeries.Column.TLB_HAZARD};

    /** The event columns, in order: the CSV header. {@code step} is 1-based, as in the app's log. */
    public static final List<String> EVENT_COLUMNS = List.of("step", "index", "kind", "cpu", "guest", "pfn", "frames",
            "what_happened");

    /** Thrown when {@code cancelled} answers true; nothing is written then. */
    public static final class Cancelled extends IOException {
        public Cancelled() {
            super("cancelled");
        }
    }

    private static SequenceWriter open(java.io.OutputStream os, List<String> columns) throws IOException {
        CsvSchema.Builder b = CsvSchema.builder();
        for (String c : columns) {
            b.addColumn(c);
        }
        return new CsvMapper().writer(b.build().withHeader())
                .writeValues(new OutputStreamWriter(os, StandardCharsets.UTF_8));
    }

    /** {@code toStep} meaning the whole run. */
    public static final long WHOLE_RUN = -1;

    /** What was written: the rows, and the last step they cover. */
    public record Written(long rows, long lastStep) {
    }

    private static Simulation boot(SimSpec spec, long toStep) {
        Simulation sim = Simulation.booted(spec);
        if (toStep != WHOLE_RUN && (toStep < 0 || toStep > sim.stepCount())) {
            throw new IllegalArgumentException("step " + toStep + " is outside the run (0.." + sim.stepCount() + ")");
        }
        sim.journal().setRecording(false);
        return sim;
    }

    /** Writes the series of boundaries 0..{@code toStep} ({@link #WHOLE_RUN}: to the end), toStep + 1 rows. */
    public static Written writeSeries(SimSpec spec, long toStep, Path out, BooleanSupplier cancelled) throws IOException {
        Simulation sim = boot(spec, toStep);
        long last = toStep == WHOLE_RUN ? sim.stepCount() : toStep;
        long[] rows = {0};
        AtomicFiles.write(out, os -> {
            try (SequenceWriter w = open(os, SERIES_COLUMNS)) {
                int[] mask = {0};
                EventSink kinds = new EventSink() {
                    @Override
                    public void accept(SimEvent event) {
                        mask[0] |= event.kind().bit();
                    }

                    @Override
                    public int kindMask() {
                        return -1;
                    }
                };
                sim.setSink(kinds);
                for (long s = 0; s <= last; s++) {
                    if (s > 0) {
                        mask[0] = 0;
                        sim.executeNext();
                    }
                    if ((s & 1023) == 0 && cancelled.getAsBoolean()) {
                        throw new Cancelled();
                    }
                    long[] sample = StepSeries.sampleOf(sim, true);
                    List<Object> row = new ArrayList<>(SERIES_COLUMNS.size());
                    row.add(s);
                    for (StepSeries.Column c : SERIES_SOURCE) {
                        row.add(sample[c.ordinal()]);
                    }
                    row.add(s == 0 ? "" : kindIds(mask[0]));
                    w.write(row);
                    rows[0]++;
                }
            }
        });
        return new Written(rows[0], last);
    }

    /** Writes the events of steps 1..{@code toStep} ({@link #WHOLE_RUN}: all) that pass {@code filter}. */
    public static Written writeEvents(SimSpec spec, long toStep, EventFilter filter, Path out, BooleanSupplier cancelled)
            throws IOException {
        Simulation sim = boot(spec, toStep);
        long last = toStep == WHOLE_RUN ? sim.stepCount() : toStep;
        long[] rows = {0};
        AtomicFiles.write(out, os -> {
            try (SequenceWriter w = open(os, EVENT_COLUMNS)) {
                List<SimEvent> step = new ArrayList<>();
                sim.setSink(step::add);
                for (long s = 0; s < last; s++) {
                    step.clear();
                    sim.executeNext();
                    if ((s & 1023) == 0 && cancelled.getAsBoolean()) {
                        throw new Cancelled();
                    }
                    for (int i = 0; i < step.size(); i++) {
                        SimEvent e = step.get(i);
                        if (filter.matches(e)) {
                            w.write(List.of(s + 1, i + 1, e.kind().id(), e.cpu() < 0 ? "" : e.cpu(),
                                    e.asid() <= 0 ? "" : e.asid(), e.pfn() < 0 ? "" : Pfns.hex(e.pfn()),
                                    e.pfn() < 0 ? "" : Math.max(1, e.frames()), e.describe()));
                            rows[0]++;
                        }
                    }
                }
            }
        });
        return new Written(rows[0], last);
    }

    private static String kindIds(int mask) {
        StringBuilder sb = new StringBuilder();
        for (EventKind k : EventKind.values()) {
            if ((mask & k.bit()) != 0) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(k.id());
            }
        }
        return sb.toString();
    }
}
