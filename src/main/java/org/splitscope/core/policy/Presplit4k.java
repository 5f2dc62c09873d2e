package org.splitscope.core.policy;

import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;

/**
 * {@code presplit-4k}: seed 000, Dave Hansen: "I thought we agreed long ago to just demote the
 * whole direct map to 4k on kernels that might need to act as SEV-SNP hosts." The whole direct map
 * is split to 4K at boot (one set_memory_4k() over all RAM); nothing happens later. Trades: no
 * cpa_lock traffic while guests run, for higher kernel TLB pressure on every workload, SNP or not.
 */
public final class Presplit4k implements Policy {
    @Override
    public String id() {
        return "presplit-4k";
    }

    @Override
    public String summary() {
        return "split the whole direct map to 4K at boot (Dave Hansen)";
    }

    @Override
    public void onBoot(HostKernel kernel) {
        Presplit.splitEverything(kernel);
    }

    /** No hook work on release: the hook does nothing after boot. */
    @Override
    public boolean releaseNeedsNoHook(org.splitscope.core.kernel.HostKernel kernel, int region) {
        return true;
    }
}
