package org.splitscope.scenario.trace;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written scanner accepts exactly the lines TRACE.md's regex accepts, with the same
 * groups (the regex applied to the line as ISO-8859-1 text): on lines built like trace lines with
 * every part varied, and on lines that are mostly the characters the grammar cares about.
 */
class TraceLineProperties {
    /** Groups of the regex as {start, end} pairs, or null when it does not match. */
    static int[] regex(byte[] line) {
        Matcher m = TraceLine.LINE.matcher(new String(line, StandardCharsets.ISO_8859_1));
        if (!m.matches()) {
            return null;
        }
        return new int[] {m.start("comm"), m.end("comm"), m.start("pid"), m.end("pid"), m.start("cpu"), m.end("cpu"),
            m.start("ts"), m.end("ts"), m.start("event"), m.end("event"), m.start("body"), line.length};
    }

    static int[] scanner(byte[] line) {
        TraceLine t = new TraceLine();
        if (!t.parse(line, 0, line.length)) {
            return null;
        }
        return new int[] {t.commStart, t.commEnd, t.pidStart, t.pidEnd, t.cpuStart, t.cpuEnd, t.tsStart, t.tsEnd,
            t.eventStart, t.eventEnd, t.bodyStart, line.length};
    }

    @Provide
    Arbitrary<String> shaped() {
        Arbitrary<String> ws = Arbitraries.of(" ", "  ", "\t", " \t ", "", "\u000b", "\f");
        Arbitrary<String> comm = Arbitraries.of("qemu-system-x86", "CPU 0/KVM", "kworker/3:1", "<idle>", "a-1 [2]", "-",
                " ", "x", "a-b-c", "[0]", "rmp_private:", "é", "\u0085", "\r", "1.0:");
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> flags = Arbitraries.of("", "d..2.", "....", "d.h1", "12.3", "dnh2.", "d[1.", "abcdef", "...");
        Arbitrary<String> event = Arbitraries.of("rmp_private", "splitscope:rmp_private", "ipi:ipi_send_cpumask", "a:",
                "x::", "", "ev", ":", "sched_switch");
        Arbitrary<String> body = Arbitraries.of("(rmp_make_private+0x0/0x90) pfn=0x1 gpa=0x0 level=1 asid=1",
                "(f+0x0/0x1 [kvm_amd] <- rmp_make_private) ret=0", "x-5 [3] 1.0: e: y", "[12]", "", " ", "a\rb",
                "cpumask=ff callback=do_flush_tlb_all+0x0/0x30", "\u0085", "-9 [1]");
        return Combinators.combine(java.util.List.of(ws, comm, digits, ws, digits, ws, flags, ws, digits, digits, ws,
                        event, ws, body))
                .as(p -> p.get(0) + p.get(1) + "-" + p.get(2) + p.get(3) + "[" + p.get(4) + "]" + p.get(5) + p.get(6)
                        + p.get(7) + p.get(8) + "." + p.get(9) + ":" + p.get(10) + p.get(11) + ":" + p.get(12) + p.get(13));
    }

    @Provide
    Arbitrary<String> noisy() {
        return Arbitraries.strings().withChars(" \t-[]0123456789.:_ab\r\u000b\u0085(").ofMinLength(0).ofMaxLength(40);
    }

    @Property(tries = 3000)
    void shapedLinesParseAsTheRegexDoes(@ForAll("shaped") String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(scanner(b)).as(line).isEqualTo(regex(b));
    }

    @Property(tries = 3000)
    void noisyLinesParseAsTheRegexDoes(@ForAll("noisy") String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(scanner(b)).as(line).isEqualTo(regex(b));
    }

    @Property(tries = 2000)
    void newlineSearchEqualsAByteLoop(@ForAll("bytes") byte[] b, @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int from) {
        int start = Math.min(from, b.length);
        int naive = -1;
        for (int i = start; i < b.length && naive < 0; i++) {
            naive = b[i] == '\n' ? i : -1;
        }
        assertThat(Swar.indexOfNewline(b, start, b.length)).isEqualTo(naive);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.of((byte) 0, (byte) 1, (byte) '\n', (byte) 0x0b, (byte) 0x85, (byte) '[', (byte) 'a', (byte) 0xff)
                .array(byte[].class).ofMaxSize(64);
    }
}
