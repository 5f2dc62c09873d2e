package org.splitscope.core.policy;

import org.splitscope.core.kernel.BulkHook;
import org.splitscope.core.kernel.HostKernel;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.kernel.RmpRequest;
import org.splitscope.core.mem.PageSize;

/**
 * {@code private-2m-only}: seed 003, Andy Lutomirski: "How much performance do we get back if we
 * add a requirement that only 2M pages (hugetlbfs, etc) may be used for private guest memory?"
 * Any 4K private assignment is refused (counted as rejected); with only whole 2M regions private,
 * there is nothing to split. Trades: no direct-map work at all, but guests backed by 4K folios
 * cannot run, and a 2M entry PSMASHed for a partial conversion leaves private 4K frames under a
 * large leaf.
 */
public final class Private2mOnly implements Policy {
    @Override
    public String id() {
        return "private-2m-only";
    }

    @Override
    public String summary() {
        return "refuse 4K private pages; only whole 2M regions become private (Andy Lutomirski)";
    }

    @Override
    public boolean beforeRmpUpdate(HostKernel kernel, RmpRequest request) {
        return !(request.assign() && request.level() == PageSize.K4);
    }

    /** No hook work on release: releases are never refused. */
    @Override
    public boolean releaseNeedsNoHook(HostKernel kernel, int region) {
        return true;
    }

    /** 2M requests and make_shared pass untouched; a refusal is left to the hook itself. */
    @Override
    public BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return request.assign() && request.level() == PageSize.K4 ? BulkHook.OTHER : BulkHook.NONE;
    }
}
