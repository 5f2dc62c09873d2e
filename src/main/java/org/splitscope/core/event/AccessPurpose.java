package org.splitscope.core.event;

/** Why the host touched a frame. */
public enum AccessPurpose {
    SCENARIO("explicit step"),              // a scenario's host-read or host-write, or a recording's page fault line
    HOST_ACTIVITY("page allocator / slab"),
    PAGE_CLEAR("gmem clears a new folio"),
    BOUNCE_BUFFER("device model fills a shared bounce buffer");

    private final String text;

    AccessPurpose(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
