package org.splitscope.scenario.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small recording directories for tests. */
final class Recordings {
    /** A 4 GiB, 4-CPU host on 6.18 under split-on-demand, RAM from host.txt (the default layout). */
    static final String HOST = "kernel=6.18\ninvlpgb=1\ncpus=4\npage_offset_base=0xffff888000000000\n"
            + "policy=split-on-demand\ngbpages=1\nram=4GiB\n";

    private Recordings() {
    }

    /** Writes host.txt and trace.txt (lines joined with '\n') into a new directory under {@code tmp}. */
    static Path dir(Path tmp, String host, String... traceLines) throws IOException {
        Path d = Files.createTempDirectory(tmp, "rec");
        Files.writeString(d.resolve("host.txt"), host);
        Files.writeString(d.resolve("trace.txt"), String.join("\n", traceLines) + "\n");
        return d;
    }

    /** A trace-cmd report line on {@code cpu} from a vCPU thread. */
    static String line(int cpu, String event, String body) {
        return String.format("     CPU 0/KVM-4213  [%03d]  7391.%06d: %-21s %s", cpu, 400000 + cpu, event + ":", body);
    }

    static String rmpPrivate(int cpu, long pfn, long gpa, int level, int asid) {
        return line(cpu, "rmp_private", String.format("(rmp_make_private+0x0/0x90) pfn=0x%x gpa=0x%x level=%d asid=%d",
                pfn, gpa, level, asid));
    }

    static String privateRet(int cpu, int ret) {
        return line(cpu, "rmp_private_ret", "(sev_gmem_prepare+0x11c/0x1f0 [kvm_amd] <- rmp_make_private) ret=" + ret);
    }

    static String setMemory4k(int cpu, long pfn) {
        return line(cpu, "set_memory_4k", String.format("(set_memory_4k+0x0/0x40) addr=0x%x numpages=1",
                0xffff888000000000L + pfn * 4096));
    }

    static String split(int cpu, long pfn) {
        return line(cpu, "split", String.format("(__split_large_page+0x0/0x2c0) address=0x%x", 0xffff888000000000L + pfn * 4096));
    }

    static String flushAll(int cpu) {
        return line(cpu, "flush_all", "(flush_tlb_all+0x0/0x50)");
    }

    static String ipi(int cpu, String mask, String callback) {
        return line(cpu, "ipi_send_cpumask", "cpumask=" + mask + " callsite=on_each_cpu_cond_mask+0x20/0x40 callback="
                + callback + "+0x0/0x30");
    }
}
