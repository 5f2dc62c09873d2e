package org.splitscope.scenario.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.workload.Step;
import org.splitscope.scenario.ScenarioException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.splitscope.scenario.trace.Recordings.HOST;
import static org.splitscope.scenario.trace.Recordings.dir;
import static org.splitscope.scenario.trace.Recordings.line;
import static org.splitscope.scenario.trace.Recordings.privateRet;
import static org.splitscope.scenario.trace.Recordings.rmpPrivate;

class RecordingLoaderTest {
    @TempDir
    Path tmp;

    private Recording load(Path d) throws ScenarioException {
        return RecordingLoader.load(d, Progress.NONE);
    }

    private void assertError(Path d, String where, String cause) {
        assertThatThrownBy(() -> load(d)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(d.resolve(where).toString().replace("/trace.txt/", "/trace.txt"))
                .hasMessageContaining(cause);
    }

    @Test
    @DisplayName("the mapping: rmp_private -> assign, rmp_shared -> release, psmash, page_fault_kernel -> host access; each step keeps its line")
    void mapping() throws Exception {
        Path d = dir(tmp, HOST, "cpus=4", "CPU 3 is empty", "# a comment",
                line(1, "kvm_page_fault", "vcpu 3 rip 0xffffffff81000000 address 0x0000000000400000 error_code 0x6"),
                rmpPrivate(1, 0x40200, 0x400000, 2, 5),
                privateRet(1, 0),
                line(2, "sched_switch", "prev_comm=a prev_pid=1 prev_prio=120 prev_state=R ==> next_comm=b next_pid=2"),
                line(2, "psmash", "(psmash+0x0/0x60) pfn=0x40200"),
                line(2, "rmp_shared", "(rmp_make_shared+0x0/0x70) pfn=0x40201 level=1"),
                line(0, "page_fault_kernel", "address=0xffff888040201040 ip=memset+0x7/0x10 error_code=0x80000003"),
                line(3, "page_fault_kernel", "address=0xffff888040202000 ip=memset+0x7/0x10 error_code=0x0"),
                line(3, "kvm_rmp_fault", "vcpu 0 gpa 0000000000401000 pfn 0x40201 error_code 0x6 rmp_level 1 psmash_ret 0"));
        Recording r = load(d);
        TraceSteps s = r.steps();
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.step(0)).isEqualTo(new Step.Assign(5, 0x40200, PageSize.M2, 0x400000, null, 1));
        assertThat(s.step(1)).isEqualTo(new Step.Psmash(0x40200, null, 2));
        assertThat(s.step(2)).isEqualTo(new Step.Release(0x40201, PageSize.K4, null, 2));
        assertThat(s.step(3)).isEqualTo(new Step.HostAccess(0, 0x40201, true, null));
        assertThat(s.expectsRmpFault(3)).isTrue();
        assertThat(s.step(4)).isEqualTo(new Step.HostAccess(3, 0x40202, false, null));
        assertThat(s.expectsRmpFault(4)).isFalse();
        assertThat(new long[] {s.line(0), s.line(1), s.line(2), s.line(3), s.line(4)}).containsExactly(5, 8, 9, 10, 11);
        assertThat(s.caption(2)).isEqualTo("trace.txt:9: " + line(2, "rmp_shared", "(rmp_make_shared+0x0/0x70) pfn=0x40201 level=1").strip());
        // guests from the ASIDs: memory = highest gpa (+ its size) rounded up to 2 MiB; vCPUs from kvm_page_fault; 2M folios
        assertThat(r.scenario().guests()).containsExactly(new GuestSpec(5, 6 * Pfns.MIB, 4, PageSize.M2));
        assertThat(r.lines()).isEqualTo(12);
        assertThat(r.kvmRmpFaultLines()).containsExactly(12);
        assertThat(s.stepsBefore(12)).isEqualTo(5);                  // after every step: shown at the end
        assertThat(s.stepsBefore(9)).isEqualTo(2);
        assertThat(s.stepsBefore(1)).isZero();
        assertThat(r.unrecorded()).containsExactlyInAnyOrder(Figure.SET_MEMORY_4K, Figure.SPLITS, Figure.FLUSH_TLB_ALL,
                Figure.RANGE_FLUSH_IPIS);
        assertThat(r.scenario().machine().cpus()).isEqualTo(4);
        assertThat(r.scenario().machine().kernel()).isEqualTo(KernelProfile.V6_18);
        assertThat(r.scenario().policyId()).isEqualTo("split-on-demand");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    @DisplayName("work lines belong to the RMP operation open on their CPU until its _ret; a failed _ret marks its call")
    void windows() throws Exception {
        Path d = dir(tmp, HOST,
                rmpPrivate(1, 0x40001, 0, 1, 1),
                rmpPrivate(2, 0x40401, 0x1000, 1, 1),
                Recordings.setMemory4k(1, 0x40001),
                Recordings.split(1, 0x40000),
                Recordings.flushAll(1),
                Recordings.ipi(1, "d", "__cpa_flush_tlb"),
                Recordings.ipi(2, "b", "do_flush_tlb_all"),
                privateRet(1, 0),
                Recordings.flushAll(1),                        // no operation open on CPU 1 any more
                privateRet(2, -14));
        Recording r = load(d);
        TraceSteps s = r.steps();
        assertThat(s.observed(0, Observations.SET_MEMORY_4K)).isEqualTo(1);
        assertThat(s.observed(0, Observations.SPLITS)).isEqualTo(1);
        assertThat(s.observed(0, Observations.FLUSH_ALL)).isEqualTo(1);
        assertThat(s.observed(0, Observations.RANGE_FLUSH_IPIS)).isEqualTo(3);
        assertThat(s.observed(1, Observations.FLUSH_ALL_IPI_LINES)).isEqualTo(1);
        assertThat(s.observed(1, Observations.SET_MEMORY_4K)).isZero();
        assertThat(s.ret(0)).isZero();
        assertThat(s.ret(1)).isEqualTo(-14);
        assertThat(r.unattributedLines()).isEqualTo(1);
        assertThat(r.unrecorded()).containsExactly(Figure.RMP_FAULTS, Figure.NOT_PRESENT_FAULTS);
        assertThat(r.flushFromKprobe()).isTrue();
    }

    @Test
    @DisplayName("bad recordings: one located error each (file:line:column: cause)")
    void badInput() throws Exception {
        Path d = dir(tmp, HOST, rmpPrivate(1, 0x40001, 0, 1, 1), " qemu-system-x86-5120  [001]  7391.40");
        assertError(d, "trace.txt:2:2", "truncated");
        d = dir(tmp, HOST, rmpPrivate(1, 0x40001, 0, 1, 1));
        String cut = rmpPrivate(1, 0x40002, 0, 1, 1);
        java.nio.file.Files.writeString(d.resolve("trace.txt"), rmpPrivate(1, 0x40001, 0, 1, 1) + "\n"
                + cut.substring(0, cut.indexOf("pfn=")));          // cut off mid-line, no newline at the end
        assertError(d, "trace.txt:2:", "without a newline: truncated?");
        d = dir(tmp, HOST, rmpPrivate(1, 0x40001, 0, 3, 1));
        assertError(d, "trace.txt:1:", "unknown level 3 (enum pg_level: 1 = 4K, 2 = 2M)");
        d = dir(tmp, HOST, rmpPrivate(1, 0x100000, 0, 1, 1));
        assertError(d, "trace.txt:1:", "pfn 0x100000 is beyond RAM (the last frame is 0xfffff)");
        d = dir(tmp, HOST, privateRet(1, 0));
        assertError(d, "trace.txt:1:", "rmp_private_ret without its rmp_private on CPU 1");
        d = dir(tmp, HOST.replace("page_offset_base=0xffff888000000000\n", ""), rmpPrivate(1, 0x40001, 0, 1, 1));
        assertError(d, "host.txt", "no page_offset_base=0x... line");
        d = dir(tmp, HOST, rmpPrivate(1, 0x40201, 0, 2, 1));
        assertError(d, "trace.txt:1:", "a 2M operation needs a 2M-aligned pfn");
        d = dir(tmp, HOST, rmpPrivate(7, 0x40001, 0, 1, 1));
        assertError(d, "trace.txt:1:", "CPU 007 is beyond the host's CPUs (host.txt says cpus=4)");
        d = dir(tmp, HOST, Recordings.ipi(1, "xyz", "__cpa_flush_tlb"));
        assertError(d, "trace.txt:1:", "cpumask is not hex");
        d = dir(tmp, HOST, line(1, "rmp_private", "(rmp_make_private+0x0/0x90) pfn=0x40001 gpa=0x0 level=1"));
        assertError(d, "trace.txt:1:", "no asid= field");
        d = dir(tmp, HOST, line(1, "rmp_private", "(rmp_make_private+0x0/0x90) pfn=0x4zz01 gpa=0x0 level=1 asid=1"));
        assertError(d, "trace.txt:1:", "pfn=0x4zz01 is not a number");
        d = dir(tmp, HOST, "rmp_private: pfn=0x1 gpa=0x0 level=1 asid=1");
        assertError(d, "trace.txt:1:1", "looks like a rmp_private line");
        d = dir(tmp, HOST + "colour=blue\n", rmpPrivate(1, 0x40001, 0, 1, 1));
        assertError(d, "host.txt:8:1", "unknown key 'colour'");
        d = dir(tmp, HOST.replace("ram=4GiB\n", ""), rmpPrivate(1, 0x40001, 0, 1, 1));
        assertError(d, "host.txt", "no ram= and no ptdump.before or meminfo.before");
        d = dir(tmp, HOST.replace("kernel=6.18", "kernel=5.4"), rmpPrivate(1, 0x40001, 0, 1, 1));
        assertError(d, "host.txt:1:8", "unknown kernel '5.4'");
        Path empty = Files.createTempDirectory(tmp, "empty");
        assertThatThrownBy(() -> load(empty)).hasMessage(empty + ": no trace.txt: a recording is a directory with trace.txt"
                + " and host.txt (TRACE.md)");
        assertThatThrownBy(() -> load(tmp.resolve("nowhere/at/all"))).hasMessageContaining("no such directory");
    }

    @Test
    @DisplayName("page faults outside the direct map and lost events are one warning line each; the recording still loads")
    void warnings() throws Exception {
        Path d = dir(tmp, HOST, rmpPrivate(1, 0x40001, 0, 1, 1),
                line(0, "page_fault_kernel", "address=0x7f3a12345000 ip=copy_user_generic+0x5/0x10 error_code=0x2"),
                line(0, "page_fault_kernel", "address=0x7f3a12346000 ip=copy_user_generic+0x5/0x10 error_code=0x2"),
                line(0, "page_fault_kernel", "address=clear_page_erms+0x7 ip=x error_code=0x2"),
                "CPU:2 [LOST 1234 EVENTS]");
        Recording r = load(d);
        assertThat(r.steps().size()).isEqualTo(1);
        assertThat(r.warnings()).containsExactly(
                d.resolve("trace.txt") + ":2: page_fault_kernel at an address outside the direct map"
                        + " (page_offset_base + RAM): not replayed (3 lines, the first here)",
                d.resolve("trace.txt") + ":5: the trace lost events: observed counts may be short there (1 line)");
    }

    @Test
    @DisplayName("the trace.txt path names its recording; the CPU count can come from the trace header")
    void tracePathAndHeaderCpus() throws Exception {
        Path d = dir(tmp, HOST.replace("cpus=4\n", ""), "cpus=16", rmpPrivate(9, 0x40001, 0, 1, 1));
        Recording r = load(d.resolve("trace.txt"));
        assertThat(r.scenario().machine().cpus()).isEqualTo(16);
        assertThat(r.id()).isEqualTo(d.getFileName().toString());
        Path raw = dir(tmp, HOST.replace("cpus=4\n", ""), "# entries-in-buffer/entries-written: 1/1   #P:8",
                "     CPU 0/KVM-4213    [005] d..1.  7391.402121: rmp_private: (rmp_make_private+0x0/0x90) pfn=0x40001"
                        + " gpa=0x0 level=1 asid=1");
        assertThat(load(raw).scenario().machine().cpus()).isEqualTo(8);
    }

    @Test
    @DisplayName("progress is reported and Cancel stops the load")
    void cancel() throws Exception {
        Path d = dir(tmp, HOST, rmpPrivate(1, 0x40001, 0, 1, 1));
        long[] last = {-1, -1};
        RecordingLoader.load(d, new Progress() {
            @Override
            public void update(long done, long total) {
                last[0] = done;
                last[1] = total;
            }
        });
        assertThat(last[0]).isEqualTo(last[1]).isEqualTo(Files.size(d.resolve("trace.txt")));
        assertThatThrownBy(() -> RecordingLoader.load(d, new Progress() {
            @Override
            public boolean cancelled() {
                return true;
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    @DisplayName("the after-files: meminfo DirectMap lines, vmstat counters, a malformed one is located")
    void afterFiles() throws Exception {
        Path d = dir(tmp, HOST, rmpPrivate(1, 0x40001, 0, 1, 1));
        Files.writeString(d.resolve("meminfo.after"), "MemTotal: 4194304 kB\nDirectMap4k: 4096 kB\nDirectMap2M: 1044480 kB\n");
        Files.writeString(d.resolve("vmstat.after"), "nr_free_pages 1\ndirect_map_level2_splits 7\n");
        Recording r = load(d);
        assertThat(r.after().meminfoAfter()).containsOnlyKeys("DirectMap4k", "DirectMap2M");
        assertThat(r.after().vmstatAfter()).containsEntry("direct_map_level2_splits", 7L)
                .containsEntry("direct_map_level3_splits", 0L);
        assertThat(r.after().vmstatBefore()).isNull();
        Files.writeString(d.resolve("meminfo.after"), "DirectMap4k: lots kB\n");
        assertError(d, "meminfo.after:1:1", "cannot read: DirectMap4k: lots kB");
    }
}
