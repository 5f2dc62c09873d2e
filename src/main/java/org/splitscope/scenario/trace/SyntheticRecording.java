package org.splitscope.scenario.trace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large synthetic recording for the parse benchmark ({@code bench trace}): a host of
 * {@code guests} guests faulting in 4K folios round-robin, as trace-cmd report prints it. Per page:
 * the vCPU's kvm_page_fault, rmp_private and its _ret; the first page of each 2M region also gets
 * the work mainline 6.18 does (set_memory_4k, a 1G split on the first page of each 1G, a 2M split,
 * their flush_all lines and the per-page flush's IPIs); and one line in ten is another event
 * (sched_switch) that the parser must skip. Lines are built as bytes: writing 20 million takes
 * seconds, not minutes.
 */
public final class SyntheticRecording {
    /** The RAM of the synthetic host: 1.5 TiB, as the example host. */
    static final long RAM_BYTES = 1536L << 30;
    static final int CPUS = 256;

    private final OutputStream out;
    private final byte[] line = new byte[512];
    private int len;
    private long lines;
    private long ns = 7_391_000_000_000L;

    private SyntheticRecording(OutputStream out) {
        this.out = out;
    }

    /** Writes about {@code targetLines} lines of trace.txt and a host.txt into {@code dir}; returns the lines written. */
    public static long write(Path dir, long targetLines, int guests) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(HostFile.NAME), "# synthetic recording for bench trace\nkernel=6.18\ninvlpgb=1\n"
                + "cpus=" + CPUS + "\npage_offset_base=0x" + Long.toHexString(RecordingWriter.PAGE_OFFSET_BASE)
                + "\npolicy=split-on-demand\ngbpages=1\nram=" + (RAM_BYTES >> 30) + "GiB\n", StandardCharsets.US_ASCII);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(dir.resolve(RecordingFiles.TRACE)), 1 << 20)) {
            SyntheticRecording w = new SyntheticRecording(os);
            w.text("cpus=" + CPUS);
            w.end();
            long perGuest = RAM_BYTES / 4096 / (guests + 1);         // the lowest share stays the host's
            long page = 0;
            while (w.lines < targetLines) {
                int g = (int) (page % guests);
                long i = page / guests;
                if (i >= perGuest) {
                    break;
                }
                w.fault(g + 1, i, (RAM_BYTES / 4096) - (g + 1) * perGuest + i);
                if (page % 3 == 0) {
                    w.other((int) (page % CPUS));
                }
                page++;
            }
            return w.lines;
        }
    }

    private void fault(int asid, long gfn, long pfn) throws IOException {
        int vcpu = (int) (gfn % 16);
        int cpu = (asid * 16 + vcpu) % CPUS;
        int pid = 5000 + asid * 100 + vcpu;
        ns += 850;
        head(vcpu, pid, cpu, "kvm_page_fault");
        text("vcpu ").dec(vcpu).text(" rip 0xffffffffc0a1b2c3 address 0x").hex(gfn << 12).text(" error_code 0x20000000006");
        end();
        head(vcpu, pid, cpu, "rmp_private");
        text("(rmp_make_private+0x0/0x90) pfn=0x").hex(pfn).text(" gpa=0x").hex(gfn << 12).text(" level=1 asid=").dec(asid);
        end();
        if (pfn % 512 == 0) {
            long addr = RecordingWriter.PAGE_OFFSET_BASE + (pfn << 12);
            head(vcpu, pid, cpu, "set_memory_4k");
            text("(set_memory_4k+0x0/0x40) addr=0x").hex(addr).text(" numpages=1");
            end();
            if (pfn % (512 * 512) == 0) {
                head(vcpu, pid, cpu, "split");
                text("(__split_large_page+0x0/0x2c0) address=0x").hex(addr & ~((1L << 30) - 1));
                end();
                head(vcpu, pid, cpu, "flush_all");
                text("(flush_tlb_all+0x0/0x50)");
                end();
            }
            head(vcpu, pid, cpu, "split");
            text("(__split_large_page+0x0/0x2c0) address=0x").hex(addr);
            end();
            head(vcpu, pid, cpu, "flush_all");
            text("(flush_tlb_all+0x0/0x50)");
            end();
            head(vcpu, pid, cpu, "ipi_send_cpumask");
            text("cpumask=ffffffff,ffffffff,ffffffff,ffffffff,ffffffff,ffffffff,ffffffff,fffffffe callsite="
                    + "on_each_cpu_cond_mask+0x20/0x40 callback=__cpa_flush_tlb+0x0/0x40");
            end();
        }
        head(vcpu, pid, cpu, "rmp_private_ret");
        text("(sev_gmem_prepare+0x11c/0x1f0 [kvm_amd] <- rmp_make_private) ret=0");
        end();
    }

    private void other(int cpu) throws IOException {
        len = 0;
        text("          <idle>-0       [").pad3(cpu).text("] ").time().text(": sched_switch:         prev_comm=swapper/")
                .dec(cpu).text(" prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=kworker/").dec(cpu)
                .text(":1 next_pid=").dec(200 + cpu).text(" next_prio=120");
        end();
    }

    private void head(int vcpu, int pid, int cpu, String event) {
        len = 0;
        text("       CPU ").dec(vcpu).text("/KVM-").dec(pid).text("  [").pad3(cpu).text("] ").time().text(": ").text(event)
                .text(":");
        for (int i = event.length(); i < 21; i++) {
            line[len++] = ' ';
        }
        line[len++] = ' ';
    }

    private SyntheticRecording time() {
        dec(ns / 1_000_000_000L);
        line[len++] = '.';
        long us = ns / 1000 % 1_000_000;
        for (long d = 100_000; d > 0; d /= 10) {
            line[len++] = (byte) ('0' + us / d % 10);
        }
        return this;
    }

    private SyntheticRecording pad3(int v) {
        line[len++] = (byte) ('0' + v / 100 % 10);
        line[len++] = (byte) ('0' + v / 10 % 10);
        line[len++] = (byte) ('0' + v % 10);
        return this;
    }

    private SyntheticRecording text(String s) {
        for (int i = 0; i < s.length(); i++) {
            line[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    private SyntheticRecording dec(long v) {
        return text(Long.toString(v));
    }

    private SyntheticRecording hex(long v) {
        return text(Long.toHexString(v));
    }

    private void end() throws IOException {
        line[len++] = '\n';
        out.write(line, 0, len);
        lines++;
    }
}
