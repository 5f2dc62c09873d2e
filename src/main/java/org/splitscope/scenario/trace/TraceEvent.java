package org.splitscope.scenario.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The events of a recording (TRACE.md "The recording" and "Mapping onto the simulation"): the
 * splitscope kprobes and the four tracepoints, and what each becomes in a replay.
 */
enum TraceEvent {
    /** kprobe on rmp_make_private: an {@code assign} step. */
    RMP_PRIVATE("rmp_private", Role.RMP_OP),
    /** kretprobe: closes its call's window; ret != 0 means the call is expected to fail. */
    RMP_PRIVATE_RET("rmp_private_ret", Role.RET),
    /** kprobe on rmp_make_shared: a {@code release} step. */
    RMP_SHARED("rmp_shared", Role.RMP_OP),
    RMP_SHARED_RET("rmp_shared_ret", Role.RET),
    /** kprobe on psmash: a {@code psmash} step. */
    PSMASH("psmash", Role.RMP_OP),
    /** Not in TRACE.md's script, but a {@code *_ret} like the others when a user adds it. */
    PSMASH_RET("psmash_ret", Role.RET),
    /** Observed work of the RMP operation open on the same CPU. */
    SET_MEMORY_4K("set_memory_4k", Role.WORK),
    SPLIT("split", Role.WORK),
    FLUSH_ALL("flush_all", Role.WORK),
    IPI_SEND_CPUMASK("ipi_send_cpumask", Role.WORK),
    /** A host-write or host-read step expected to raise a #PF. */
    PAGE_FAULT_KERNEL("page_fault_kernel", Role.FAULT),
    /** Shown with the replay, not replayed. */
    KVM_RMP_FAULT("kvm_rmp_fault", Role.SHOWN),
    /** Not replayed; its vcpu numbers size the guests. */
    KVM_PAGE_FAULT("kvm_page_fault", Role.SHOWN);

    enum Role { RMP_OP, RET, WORK, FAULT, SHOWN }

    /** Trace groups the events of a recording may be printed with ({@code group:event}). */
    private static final byte[][] GROUPS = {bytes("splitscope"), bytes("kvm"), bytes("exceptions"), bytes("ipi")};
    private static final TraceEvent[] ALL = values();

    final String id;
    final Role role;
    private final byte[] name;

    TraceEvent(String id, Role role) {
        this.id = id;
        this.role = role;
        this.name = bytes(id);
    }

    /** The call a {@code _ret} event closes. */
    TraceEvent call() {
        return switch (this) {
            case RMP_PRIVATE_RET -> RMP_PRIVATE;
            case RMP_SHARED_RET -> RMP_SHARED;
            case PSMASH_RET -> PSMASH;
            default -> throw new IllegalStateException(id + " is not a _ret event");
        };
    }

    /**
     * The event named by {@code b[s, e)}, bare ({@code rmp_private}, as /sys/kernel/tracing/trace
     * prints it) or with one of the recording's groups ({@code splitscope:rmp_private}); null for an
     * event that is not ours.
     */
    static TraceEvent of(byte[] b, int s, int e) {
        int colon = -1;
        for (int i = e - 1; i >= s; i--) {
            if (b[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon >= 0) {
            boolean known = false;
            for (byte[] g : GROUPS) {
                known |= Arrays.equals(b, s, colon, g, 0, g.length);
            }
            if (!known) {
                return null;
            }
            s = colon + 1;
        }
        int len = e - s;
        for (TraceEvent t : ALL) {
            if (t.name.length == len && Arrays.equals(b, s, e, t.name, 0, len)) {
                return t;
            }
        }
        return null;
    }

    /** Whether the text contains one of our event names followed by a colon (a line that looks like ours). */
    static TraceEvent mentionedIn(String line) {
        for (TraceEvent t : ALL) {
            int i = line.indexOf(t.id + ":");
            while (i >= 0) {
                boolean wordStart = i == 0 || !TraceLine.isWord((byte) line.charAt(i - 1))
                        || line.charAt(i - 1) == ':';
                if (wordStart) {
                    return t;
                }
                i = line.indexOf(t.id + ":", i + 1);
            }
        }
        return null;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
