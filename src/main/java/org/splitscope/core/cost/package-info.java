/** Simulated time: per-CPU clocks, cpa_lock, IPIs, and the one set of cost constants (R25, R26). */
package org.splitscope.core.cost;
