package org.splitscope.scenario.trace;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Formats the lines of a recording's trace.txt as {@code trace-cmd report} prints them (TRACE.md
 * "Lines": {@code comm-pid [cpu] timestamp: event: body}), with the kprobes' bodies as the kernel
 * prints a probe of that definition and the tracepoints' bodies as their TP_printk() does.
 *
 * <p>Confined to the writing thread.
 */
final class TraceLineWriter {
    private final Writer out;
    private final long pageOffsetBase;
    private final int cpus;
    private long lines;
    private long ns;

    TraceLineWriter(Writer out, long pageOffsetBase, int cpus) {
        this.out = out;
        this.pageOffsetBase = pageOffsetBase;
        this.cpus = cpus;
    }

    long lines() {
        return lines;
    }

    /** The timestamp of the following lines: seconds since boot, in ns (only ever moves forward). */
    void at(long timeNs) {
        ns = Math.max(ns + 1000, timeNs);
    }

    void header() throws IOException {
        out.write("cpus=" + cpus + "\n");
        lines++;
    }

    void rmpPrivate(Thread t, int cpu, long pfn, long gpa, int level, int asid) throws IOException {
        line(t, cpu, "rmp_private", String.format(Locale.ROOT,
                "(rmp_make_private+0x0/0x90) pfn=0x%x gpa=0x%x level=%d asid=%d", pfn, gpa, level, asid));
    }

    void rmpShared(Thread t, int cpu, long pfn, int level) throws IOException {
        line(t, cpu, "rmp_shared", String.format(Locale.ROOT, "(rmp_make_shared+0x0/0x70) pfn=0x%x level=%d", pfn, level));
    }

    void ret(Thread t, int cpu, boolean ofPrivate, int ret) throws IOException {
        line(t, cpu, ofPrivate ? "rmp_private_ret" : "rmp_shared_ret", ofPrivate
                ? "(sev_gmem_prepare+0x11c/0x1f0 [kvm_amd] <- rmp_make_private) ret=" + ret
                : "(sev_gmem_invalidate+0xa3/0x170 [kvm_amd] <- rmp_make_shared) ret=" + ret);
    }

    void psmash(Thread t, int cpu, long pfn) throws IOException {
        line(t, cpu, "psmash", String.format(Locale.ROOT, "(psmash+0x0/0x60) pfn=0x%x", pfn));
    }

    void setMemory4k(Thread t, int cpu, long pfn, long numpages) throws IOException {
        line(t, cpu, "set_memory_4k", String.format(Locale.ROOT, "(set_memory_4k+0x0/0x40) addr=0x%x numpages=%d",
                address(pfn), numpages));
    }

    void split(Thread t, int cpu, long pfn) throws IOException {
        line(t, cpu, "split", String.format(Locale.ROOT, "(__split_large_page+0x0/0x2c0) address=0x%x", address(pfn)));
    }

    void flushAll(Thread t, int cpu) throws IOException {
        line(t, cpu, "flush_all", "(flush_tlb_all+0x0/0x50)");
    }

    /** An ipi_send_cpumask to every CPU but the sender. */
    void ipiToOthers(Thread t, int cpu, String callback) throws IOException {
        line(t, cpu, "ipi_send_cpumask", "cpumask=" + othersMask(cpu) + " callsite=on_each_cpu_cond_mask+0x20/0x40"
                + " callback=" + callback);
    }

    void pageFault(Thread t, int cpu, long pfn, long errorCode) throws IOException {
        line(t, cpu, "page_fault_kernel", String.format(Locale.ROOT, "address=0x%x ip=clear_page_erms+0x7/0x10"
                + " error_code=0x%x", address(pfn) + 0x40, errorCode));
    }

    void kvmPageFault(Thread t, int cpu, int vcpu, long gpa) throws IOException {
        line(t, cpu, "kvm_page_fault", String.format(Locale.ROOT,
                "vcpu %d rip 0xffffffff81e0a3c4 address 0x%016x error_code 0x20000000004", vcpu, gpa));
    }

    private long address(long pfn) {
        return pageOffsetBase + pfn * 4096;
    }

    /** %*pb of every CPU but {@code cpu}: hex in 32-bit groups, most significant first. */
    String othersMask(int cpu) {
        int groups = (cpus + 31) / 32;
        StringBuilder sb = new StringBuilder();
        for (int g = groups - 1; g >= 0; g--) {
            int bits = Math.min(32, cpus - g * 32);
            long word = bits == 32 ? 0xffffffffL : (1L << bits) - 1;
            if (cpu / 32 == g) {
                word &= ~(1L << (cpu % 32));
            }
            int digits = g == groups - 1 ? (bits + 3) / 4 : 8;
            String hex = Long.toHexString(word);
            sb.append("0".repeat(Math.max(0, digits - hex.length()))).append(hex);
            if (g > 0) {
                sb.append(',');
            }
        }
        return sb.toString();
    }

    private void line(Thread t, int cpu, String event, String body) throws IOException {
        String head = t.comm() + "-" + t.pid();
        out.write(String.format(Locale.ROOT, "%22s [%03d] %6d.%06d: %-21s %s\n", head, cpu, ns / 1_000_000_000L,
                ns / 1000 % 1_000_000, event + ":", body));
        lines++;
    }

    /** The task a line is printed for. */
    record Thread(String comm, int pid) {
        static Thread vcpu(int asid, int vcpu) {
            return new Thread("CPU " + vcpu + "/KVM", 6000 + asid * 1100 + vcpu);
        }

        static Thread vmm(int asid) {
            return new Thread("qemu-system-x86", 5000 + asid);
        }

        static Thread kworker(int cpu) {
            return new Thread("kworker/" + cpu + ":1", 200 + cpu);
        }
    }
}
