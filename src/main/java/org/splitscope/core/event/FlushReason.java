package org.splitscope.core.event;

/** Why a flush_tlb_all() happened. */
public enum FlushReason {
    AFTER_SPLIT("after a split"),
    AFTER_COLLAPSE("after a collapse"),
    RANGE("range over the single-page ceiling");

    private final String text;

    FlushReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
