package org.splitscope.core.sim;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.CpaRuns;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.RmpRequest;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.workload.Step;

/**
 * Guest teardown (R23) in bulk mode: {@code StepExecutor.teardown} (the specification) with the
 * release of each 2M RMP entry settled through {@link CpaRuns} when the policy's hook for it is a
 * per-page one (v1's set_direct_map_default_noflush() on each of its 512 frames, R8) or nothing; the
 * rest goes through the kernel as the step path calls it. One teardown under invalidate-noflush
 * makes 512 change_page_attr calls per 2M entry; here each entry costs O(1) plus a range write.
 *
 * <p>Threading: confined to the simulation thread.
 */
final class BulkTeardown {
    private final Simulation sim;
    private final HostKernel k;
    private final CpaRuns cpaRuns;

    BulkTeardown(Simulation sim) {
        this.sim = sim;
        this.k = sim.kernel();
        this.cpaRuns = new CpaRuns(k);
    }

    /** Runs the teardown as the step at the current position. */
    void run(Step.Teardown t) {
        long i = sim.position();
        k.beginStep(i);
        teardown(t.asid());
        k.endStep();
        sim.setPosition(i + 1);
    }

    /** StepExecutor.teardown's loop, each 2M entry released through {@link #release2m}. */
    private void teardown(int asid) {
        StepExecutor.teardown(sim, asid, this::release2m);
    }

    private void release2m(int cpu, long base, int asid, PageSize folio) {
        RmpRequest req = new RmpRequest(cpu, base, PageSize.M2, false, asid, folio);
        BulkHook hook = k.policy().bulkHook(k, req);
        if (hook == BulkHook.OTHER) {
            k.rmpMakeShared(cpu, base, PageSize.M2, asid, folio);
        } else {
            cpaRuns.rmpChange(hook, req, 0);
        }
    }
}
