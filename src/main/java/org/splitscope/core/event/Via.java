package org.splitscope.core.event;

/** Where a host access got its translation from (R15). */
public enum Via {
    TLB, WALK
}
