package org.splitscope.scenario.trace;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceLineTest {
    private static TraceLine parsed(String line) {
        TraceLine t = new TraceLine();
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(t.parse(b, 0, b.length)).as(line).isTrue();
        return t;
    }

    @Test
    @DisplayName("trace-cmd report lines (TRACE.md's examples) give comm, pid, cpu, timestamp, event and body")
    void traceCmd() {
        TraceLine t = parsed(" qemu-system-x86-5120  [037]  7391.402121: rmp_private:          "
                + "(rmp_make_private+0x0/0x90) pfn=0x5f3a41 gpa=0x20a4d3000 level=1 asid=7");
        assertThat(t.text(t.commStart, t.commEnd)).isEqualTo("qemu-system-x86");
        assertThat(t.text(t.pidStart, t.pidEnd)).isEqualTo("5120");
        assertThat(t.text(t.cpuStart, t.cpuEnd)).isEqualTo("037");
        assertThat(t.text(t.tsStart, t.tsEnd)).isEqualTo("7391.402121");
        assertThat(t.text(t.eventStart, t.eventEnd)).isEqualTo("rmp_private");
        assertThat(t.text(t.bodyStart, t.end)).startsWith("(rmp_make_private+0x0/0x90) pfn=0x5f3a41");
        assertThat(t.viaRegex).isFalse();
    }

    @Test
    @DisplayName("raw /sys/kernel/tracing/trace lines with the flags column, and a comm with spaces and a slash")
    void rawWithFlags() {
        TraceLine t = parsed("       CPU 0/KVM-4213    [003] d..1.  7391.402125: set_memory_4k: (set_memory_4k+0x0/0x40)"
                + " addr=0xffff9c05f3a41000 numpages=1");
        assertThat(t.text(t.commStart, t.commEnd)).isEqualTo("CPU 0/KVM");
        assertThat(t.text(t.pidStart, t.pidEnd)).isEqualTo("4213");
        assertThat(t.text(t.tsStart, t.tsEnd)).isEqualTo("7391.402125");
        assertThat(t.text(t.eventStart, t.eventEnd)).isEqualTo("set_memory_4k");
        TraceLine four = parsed("kworker/3:1-211 [003] .... 7391.900004: page_fault_kernel: address=0x1 ip=x error_code=0x2");
        assertThat(four.text(four.eventStart, four.eventEnd)).isEqualTo("page_fault_kernel");
    }

    @Test
    @DisplayName("raw lines without the flags column, and a group-qualified event name")
    void rawWithoutFlags() {
        TraceLine t = parsed("<idle>-0 [000] 12.5: splitscope:flush_all: (flush_tlb_all+0x0/0x50)");
        assertThat(t.text(t.commStart, t.commEnd)).isEqualTo("<idle>");
        assertThat(t.text(t.eventStart, t.eventEnd)).isEqualTo("splitscope:flush_all");
        byte[] b = "splitscope:flush_all".getBytes(StandardCharsets.US_ASCII);
        assertThat(TraceEvent.of(b, 0, b.length)).isEqualTo(TraceEvent.FLUSH_ALL);
        byte[] other = "sched:flush_all".getBytes(StandardCharsets.US_ASCII);
        assertThat(TraceEvent.of(other, 0, other.length)).isNull();
    }

    @Test
    @DisplayName("headers, comments and truncated lines are not event lines; a truncated one still has its header")
    void notEvents() {
        TraceLine t = new TraceLine();
        for (String s : new String[] {"cpus=8", "CPU 3 is empty", "# tracer: nop", "",
            "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(t.parse(b, 0, b.length)).as(s).isFalse();
            assertThat(t.headed).as(s).isFalse();
        }
        byte[] cut = " qemu-system-x86-5120  [037]  7391.40".getBytes(StandardCharsets.US_ASCII);
        assertThat(t.parse(cut, 0, cut.length)).isFalse();
        assertThat(t.headed).isTrue();
    }

    @Test
    @DisplayName("a body that itself looks like a header goes to the regex, which takes the rightmost split")
    void ambiguousGoesToRegex() {
        TraceLine t = parsed("a-1 [2] 3.4: e: x-5 [6] 7.8: f: y");
        assertThat(t.viaRegex).isTrue();
        assertThat(t.text(t.commStart, t.commEnd)).isEqualTo("a-1 [2] 3.4: e: x");
        assertThat(t.text(t.eventStart, t.eventEnd)).isEqualTo("f");
    }

    @Test
    @DisplayName("cpumasks: hex in 32-bit groups, most significant first; the IPIs are the set bits")
    void cpumask() {
        assertThat(bits("ffffffdf,ffffffff")).isEqualTo(63);
        assertThat(bits("f7")).isEqualTo(7);
        assertThat(bits("00000001,00000000,00000000")).isEqualTo(1);
        assertThat(bits("0")).isZero();
        assertThat(bits("fffffffff")).isEqualTo(-1);                      // 9 digits in a group
        assertThat(bits("ff,,ff")).isEqualTo(-1);
        assertThat(bits("xy")).isEqualTo(-1);
        assertThat(bits("")).isEqualTo(-1);
        TraceLineWriter w = new TraceLineWriter(java.io.Writer.nullWriter(), 0, 40);
        assertThat(w.othersMask(3)).isEqualTo("ff,fffffff7");
        assertThat(bits(w.othersMask(3))).isEqualTo(39);
    }

    private static int bits(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Body.cpumaskBits(b, 0, b.length);
    }
}
