package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;

/**
 * {@code presplit-4k}: seed 000, Dave Hansen: "I thought we agreed long ago to just demote the
 * whole direct map to 4k on kernels that might need to act as SEV-SNP hosts." The whole direct map
 * is built at 4K at boot (R5: the boot layout itself, as debug_pagealloc's probe_page_size_mask()
 * without 2M/1G pages builds it), so nothing is ever split and nothing is counted (R29); nothing
 * happens later. Trades: no cpa_lock traffic while guests run, for higher kernel TLB pressure on
 * every workload, SNP or not.
 */
public final class Presplit4k implements Policy {
    @Override
    public String id() {
        return "presplit-4k";
    }

    @Override
    public String summary() {
        return "build the direct map at 4K at boot: no splits, no flushes (Dave Hansen)";
    }

    @Override
    public boolean bootsAt4k() {
        return true;
    }

    /** No hook work on release: the hook does nothing after boot. */
    @Override
    public boolean releaseNeedsNoHook(HostKernel kernel, int region) {
        return true;
    }

    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return BulkHook.NONE;
    }
}
