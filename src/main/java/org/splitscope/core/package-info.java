/** The headless simulation core: machine state, kernel functions, policies, workloads, events, timeline and cost model. No JavaFX, no AWT (ArchitectureTest). */
package org.splitscope.core;
