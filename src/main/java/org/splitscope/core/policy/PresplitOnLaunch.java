package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;

/**
 * {@code presplit-on-launch}: seed 000, Michael Roth's idea 2, "potentially deferring the split
 * until an SNP guest is actually run, so there isn't any impact just from having SNP enabled".
 * The whole direct map is split to 4K when the first guest launches. Trades: like presplit-4k,
 * but hosts that never run a guest keep their large pages.
 */
public final class PresplitOnLaunch implements Policy {
    @Override
    public String id() {
        return "presplit-on-launch";
    }

    @Override
    public String summary() {
        return "split the whole direct map to 4K when the first guest launches (Roth, idea 2)";
    }

    @Override
    public void onLaunch(HostKernel kernel, int asid, boolean firstGuest) {
        if (firstGuest) {
            Presplit.splitEverything(kernel);
        }
    }

    /** No hook work on release: the hook does nothing once a guest runs. */
    @Override
    public boolean releaseNeedsNoHook(HostKernel kernel, int region) {
        return true;
    }

    /** After boot the hooks do nothing (the split happens at the first launch). */
    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return BulkHook.NONE;
    }
}
