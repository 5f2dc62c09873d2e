package org.splitscope.scenario.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.scenario.ScenarioException;

/**
 * Turns the lines of trace.txt into replayed steps and what was observed of each (TRACE.md
 * "Mapping onto the simulation"): rmp_private, rmp_shared and psmash become steps; their
 * {@code _ret} closes them (ret != 0: expected to fail); set_memory_4k, split, flush_all and the
 * flush IPIs are the observed work of the RMP operation open on the same CPU; a page_fault_kernel in
 * the direct map becomes a host access expected to fault; kvm_rmp_fault and kvm_page_fault are
 * counted (and size the guests). Other events, comments and trace-cmd's headers are skipped; a line
 * that is ours but does not parse is an error naming the file, line and column.
 *
 * <p>Confined to the loading thread.
 */
final class TraceParser implements TraceReader.LineHandler {
    private static final byte[] PFN = key("pfn");
    private static final byte[] GPA = key("gpa");
    private static final byte[] LEVEL = key("level");
    private static final byte[] ASID = key("asid");
    private static final byte[] RET = key("ret");
    private static final byte[] ADDR = key("addr");
    private static final byte[] NUMPAGES = key("numpages");
    private static final byte[] ADDRESS = key("address");
    private static final byte[] ERROR_CODE = key("error_code");
    private static final byte[] CPUMASK = key("cpumask");
    private static final byte[] CALLBACK = key("callback");
    private static final byte[] VCPU = key("vcpu");
    private static final byte[] DO_FLUSH_TLB_ALL = key("do_flush_tlb_all");
    private static final byte[] CPA_FLUSH_TLB = key("__cpa_flush_tlb");
    private static final byte[] KERNEL_RANGE_FLUSH = key("do_kernel_range_flush");
    /** X86_PF_RMP (arch/x86/include/asm/trap_pf.h) and X86_PF_WRITE in page_fault_kernel's error_code. */
    private static final long PF_RMP = 1L << 31;
    private static final long PF_WRITE = 1L << 1;

    private final String file;
    private final RamRanges ram;
    private final long pageOffsetBase;
    private final long ramBytes;
    private final int cpusLimit;

    final StepColumns steps = new StepColumns();
    final Observations observed = new Observations();
    final GuestsSeen guests = new GuestsSeen();
    final Warnings warnings = new Warnings();
    /** Per event: whether any line of it was seen (a figure whose events never appear is "unrecorded"). */
    final boolean[] seen = new boolean[TraceEvent.values().length];
    /** Lines of work seen on a CPU with no RMP operation open: not compared. */
    long unattributedLines;
    long kvmPageFaults;
    long[] kvmRmpFaultLines = new long[4];
    int kvmRmpFaults;
    /** The trace's own CPU count ({@code cpus=N} of trace-cmd, {@code #P:N} of the raw trace), or 0. */
    int headerCpus;
    int highestCpu = -1;
    long highestCpuLine;

    private final long[] openStep = new long[MachineSpec.MAX_CPUS];
    private final byte[] openCall = new byte[MachineSpec.MAX_CPUS];
    private final int[] openSlot = new int[MachineSpec.MAX_CPUS];
    private final TraceLine tl = new TraceLine();
    private final Body body = new Body();
    private int lineStart;
    private long lineNo;

    TraceParser(String file, RamRanges ram, long pageOffsetBase, int cpusLimit) {
        this.file = file;
        this.ram = ram;
        this.pageOffsetBase = pageOffsetBase;
        this.ramBytes = ram.frames() * Pfns.FRAME_BYTES;
        this.cpusLimit = cpusLimit;
        Arrays.fill(openStep, -1);
        Arrays.fill(openSlot, -1);
    }

    @Override
    public void line(byte[] b, int s, int e, long no) throws ScenarioException {
        lineStart = s;
        lineNo = no;
        if (!tl.parse(b, s, e)) {
            notAnEvent(b, s, e);
            return;
        }
        TraceEvent ev = TraceEvent.of(b, tl.eventStart, tl.eventEnd);
        if (ev == null) {
            return;                                          // another event
        }
        seen[ev.ordinal()] = true;
        int cpu = TraceLine.smallNumber(b, tl.cpuStart, tl.cpuEnd);
        if (cpu < 0 || cpu >= MachineSpec.MAX_CPUS || (cpusLimit > 0 && cpu >= cpusLimit)) {
            throw error(tl.cpuStart, "CPU " + tl.text(tl.cpuStart, tl.cpuEnd) + " is beyond the host's CPUs ("
                    + (cpusLimit > 0 ? "host.txt says cpus=" + cpusLimit : "at most " + MachineSpec.MAX_CPUS) + ")");
        }
        if (cpu > highestCpu) {
            highestCpu = cpu;
            highestCpuLine = no;
        }
        int pid = TraceLine.smallNumber(b, tl.pidStart, tl.pidEnd);
        body.reset(b, s, tl.bodyStart, e);
        switch (ev.role) {
            case RMP_OP -> rmpOp(ev, cpu, pid);
            case RET -> ret(ev, cpu);
            case WORK -> work(ev, b, cpu);
            case FAULT -> fault(cpu);
            case SHOWN -> shown(ev, pid);
        }
    }

    private void rmpOp(TraceEvent ev, int cpu, int pid) throws ScenarioException {
        long pfn = need(body.hex(PFN, "pfn"));
        int pfnAt = body.lastAt;
        long step;
        if (ev == TraceEvent.PSMASH) {
            checkFrames(pfn, PageSize.M2, pfnAt);
            step = steps.add(StepColumns.PSMASH | StepColumns.F_2M, 0, cpu, pfn, 0, lineNo);
        } else {
            PageSize level = level(need(body.dec(LEVEL, "level")));
            checkFrames(pfn, level, pfnAt);
            int flags = level == PageSize.M2 ? StepColumns.F_2M : 0;
            if (ev == TraceEvent.RMP_PRIVATE) {
                long gpa = need(body.hex(GPA, "gpa"));
                int gpaAt = body.lastAt;
                long asid = need(body.dec(ASID, "asid"));
                if (asid < 1 || asid > RmpTable.MAX_ASID) {
                    throw error(body.lastAt, "asid " + asid + " is not a guest's (1.." + RmpTable.MAX_ASID + ")");
                }
                if (gpa < 0 || gpa % level.bytes() != 0 || gpa >>> 44 != 0) {
                    throw error(gpaAt, "gpa " + Pfns.hex(gpa) + " is not a " + level + "-aligned address below 16 TiB");
                }
                step = steps.add(StepColumns.ASSIGN | flags, (int) asid, cpu, pfn, gpa >>> 12, lineNo);
                guests.privateOp((int) asid, gpa, level, pid);
            } else {
                step = steps.add(StepColumns.RELEASE | flags, 0, cpu, pfn, 0, lineNo);
            }
        }
        openStep[cpu] = step;                                // the previous operation's window ends here
        openCall[cpu] = (byte) (ev.ordinal() + 1);
        openSlot[cpu] = -1;
    }

    private void ret(TraceEvent ev, int cpu) throws ScenarioException {
        long ret = need(body.dec(RET, "ret"));
        if (openCall[cpu] != ev.call().ordinal() + 1) {
            throw error(tl.eventStart, ev.id + " without its " + ev.call().id + " on CPU " + cpu
                    + " (a _ret closes the call open on its CPU)");
        }
        long step = openStep[cpu];
        steps.flag(step, StepColumns.F_RET);
        if (ret != 0) {
            observed.ret(step, (int) ret);
        }
        openStep[cpu] = -1;
        openCall[cpu] = 0;
        openSlot[cpu] = -1;
    }

    private void work(TraceEvent ev, byte[] b, int cpu) throws ScenarioException {
        switch (ev) {
            case SET_MEMORY_4K -> {
                need(body.hex(ADDR, "addr"));
                need(body.dec(NUMPAGES, "numpages"));
                attribute(cpu, Observations.SET_MEMORY_4K, 1);
            }
            case SPLIT -> {
                need(body.hex(ADDRESS, "address"));
                attribute(cpu, Observations.SPLITS, 1);
            }
            case FLUSH_ALL -> attribute(cpu, Observations.FLUSH_ALL, 1);
            default -> {                                      // ipi_send_cpumask
                int mask = body.find(CPUMASK);
                if (mask < 0) {
                    throw error(tl.bodyStart, "no cpumask= field");
                }
                int bits = Body.cpumaskBits(b, mask, body.tokenEnd(mask));
                if (bits < 0) {
                    throw error(mask, "cpumask is not hex in comma-separated 32-bit groups");
                }
                int cb = body.find(CALLBACK);
                if (cb < 0) {
                    throw error(tl.bodyStart, "no callback= field");
                }
                if (body.symbolIs(cb, DO_FLUSH_TLB_ALL)) {
                    attribute(cpu, Observations.FLUSH_ALL_IPI_LINES, 1);
                } else if (body.symbolIs(cb, CPA_FLUSH_TLB) || body.symbolIs(cb, KERNEL_RANGE_FLUSH)) {
                    attribute(cpu, Observations.RANGE_FLUSH_IPIS, bits);
                }
            }
        }
    }

    private void attribute(int cpu, int figure, int n) {
        long step = openStep[cpu];
        if (step < 0) {
            unattributedLines++;
            return;
        }
        int slot = openSlot[cpu];
        if (slot < 0) {
            slot = observed.open(step);
            openSlot[cpu] = slot;
            steps.flag(step, StepColumns.F_OBSERVED);
        }
        observed.add(slot, figure, n);
    }

    private void fault(int cpu) throws ScenarioException {
        int at = body.find(ADDRESS);
        if (at < 0) {
            throw error(tl.bodyStart, "no address= field");
        }
        long address = body.parseHex(at, body.tokenEnd(at));
        boolean hexAddress = body.valid;                    // %ps prints a symbol for a kernel-text address
        long code = need(body.hex(ERROR_CODE, "error_code"));
        long offset = address - pageOffsetBase;
        if (!hexAddress || Long.compareUnsigned(offset, ramBytes) >= 0) {
            warnings.add("outside", lineNo, "page_fault_kernel at an address outside the direct map"
                    + " (page_offset_base + RAM): not replayed");
            return;
        }
        long pfn = offset >>> 12;
        int kind = (code & PF_RMP) != 0 ? StepColumns.HOST_WRITE | StepColumns.F_RMP_FAULT
                : (code & PF_WRITE) != 0 ? StepColumns.HOST_WRITE : StepColumns.HOST_READ;
        steps.add(kind, cpu, cpu, pfn, 0, lineNo);
    }

    private void shown(TraceEvent ev, int pid) {
        if (ev == TraceEvent.KVM_RMP_FAULT) {
            if (kvmRmpFaults == kvmRmpFaultLines.length) {
                kvmRmpFaultLines = Arrays.copyOf(kvmRmpFaultLines, kvmRmpFaults * 2);
            }
            kvmRmpFaultLines[kvmRmpFaults++] = lineNo;
        } else {
            kvmPageFaults++;
            guests.vcpuFault(pid, body.afterWord(VCPU));
        }
    }

    /** A line the regex does not match: a header, a comment, lost events, other text, or a broken line of ours. */
    private void notAnEvent(byte[] b, int s, int e) throws ScenarioException {
        int i = s;
        while (i < e && TraceLine.isWs(b[i])) {
            i++;
        }
        if (i == e) {
            return;
        }
        String text = new String(b, i, Math.min(e - i, 400), StandardCharsets.ISO_8859_1);
        if (text.startsWith("#")) {
            int p = text.indexOf("#P:");
            if (p >= 0) {
                headerCpus = Math.max(headerCpus, leadingNumber(text, p + 3));
            }
            return;
        }
        if (text.startsWith("cpus=")) {
            headerCpus = Math.max(headerCpus, leadingNumber(text, 5));
            return;
        }
        if (text.matches("CPU \\d+ is empty")) {
            return;
        }
        if (text.contains("[LOST ") && text.contains(" EVENTS]")) {
            warnings.add("lost", lineNo, "the trace lost events: observed counts may be short there");
            return;
        }
        if (tl.headed) {
            throw error(i, "cannot read this trace line (truncated?): expected 'comm-pid [cpu] timestamp: event: body'");
        }
        TraceEvent ours = TraceEvent.mentionedIn(text);
        if (ours != null) {
            throw error(i, "looks like a " + ours.id + " line but has no 'comm-pid [cpu] timestamp:' header");
        }
    }

    private static int leadingNumber(String t, int from) {
        int i = from;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && i - from < 5) {
            i++;
        }
        return i == from ? 0 : Integer.parseInt(t.substring(from, i));
    }

    private PageSize level(long level) throws ScenarioException {
        if (level == 1) {
            return PageSize.K4;
        }
        if (level == 2) {
            return PageSize.M2;
        }
        throw error(body.lastAt, "unknown level " + level + " (enum pg_level: 1 = 4K, 2 = 2M)");
    }

    private void checkFrames(long pfn, PageSize level, int at) throws ScenarioException {
        if (pfn < 0 || pfn >= ram.frames()) {
            throw error(at, "pfn " + Pfns.hex(pfn) + " is beyond RAM (the last frame is " + Pfns.hex(ram.frames() - 1) + ")");
        }
        if (level == PageSize.M2 && !Pfns.aligned(pfn, PageSize.M2)) {
            throw error(at, "a 2M operation needs a 2M-aligned pfn (a multiple of 0x200), got " + Pfns.hex(pfn));
        }
        if (!ram.allRam(pfn, level.frames())) {
            throw error(at, "pfn " + Pfns.hex(pfn) + (level == PageSize.M2 ? " +2M" : "") + " is in a hole (not RAM)"
                    + " of the boot layout");
        }
    }

    private long need(long v) throws ScenarioException {
        if (!body.valid) {
            throw located(body.errorColumn, body.errorWhat);
        }
        return v;
    }

    private ScenarioException error(int at, String cause) {
        return located(at - lineStart + 1, cause);
    }

    /** file:line:column: cause; a line beyond an int goes into the file part (the column is then lost). */
    private ScenarioException located(int column, String cause) {
        return lineNo <= Integer.MAX_VALUE ? new ScenarioException(file, (int) lineNo, column, cause)
                : new ScenarioException(file + ":" + lineNo, 0, 0, cause);
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
