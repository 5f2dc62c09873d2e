package org.splitscope.core.mem;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which kernel's direct-map and TLB code the simulated host runs (DOMAIN.md R27). It decides what
 * set_memory_4k() flushes (R8) and how flush_tlb_all() reaches the other CPUs (R18); the policies
 * keep their meaning under both.
 *
 * <ul>
 *   <li>{@link #V6_18} (default, mainline today): set_memory_4k() sets _PAGE_KERNEL_4K on each PTE
 *       of its range, so __change_page_attr() changes them and cpa_flush() flushes the range;
 *       flush_tlb_all() is one broadcast INVLPGB + TLBSYNC when the CPUs have INVLPGB
 *       (arch/x86/mm/tlb.c: flush_tlb_all() calls invlpgb_flush_all() under
 *       X86_FEATURE_INVLPGB).</li>
 *   <li>{@link #V6_8} (the seed thread's era; {@code reproduce} uses it): set_memory_4k() changes no
 *       PTE bit (mask_set and mask_clr are empty), so only its splits flush; flush_tlb_all() is
 *       on_each_cpu(do_flush_tlb_all), one IPI per other CPU.</li>
 * </ul>
 */
public enum KernelProfile {
    V6_8("6.8"),
    V6_18("6.18");

    /** The default profile: mainline today. */
    public static final KernelProfile DEFAULT = V6_18;

    private final String id;

    KernelProfile(String id) {
        this.id = id;
    }

    /** The id users type: {@code 6.8} or {@code 6.18}. */
    public String id() {
        return id;
    }

    /** Whether set_memory_4k() marks its PTEs "keep 4K" and flushes the range (R8). */
    public boolean marksKeep4k() {
        return this == V6_18;
    }

    /** Whether flush_tlb_all() is a broadcast INVLPGB on CPUs that have it (R18). */
    public boolean broadcastFlushAll() {
        return this == V6_18;
    }

    /** The ids users may type, for messages: {@code "6.8", "6.18"}. */
    public static String ids() {
        return Arrays.stream(values()).map(k -> '"' + k.id + '"').collect(Collectors.joining(", "));
    }

    /** The profile with this id; the exception message lists the allowed ids. */
    public static KernelProfile byId(String id) {
        for (KernelProfile k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + id + "' (one of: " + ids() + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
