package org.splitscope.scenario.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.BootLayout;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.mem.TlbSpec;
import org.splitscope.core.workload.ProgramItem;
import org.splitscope.scenario.MeminfoImporter;
import org.splitscope.scenario.PtdumpImporter;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.ScenarioException;

/**
 * Loads a host recording (TRACE.md "The recording"): a directory with trace.txt and host.txt, a
 * boot layout from ptdump.before or meminfo.before (the scenario importers; ptdump wins) or the
 * default layout of host.txt's {@code ram}, and the after-files compared at the end. trace.txt is
 * streamed once; nothing of its text is kept.
 *
 * <p>Every problem is a {@link ScenarioException} naming the file, line and column. Runs on the
 * caller's thread; {@link Progress} reports bytes read and can cancel (CancellationException).
 */
public final class RecordingLoader {
    static final String PTDUMP_BEFORE = "ptdump.before";
    static final String MEMINFO_BEFORE = "meminfo.before";

    private RecordingLoader() {
    }

    /** A built-in recording by name, else a directory or the trace.txt inside one. */
    public static Recording load(String nameOrPath, Progress progress) throws ScenarioException {
        if (BuiltinRecordings.names().contains(nameOrPath)) {
            return load(RecordingFiles.builtin(nameOrPath), nameOrPath, "builtin:" + nameOrPath, progress);
        }
        return load(Path.of(nameOrPath), progress);
    }

    /** A recording directory, or its trace.txt. */
    public static Recording load(Path dirOrTrace, Progress progress) throws ScenarioException {
        Path dir = dirOrTrace;
        if (Files.isRegularFile(dirOrTrace) && dirOrTrace.getFileName() != null
                && dirOrTrace.getFileName().toString().equals(RecordingFiles.TRACE)) {
            dir = dirOrTrace.toAbsolutePath().getParent();
        }
        if (!Files.isDirectory(dir)) {
            throw new ScenarioException(dirOrTrace.toString(), 0, 0, Files.exists(dir)
                    ? "not a recording directory (a directory with trace.txt and host.txt, or its trace.txt)"
                    : "no such directory" + (dirOrTrace.toString().contains("/") ? "" : " or built-in recording (built-ins: "
                    + String.join(", ", BuiltinRecordings.names()) + ")"));
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return load(RecordingFiles.directory(dir), name == null ? "recording" : name.toString(), dir.toString(), progress);
    }

    static Recording load(RecordingFiles files, String id, String source, Progress progress) throws ScenarioException {
        if (!files.exists(RecordingFiles.TRACE)) {
            throw new ScenarioException(source, 0, 0, "no trace.txt: a recording is a directory with trace.txt and"
                    + " host.txt (TRACE.md)");
        }
        if (!files.exists(HostFile.NAME)) {
            throw new ScenarioException(files.label(HostFile.NAME), 0, 0, "no such file: a recording needs host.txt"
                    + " (kernel, cpus, page_offset_base, ...; TRACE.md)");
        }
        HostFile host = HostFile.parse(files.label(HostFile.NAME), text(files, HostFile.NAME));
        List<String> warnings = new java.util.ArrayList<>();
        MachineSpec machine = machine(files, host, host.cpus() > 0 ? host.cpus() : 1, warnings);
        String traceLabel = files.label(RecordingFiles.TRACE);
        TraceParser parser = new TraceParser(traceLabel, new RamRanges(machine), host.pageOffsetBase(), host.cpus());
        TraceReader reader = new TraceReader();
        long lines;
        try (InputStream in = files.open(RecordingFiles.TRACE)) {
            lines = reader.read(in, traceLabel, files.size(RecordingFiles.TRACE), progress, parser);
        } catch (IOException e) {
            throw new ScenarioException(traceLabel, 0, 0, "cannot read: " + reason(e));
        }
        int cpus = cpus(host, parser, traceLabel);
        machine = machine.withCpus(cpus);
        parser.observed.seal();
        TraceSteps steps = new TraceSteps(parser.steps, parser.observed, new TraceText(files, reader.lineIndex()),
                RecordingFiles.TRACE);
        Set<Figure> unrecorded = unrecorded(parser.seen);
        warnings.addAll(parser.warnings.lines(traceLabel));
        AfterFiles after = after(files, machine, warnings);
        if (steps.size() == 0) {
            warnings.add(traceLabel + ":" + lines + ": no rmp_private, rmp_shared, psmash or page_fault_kernel line: nothing"
                    + " to replay");
        }
        List<GuestSpec> guests = parser.guests.specs();
        String description = "A host recording replayed step by step (TRACE.md): " + lines + " trace lines, "
                + steps.size() + " replayed steps, " + guests.size() + " guest" + (guests.size() == 1 ? "" : "s")
                + "; traced under " + host.policy() + " on kernel " + host.kernel().id() + ".";
        Scenario scenario = new Scenario(id, "Recording " + id, description, source, machine, host.policy(), 1, guests,
                List.of(new ProgramItem.Recorded(steps)), List.of(), warnings);
        return new Recording(id, source, host, scenario, steps, lines, unrecorded,
                parser.seen[TraceEvent.FLUSH_ALL.ordinal()], warnings, after, parser.kvmPageFaults,
                java.util.Arrays.copyOf(parser.kvmRmpFaultLines, parser.kvmRmpFaults), parser.unattributedLines);
    }

    /** The host's CPUs: host.txt's, else the trace header's, else the highest CPU seen + 1. */
    private static int cpus(HostFile host, TraceParser p, String traceLabel) throws ScenarioException {
        if (host.cpus() > 0) {
            return host.cpus();
        }
        if (p.headerCpus > 0 && p.highestCpu >= p.headerCpus) {
            throw new ScenarioException(traceLabel, (int) Math.min(p.highestCpuLine, Integer.MAX_VALUE), 0,
                    "CPU " + p.highestCpu + " but the trace's header says it has " + p.headerCpus + " CPUs");
        }
        return Math.min(MachineSpec.MAX_CPUS, Math.max(1, Math.max(p.headerCpus, p.highestCpu + 1)));
    }

    private static Set<Figure> unrecorded(boolean[] seen) {
        Set<Figure> out = EnumSet.noneOf(Figure.class);
        if (!seen[TraceEvent.SET_MEMORY_4K.ordinal()]) {
            out.add(Figure.SET_MEMORY_4K);
        }
        if (!seen[TraceEvent.SPLIT.ordinal()]) {
            out.add(Figure.SPLITS);
        }
        boolean ipis = seen[TraceEvent.IPI_SEND_CPUMASK.ordinal()];
        if (!seen[TraceEvent.FLUSH_ALL.ordinal()] && !ipis) {
            out.add(Figure.FLUSH_TLB_ALL);
        }
        if (!ipis) {
            out.add(Figure.RANGE_FLUSH_IPIS);
        }
        if (!seen[TraceEvent.PAGE_FAULT_KERNEL.ordinal()]) {
            out.add(Figure.RMP_FAULTS);
            out.add(Figure.NOT_PRESENT_FAULTS);
        }
        if (!seen[TraceEvent.RMP_PRIVATE_RET.ordinal()] && !seen[TraceEvent.RMP_SHARED_RET.ordinal()]
                && !seen[TraceEvent.PSMASH_RET.ordinal()]) {
            out.add(Figure.RET);
        }
        return out;
    }

    /** The machine: the boot layout of ptdump.before, meminfo.before or host.txt's ram, and host.txt's facts. */
    private static MachineSpec machine(RecordingFiles files, HostFile host, int cpus, List<String> warnings)
            throws ScenarioException {
        BootLayout boot;
        String from;
        if (files.exists(PTDUMP_BEFORE)) {
            from = files.label(PTDUMP_BEFORE);
            PtdumpImporter.Result r = PtdumpImporter.read(from, text(files, PTDUMP_BEFORE), null,
                    host.ramBytes() >= 0 ? host.ramBytes() : null);
            warnings.addAll(r.warnings());
            boot = r.layout();
        } else if (files.exists(MEMINFO_BEFORE)) {
            from = files.label(MEMINFO_BEFORE);
            boot = MeminfoImporter.parse(from, text(files, MEMINFO_BEFORE));
        } else {
            from = files.label(HostFile.NAME);
            boot = new BootLayout.Default();
            if (host.ramBytes() < 0) {
                throw new ScenarioException(from, 0, 0, "no ram= and no ptdump.before or meminfo.before: the size of"
                        + " RAM is unknown");
            }
        }
        long ram = host.ramBytes();
        if (boot instanceof BootLayout.Imported imp) {
            long m = 2 * Pfns.MIB;
            long end = Math.max(MachineSpec.MIN_RAM, (imp.endPfn() * Pfns.FRAME_BYTES + m - 1) / m * m);
            if (ram >= 0 && ram != end) {
                throw new ScenarioException(files.label(HostFile.NAME), 0, 0, "ram is " + Pfns.bytes(ram) + " but "
                        + from + " ends at " + Pfns.bytes(end));
            }
            ram = end;
        }
        try {
            return new MachineSpec(ram, List.of(), cpus, host.gbpages(), TlbSpec.DEFAULT, boot, host.kernel(),
                    host.invlpgb());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(from, 0, 0, e.getMessage());
        }
    }

    private static AfterFiles after(RecordingFiles files, MachineSpec machine, List<String> warnings)
            throws ScenarioException {
        BootLayout.Imported dump = null;
        if (files.exists(AfterFiles.PTDUMP_AFTER)) {
            PtdumpImporter.Result r = PtdumpImporter.read(files.label(AfterFiles.PTDUMP_AFTER),
                    text(files, AfterFiles.PTDUMP_AFTER), null, machine.ramBytes());
            warnings.addAll(r.warnings());
            dump = r.layout();
        }
        return new AfterFiles(
                files.exists(AfterFiles.MEMINFO_AFTER) ? AfterFiles.meminfo(files.label(AfterFiles.MEMINFO_AFTER),
                        text(files, AfterFiles.MEMINFO_AFTER)) : null,
                files.exists(AfterFiles.VMSTAT_BEFORE) ? AfterFiles.vmstat(files.label(AfterFiles.VMSTAT_BEFORE),
                        text(files, AfterFiles.VMSTAT_BEFORE)) : null,
                files.exists(AfterFiles.VMSTAT_AFTER) ? AfterFiles.vmstat(files.label(AfterFiles.VMSTAT_AFTER),
                        text(files, AfterFiles.VMSTAT_AFTER)) : null,
                dump);
    }

    /** A small file as text (ISO-8859-1: every byte is a char, so nothing fails to decode). */
    private static String text(RecordingFiles files, String name) throws ScenarioException {
        try {
            return new String(files.readSmall(name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ScenarioException(files.label(name), 0, 0, "cannot read: " + reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
