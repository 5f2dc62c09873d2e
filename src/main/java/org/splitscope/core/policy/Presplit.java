package org.splitscope.core.policy;

import org.splitscope.core.kernel.HostKernel;

/** Splitting the whole direct map to 4K, shared by the two pre-split policies. */
final class Presplit {
    private Presplit() {
    }

    /** One set_memory_4k() over all of the address space: every large leaf splits, all pages kept at 4K. */
    static void splitEverything(HostKernel kernel) {
        kernel.setMemory4k(0, 0, kernel.directMap().frames(), true);
    }
}
