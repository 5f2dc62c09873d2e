package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;

/**
 * {@code none}: the problem statement of the seed thread. The direct map is left alone, so a host
 * write through a 2M or 1G leaf that covers a private frame raises an RMP #PF, an oops the thread
 * calls the host crash (R16, R17). Trades: nothing to pay, and nothing protected.
 */
public final class NoPolicy implements Policy {
    @Override
    public String id() {
        return "none";
    }

    @Override
    public String summary() {
        return "leave the direct map alone; host writes through large entries over private frames raise RMP #PFs";
    }

    /** No hook work on release: nothing happens in the hook at all. */
    @Override
    public boolean releaseNeedsNoHook(HostKernel kernel, int region) {
        return true;
    }

    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return BulkHook.NONE;
    }
}
