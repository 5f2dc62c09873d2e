package org.splitscope.scenario.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.event.CpaKind;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.EventSink;
import org.splitscope.core.event.FlushReason;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.sim.Simulation;

/**
 * Writes any run as a recording in TRACE.md's format ({@code export --recording DIR}): what a
 * host running the simulated kernel would have recorded with TRACE.md's kprobes and tracepoints,
 * plus host.txt, the boot layout (ptdump.before, meminfo.before) and the after-files. It is how
 * users make test recordings, and replaying one under its own policy and kernel must find no
 * mismatch (the round trip the tests make).
 *
 * <p>What a real trace cannot show is not written: host accesses that did not fault (so a replay's
 * TLBs only hold what faulting accesses and RMP operations leave), PVALIDATE, gmem prepare. The
 * direct-map work a step does before its first RMP operation (a launch's) is written as the work
 * of that operation, as the replay does it at that step too.
 */
public final class RecordingWriter {
    /** The direct map's virtual base in written recordings (a KASLR-style base, as in TRACE.md's examples). */
    public static final long PAGE_OFFSET_BASE = 0xffff9c0000000000L;
    private static final long PF_RMP_WRITE = 0x80000003L;
    private static final long PF_WRITE = 0x2L;

    /** What was written. */
    public record Written(Path dir, long lines, long steps) {
    }

    private RecordingWriter() {
    }

    /** Runs {@code spec} from boot to its end and writes the recording into {@code dir} (created when missing). */
    public static Written write(SimSpec spec, Path dir, Progress progress) throws IOException {
        Files.createDirectories(dir);
        Simulation sim = Simulation.create(spec);
        sim.journal().setRecording(false);
        StepEvents events = new StepEvents();
        sim.setSink(events);
        sim.boot();
        writeSmall(dir.resolve(HostFile.NAME), host(spec));
        try (Writer w = Files.newBufferedWriter(dir.resolve(RecordingLoader.PTDUMP_BEFORE), StandardCharsets.US_ASCII)) {
            PtdumpWriter.write(sim.directMap(), PAGE_OFFSET_BASE, w);
        }
        writeSmall(dir.resolve(RecordingLoader.MEMINFO_BEFORE), meminfo(sim));
        writeSmall(dir.resolve(AfterFiles.VMSTAT_BEFORE), vmstat(sim));
        long lines;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(RecordingFiles.TRACE), StandardCharsets.UTF_8)) {
            TraceLineWriter t = new TraceLineWriter(w, PAGE_OFFSET_BASE, spec.machine().cpus());
            t.header();
            long n = sim.stepCount();
            for (long k = 0; k < n; k++) {
                if (k % 4096 == 0) {
                    if (progress.cancelled()) {
                        throw new CancellationException("writing the recording was cancelled");
                    }
                    progress.update(k, n);
                }
                events.list.clear();
                sim.executeNext();
                t.at(1_000_000_000_000L + sim.cost().simTimeNs());
                writeStep(t, events.list, spec.machine().broadcastFlushAll());
            }
            lines = t.lines();
        }
        writeSmall(dir.resolve(AfterFiles.MEMINFO_AFTER), meminfo(sim));
        writeSmall(dir.resolve(AfterFiles.VMSTAT_AFTER), vmstat(sim));
        try (Writer w = Files.newBufferedWriter(dir.resolve(AfterFiles.PTDUMP_AFTER), StandardCharsets.US_ASCII)) {
            PtdumpWriter.write(sim.directMap(), PAGE_OFFSET_BASE, w);
        }
        return new Written(dir, lines, sim.stepCount());
    }

    private static void writeSmall(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.US_ASCII);
    }

    /**
     * One step's lines. Each RMP operation is its entry line, then the work its policy hook did
     * before the RMPUPDATE (the events before it), then work after it (a collapse), then its
     * {@code _ret}. A vCPU's private fault (kvm_page_fault) comes first, on the CPU of the operation
     * it leads to.
     */
    private static void writeStep(TraceLineWriter t, List<SimEvent> events, boolean broadcast) throws IOException {
        TraceLineWriter.Thread thread = null;
        SimEvent.PageStateChange fault = null;
        List<SimEvent> pending = new ArrayList<>();
        SimEvent open = null;
        boolean afterCollapse = false;
        for (SimEvent e : events) {
            switch (e) {
                case SimEvent.PageStateChange psc -> {
                    thread = TraceLineWriter.Thread.vcpu(psc.asid(), psc.vcpu());
                    fault = psc.toPrivate() ? psc : null;
                }
                case SimEvent.RmpUpdate u -> {
                    close(t, thread, open);
                    TraceLineWriter.Thread th = thread != null ? thread : TraceLineWriter.Thread.vmm(u.asid());
                    if (fault != null) {
                        t.kvmPageFault(th, u.cpu(), fault.vcpu(), fault.gpa());
                        fault = null;
                    }
                    if (u.assigned()) {
                        t.rmpPrivate(th, u.cpu(), u.pfn(), u.gpa(), level(u.level()), u.asid());
                    } else {
                        t.rmpShared(th, u.cpu(), u.pfn(), level(u.level()));
                    }
                    work(t, th, pending, broadcast);
                    pending.clear();
                    open = e;
                    afterCollapse = false;
                }
                case SimEvent.AssignmentRejected r -> {
                    close(t, thread, open);
                    TraceLineWriter.Thread th = thread != null ? thread : TraceLineWriter.Thread.vmm(r.asid());
                    t.rmpPrivate(th, 0, r.pfn(), 0, level(r.level()), r.asid());
                    work(t, th, pending, broadcast);
                    pending.clear();
                    open = e;
                }
                case SimEvent.Psmash p -> {
                    close(t, thread, open);
                    open = null;
                    TraceLineWriter.Thread th = thread != null ? thread : TraceLineWriter.Thread.vmm(0);
                    t.psmash(th, p.cpu(), p.pfn());
                    work(t, th, pending, broadcast);
                    pending.clear();
                }
                case SimEvent.RmpFault f -> {
                    close(t, thread, open);
                    open = null;
                    t.pageFault(TraceLineWriter.Thread.kworker(f.cpu()), f.cpu(), f.pfn(), PF_RMP_WRITE);
                }
                case SimEvent.NotPresentFault f -> {
                    close(t, thread, open);
                    open = null;
                    t.pageFault(TraceLineWriter.Thread.kworker(f.cpu()), f.cpu(), f.pfn(), f.write() ? PF_WRITE : 0);
                }
                case SimEvent.CpaCall c when c.what() == CpaKind.COLLAPSE -> afterCollapse = open != null;
                default -> {
                    if (afterCollapse) {                     // split-and-restore's collapse after its RMPUPDATE
                        work(t, thread != null ? thread : TraceLineWriter.Thread.vmm(0), List.of(e), broadcast);
                        afterCollapse = !(e instanceof SimEvent.FlushTlbAll fa && fa.reason() == FlushReason.AFTER_COLLAPSE);
                    } else {
                        pending.add(e);
                    }
                }
            }
        }
        close(t, thread, open);
        if (!pending.isEmpty()) {
            work(t, thread != null ? thread : TraceLineWriter.Thread.vmm(0), pending, broadcast);
        }
    }

    private static void close(TraceLineWriter t, TraceLineWriter.Thread thread, SimEvent open) throws IOException {
        if (open instanceof SimEvent.RmpUpdate u) {
            TraceLineWriter.Thread th = thread != null ? thread : TraceLineWriter.Thread.vmm(u.asid());
            t.ret(th, u.cpu(), u.assigned(), u.status() == 0 ? 0 : Replay.EFAULT);
        } else if (open instanceof SimEvent.AssignmentRejected r) {
            t.ret(thread != null ? thread : TraceLineWriter.Thread.vmm(r.asid()), 0, true, Replay.EFAULT);
        }
    }

    /** The kprobe and IPI lines of direct-map work, in order. */
    private static void work(TraceLineWriter t, TraceLineWriter.Thread th, List<SimEvent> events, boolean broadcast)
            throws IOException {
        for (SimEvent e : events) {
            switch (e) {
                case SimEvent.CpaCall c when c.what() == CpaKind.SET_MEMORY_4K -> t.setMemory4k(th, c.cpu(), c.pfn(), c.npages());
                case SimEvent.Split s -> t.split(th, s.cpu(), s.pfn());
                case SimEvent.FlushTlbAll f -> {
                    t.flushAll(th, f.cpu());
                    if (!f.broadcast() && f.ipis() > 0) {
                        t.ipiToOthers(th, f.cpu(), "do_flush_tlb_all+0x0/0x30");
                    }
                }
                case SimEvent.FlushTlbRange r -> {
                    if (r.ipis() > 0) {
                        t.ipiToOthers(th, r.cpu(), "__cpa_flush_tlb+0x0/0x40");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static int level(PageSize s) {
        return s == PageSize.M2 ? 2 : 1;
    }

    private static String host(SimSpec spec) {
        return "# written by splitscope export --recording from " + spec.name() + " (a simulated host, not a capture)\n"
                + "kernel=" + spec.machine().kernel().id() + "\n"
                + "invlpgb=" + (spec.machine().invlpgb() ? 1 : 0) + "\n"
                + "cpus=" + spec.machine().cpus() + "\n"
                + "page_offset_base=0x" + Long.toHexString(PAGE_OFFSET_BASE) + "\n"
                + "policy=" + spec.policy().id() + "\n"
                + "gbpages=" + (spec.machine().gbpages() ? 1 : 0) + "\n";
    }

    private static String meminfo(Simulation sim) {
        DirectMap dm = sim.directMap();
        return "MemTotal:       " + dm.ramFrames() * 4 + " kB\n"
                + "DirectMap4k:    " + dm.directMap4kKb() + " kB\n"
                + "DirectMap2M:    " + dm.directMap2mKb() + " kB\n"
                + (dm.gbpages() ? "DirectMap1G:    " + dm.directMap1gKb() + " kB\n" : "");
    }

    private static String vmstat(Simulation sim) {
        return "direct_map_level2_splits " + sim.counters().get(Counter.LEVEL2_SPLITS) + "\n"
                + "direct_map_level3_splits " + sim.counters().get(Counter.LEVEL3_SPLITS) + "\n"
                + "direct_map_level2_collapses " + sim.counters().get(Counter.LEVEL2_COLLAPSES) + "\n"
                + "direct_map_level3_collapses " + sim.counters().get(Counter.LEVEL3_COLLAPSES) + "\n";
    }

    /** Collects the events of one step (every kind a trace can show, and guest exits for the thread). */
    private static final class StepEvents implements EventSink {
        final List<SimEvent> list = new ArrayList<>();

        @Override
        public void accept(SimEvent e) {
            list.add(e);
        }

        @Override
        public int kindMask() {
            return EventKind.PSC.bit() | EventKind.CPA.bit() | EventKind.SPLIT.bit() | EventKind.FLUSH_ALL.bit()
                    | EventKind.FLUSH_RANGE.bit() | EventKind.RMPUPDATE.bit() | EventKind.REJECTED.bit()
                    | EventKind.PSMASH.bit() | EventKind.RMP_FAULT.bit() | EventKind.NP_FAULT.bit();
        }
    }
}
