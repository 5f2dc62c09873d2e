package org.splitscope.scenario.trace;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.workload.Step;
import org.splitscope.scenario.ScenarioException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any line the kernel prints for the recording's events (the kprobes' {@code (symbol) key=value}
 * with x64 as {@code 0x%Lx}, s32 as {@code %d}, u32 as {@code %u}; the tracepoints' TP_printk), in
 * either trace format, with any comm, pid, CPU, flags and timestamp, parses back to the same fields.
 */
class PrintkProperties {
    static final long FRAMES = 1L << 32;                       // a 16 TiB host
    static final long BASE = 0xff11000000000000L;              // 5-level paging's page_offset_base

    /** How a line starts, as trace-cmd report or the raw trace (with or without the flags column) prints it. */
    record Head(String comm, int pid, String flags, String ts) {
        String line(int cpu, String event, String body) {
            return String.format("%16s-%-7d [%03d] %s%s: %s: %s", comm, pid, cpu, flags.isEmpty() ? "" : flags + " ", ts,
                    event, body);
        }
    }

    @Provide
    Arbitrary<Head> heads() {
        return Combinators.combine(Arbitraries.of("qemu-system-x86", "CPU 12/KVM", "kworker/u512:3", "<idle>", "x",
                        "a-b-1", "my proc 2"), Arbitraries.integers().between(0, 4_194_304),
                Arbitraries.of("", "d..1.", "....", "dNh2.", ".N.1"), Arbitraries.longs().between(0, 999_999),
                Arbitraries.integers().between(0, 999_999_999), Arbitraries.of(true, false))
                .as((comm, pid, flags, s, frac, ns) -> new Head(comm, pid, flags,
                        s + "." + (ns ? String.format("%09d", frac) : String.format("%06d", frac % 1_000_000))));
    }

    static TraceParser parser() {
        MachineSpec m = MachineSpec.of(FRAMES * 4096, 1024);
        return new TraceParser("trace.txt", new RamRanges(m), BASE, 1024);
    }

    static void feed(TraceParser p, long lineNo, String line) throws ScenarioException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        p.line(b, 0, b.length, lineNo);
    }

    @Property(tries = 600)
    void rmpOperationsParseBack(@ForAll("heads") Head h, @ForAll @IntRange(max = 1023) int cpu,
                                @ForAll @LongRange(max = FRAMES / 512 - 1) long region, @ForAll @IntRange(max = 511) int frame,
                                @ForAll boolean twoM, @ForAll @LongRange(max = (1L << 31) - 1) long gfn,
                                @ForAll @IntRange(min = 1, max = 1023) int asid, @ForAll int ret) throws ScenarioException {
        long pfn = region * 512 + (twoM ? 0 : frame);
        long gpa = (twoM ? gfn & ~511L : gfn) << 12;
        TraceParser p = parser();
        feed(p, 1, h.line(cpu, "rmp_private", String.format("(rmp_make_private+0x0/0x90) pfn=0x%x gpa=0x%x level=%d asid=%d",
                pfn, gpa, twoM ? 2 : 1, asid)));
        feed(p, 2, h.line(cpu, "rmp_private_ret", "(sev_gmem_prepare+0x11c/0x1f0 [kvm_amd] <- rmp_make_private) ret=" + ret));
        feed(p, 3, h.line(cpu, "rmp_shared", String.format("(rmp_make_shared+0x0/0x70) pfn=0x%x level=%d", pfn, twoM ? 2 : 1)));
        feed(p, 4, h.line(cpu, "psmash", String.format("(psmash+0x0/0x60) pfn=0x%x", region * 512)));
        p.observed.seal();
        TraceSteps s = new TraceSteps(p.steps, p.observed, null, "trace.txt");
        PageSize level = twoM ? PageSize.M2 : PageSize.K4;
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.step(0)).isEqualTo(new Step.Assign(asid, pfn, level, gpa, null, cpu));
        assertThat(s.retSeen(0)).isTrue();
        assertThat(s.ret(0)).isEqualTo(ret);
        assertThat(s.line(0)).isEqualTo(1);
        assertThat(s.step(1)).isEqualTo(new Step.Release(pfn, level, null, cpu));
        assertThat(s.event(1)).isEqualTo("rmp_shared");
        assertThat(s.step(2)).isEqualTo(new Step.Psmash(region * 512, null, cpu));
        assertThat(s.line(2)).isEqualTo(4);
    }

    @Property(tries = 600)
    void workAndFaultsParseBack(@ForAll("heads") Head h, @ForAll @IntRange(max = 1023) int cpu,
                                @ForAll @LongRange(max = FRAMES - 1) long pfn, @ForAll int numpages,
                                @ForAll("masks") List<Integer> mask, @ForAll boolean rangeCallback,
                                @ForAll long errorCode, @ForAll @IntRange(max = 4095) int offset,
                                @ForAll @IntRange(max = 1023) int vcpu) throws ScenarioException {
        TraceParser p = parser();
        long addr = BASE + pfn * 4096;
        feed(p, 1, h.line(cpu, "kvm_page_fault", String.format("vcpu %d rip 0x%x address 0x%016x error_code 0x%x", vcpu,
                0xffffffff81000000L + offset, pfn << 12, errorCode)));
        feed(p, 2, h.line(cpu, "rmp_shared", String.format("(rmp_make_shared+0x0/0x70) pfn=0x%x level=1", pfn)));
        feed(p, 3, h.line(cpu, "set_memory_4k", String.format("(set_memory_4k+0x0/0x40) addr=0x%x numpages=%d", addr, numpages)));
        feed(p, 4, h.line(cpu, "split", String.format("(__split_large_page+0x0/0x2c0) address=0x%x", addr)));
        feed(p, 5, h.line(cpu, "flush_all", "(flush_tlb_all+0x0/0x50)"));
        StringBuilder m = new StringBuilder();
        int bits = 0;
        for (int i = 0; i < mask.size(); i++) {
            m.append(i == 0 ? Integer.toHexString(mask.get(i)) : String.format(",%08x", mask.get(i)));
            bits += Integer.bitCount(mask.get(i));
        }
        feed(p, 6, h.line(cpu, "ipi_send_cpumask", "cpumask=" + m + " callsite=on_each_cpu_cond_mask+0x20/0x40 callback="
                + (rangeCallback ? "__cpa_flush_tlb+0x0/0x40" : "do_flush_tlb_all+0x0/0x30")));
        feed(p, 7, h.line(cpu, "page_fault_kernel", String.format("address=0x%x ip=clear_page_erms+0x7/0x10 error_code=0x%x",
                addr + offset, errorCode)));
        p.observed.seal();
        TraceSteps s = new TraceSteps(p.steps, p.observed, null, "trace.txt");
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.observed(0, Observations.SET_MEMORY_4K)).isEqualTo(1);
        assertThat(s.observed(0, Observations.SPLITS)).isEqualTo(1);
        assertThat(s.observed(0, Observations.FLUSH_ALL)).isEqualTo(1);
        assertThat(s.observed(0, Observations.RANGE_FLUSH_IPIS)).isEqualTo(rangeCallback ? bits : 0);
        assertThat(s.observed(0, Observations.FLUSH_ALL_IPI_LINES)).isEqualTo(rangeCallback ? 0 : 1);
        boolean rmp = (errorCode & (1L << 31)) != 0;
        assertThat(s.step(1)).isEqualTo(new Step.HostAccess(cpu, pfn, rmp || (errorCode & 2) != 0, null));
        assertThat(s.expectsRmpFault(1)).isEqualTo(rmp);
        assertThat(s.line(1)).isEqualTo(7);
        assertThat(p.kvmPageFaults).isEqualTo(1);
    }

    @Provide
    Arbitrary<List<Integer>> masks() {
        return Arbitraries.integers().list().ofMinSize(1).ofMaxSize(32);
    }
}
