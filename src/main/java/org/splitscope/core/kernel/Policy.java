package org.splitscope.core.kernel;

/**
 * A direct-map strategy from the seed thread (DOMAIN.md section 5): hooks the kernel calls on boot,
 * on each guest launch, and around each RMPUPDATE. Implementations keep no state of their own
 * (everything they change lives in the journaled machine state), so stepping back and seeking work
 * for every policy.
 */
public interface Policy {
    /** The id users type, e.g. {@code split-on-demand}. */
    String id();

    /** One line: what the policy does and what it trades. */
    String summary();

    /**
     * The boot hook (R5): whether this policy builds the direct map at 4K from the start, like
     * debug_pagealloc's probe_page_size_mask() without 2M/1G pages. Such a layout never split
     * anything: no split events, no flushes, no vmstat counts (R29). Default: false.
     */
    default boolean bootsAt4k() {
        return false;
    }

    /** Called when a guest launches; {@code firstGuest} when no guest had launched before. */
    default void onLaunch(HostKernel kernel, int asid, boolean firstGuest) {
    }

    /**
     * Called by rmp_make_private and rmp_make_shared before RMPUPDATE (R12). Returns false to refuse
     * the update (counted as a rejected assignment); the RMP is then left unchanged.
     */
    default boolean beforeRmpUpdate(HostKernel kernel, RmpRequest request) {
        return true;
    }

    /**
     * Whether {@link #beforeRmpUpdate} would do nothing at all for any 4K rmp_make_shared of a frame
     * in this 2M region right now. When true, the kernel may release a region's 4K entries in one
     * go (guest teardown) with exactly the effects of releasing them one by one. Default: false.
     */
    default boolean releaseNeedsNoHook(HostKernel kernel, int region) {
        return false;
    }

    /**
     * What {@link #beforeRmpUpdate} and {@link #afterRmpUpdate} will do for this request in the
     * current state, for bulk mode ({@code RunMode.BULK}) to settle without calling them: see
     * {@link BulkHook}. Must not change anything. Default: {@link BulkHook#OTHER} (bulk mode then calls
     * the hooks as the step path does).
     */
    default BulkHook bulkHook(HostKernel kernel, RmpRequest request) {
        return BulkHook.OTHER;
    }

    /** Called after RMPUPDATE with its status (used by split-and-restore to collapse). */
    default void afterRmpUpdate(HostKernel kernel, RmpRequest request, int status) {
    }
}
