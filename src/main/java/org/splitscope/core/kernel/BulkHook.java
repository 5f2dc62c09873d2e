package org.splitscope.core.kernel;

/**
 * What a policy's direct-map hook does for one rmp_make_private / rmp_make_shared in the current
 * state, in the few shapes bulk mode settles without running the hook call by call (DOMAIN.md
 * section 5, R7, R8). A policy that answers anything but {@link #OTHER} promises that its
 * {@link Policy#beforeRmpUpdate} and {@link Policy#afterRmpUpdate} do exactly that for this request
 * and nothing else; the differential test of the two run modes holds it to the promise.
 */
public enum BulkHook {
    /** Nothing at all, before or after the RMPUPDATE. */
    NONE,
    /** One set_direct_map_invalid_noflush() per frame of the request, each its own change_page_attr call (v1). */
    INVALIDATE_EACH,
    /** As {@link #INVALIDATE_EACH}, then one flush of the request's range as cpa_flush() flushes it (v7). */
    INVALIDATE_EACH_THEN_FLUSH,
    /** One set_direct_map_default_noflush() per frame of the request (v1's restore). */
    RESTORE_EACH,
    /** As {@link #RESTORE_EACH}, then one flush of the request's range (v7). */
    RESTORE_EACH_THEN_FLUSH,
    /** Anything else: bulk mode calls the hook as the step path does. */
    OTHER
}
