/** Per-CPU TLBs with LRU replacement, flushes and the conflict classes STALE, MIXED_SIZE, RMP_HAZARD (R15-R19). */
package org.splitscope.core.tlb;
