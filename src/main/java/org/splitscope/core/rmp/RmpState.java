package org.splitscope.core.rmp;

/**
 * The named states of an RMP entry (DOMAIN.md R10; AMD APM vol. 2, "Reverse Map Table"),
 * derived from its assigned, ASID, validated and immutable fields.
 */
public enum RmpState {
    /** All fields zero: the hypervisor owns the page; host writes are allowed. */
    HYPERVISOR,
    /** Immutable only: hypervisor-owned but locked (e.g. the RMP table itself). */
    HV_FIXED,
    /** Assigned, immutable, ASID 0: owned by the PSP firmware. */
    FIRMWARE,
    /** Assigned to a guest (ASID > 0), not yet validated by it. */
    GUEST_INVALID,
    /** Assigned to a guest and validated by it with PVALIDATE. */
    GUEST_VALID,
    /** Assigned to a guest and immutable (being prepared by the firmware at launch). */
    PRE_GUEST,
    /** Assigned with ASID 0 but not immutable: no named state in the APM. */
    OTHER;

    public static RmpState of(boolean assigned, int asid, boolean validated, boolean immutable) {
        if (!assigned) {
            return immutable ? HV_FIXED : HYPERVISOR;
        }
        if (asid == 0) {
            return immutable ? FIRMWARE : OTHER;
        }
        if (immutable) {
            return PRE_GUEST;
        }
        return validated ? GUEST_VALID : GUEST_INVALID;
    }

    public boolean assigned() {
        return this != HYPERVISOR && this != HV_FIXED;
    }
}
