package org.splitscope.core.cost;

/** Where simulated time goes; the model keeps a total per kind. */
public enum CostKind {
    GUEST_WORK("guest work"),
    EXITS("guest exits (PSC, #NPF)"),
    PAGE_CLEAR("page clearing"),
    RMP_INSTR("RMPUPDATE, PSMASH, PVALIDATE"),
    CPA("change_page_attr work"),
    SPLIT_COLLAPSE("splits and collapses"),
    FLUSH_SEND("TLB flushes and IPIs sent"),
    IPI_RECEIVE("IPIs received"),
    LOCK_WAIT("waiting for cpa_lock"),
    GUEST_SERIAL_WAIT("waiting for the guest's page-state changes"),
    HOST_ACCESS("host accesses"),
    CONTEXT_SWITCH("context switches");

    private final String label;

    CostKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
