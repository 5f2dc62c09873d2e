package org.splitscope.scenario.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.workload.Step;

import static org.assertj.core.api.Assertions.assertThat;

class TraceStepsTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("packed columns: 17 bytes a step, unsigned 32-bit pfns, line numbers beyond 2^32, chunks that never copy")
    void columns() {
        StepColumns c = new StepColumns();
        int n = 3 * StepColumns.CHUNK + 17;
        for (int i = 0; i < n; i++) {
            long line = 1 + i * 40_000L;                       // passes 2^32 about step 107,000
            c.add(StepColumns.ASSIGN | (i % 2 == 0 ? StepColumns.F_2M : 0), 1 + i % 1023, i % 512, 0xffff_fe00L - i, i * 3L, line);
        }
        for (int i = 0; i < n; i += 997) {
            assertThat(c.line(i)).isEqualTo(1 + i * 40_000L);
            assertThat(c.pfn(i)).isEqualTo(0xffff_fe00L - i);
            assertThat(c.gfn(i)).isEqualTo(i * 3L);
            assertThat(c.who(i)).isEqualTo(1 + i % 1023);
            assertThat(c.cpu(i)).isEqualTo(i % 512);
        }
        assertThat(c.line(n - 1)).isGreaterThan(1L << 32);
        long chunks = (n + StepColumns.CHUNK - 1) / StepColumns.CHUNK;
        assertThat(c.bytes()).isBetween(17L * n, 17L * chunks * StepColumns.CHUNK + 4096);
    }

    @Test
    @DisplayName("a step's caption quotes its trace line, read back from trace.txt past the line index's stride")
    void captions() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lines.add(Recordings.line(i % 4, "sched_switch", "prev_comm=a prev_pid=" + i + " ==> next_comm=b"));
        }
        lines.set(2500, Recordings.rmpPrivate(2, 0x40001, 0x5000, 1, 3));
        Path d = Recordings.dir(tmp, Recordings.HOST, lines.toArray(String[]::new));
        Recording r = RecordingLoader.load(d, Progress.NONE);
        assertThat(r.steps().size()).isEqualTo(1);
        assertThat(r.steps().step(0)).isEqualTo(new Step.Assign(3, 0x40001, PageSize.K4, 0x5000, null, 2));
        assertThat(r.steps().line(0)).isEqualTo(2501);
        assertThat(r.steps().caption(0)).isEqualTo("trace.txt:2501: " + lines.get(2500).strip());
        assertThat(r.scenario().items()).hasSize(1);
        org.splitscope.core.sim.Simulation sim = org.splitscope.core.sim.Simulation.create(r.scenario().toSpec());
        assertThat(sim.program().caption(0)).isEqualTo(r.steps().caption(0));
    }

    @Test
    @DisplayName("the synthetic benchmark recording loads: a step per RMP operation, under 19 bytes a step")
    void synthetic() throws Exception {
        long written = SyntheticRecording.write(tmp.resolve("syn"), 200_000, 8);
        Recording r = RecordingLoader.load(tmp.resolve("syn"), Progress.NONE);
        assertThat(r.lines()).isEqualTo(written);
        assertThat(r.scenario().guests()).hasSize(8);
        assertThat(r.steps().size()).isBetween(written / 4, written / 3);
        assertThat((double) r.steps().bytes() / r.steps().size()).isLessThan(19.0);
        assertThat(r.unrecorded()).containsExactly(Figure.RMP_FAULTS, Figure.NOT_PRESENT_FAULTS);
    }
}
