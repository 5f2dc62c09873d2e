/**
 * The Simulation facade: one machine, one scenario, one policy, advanced a step at a time on the step
 * path (StepExecutor, the specification) or run to a position in bulk mode (RunMode.BULK: BulkRunner,
 * BulkWindow, BulkAccept, BulkTeardown), which reaches the same state, counters and time.
 */
package org.splitscope.core.sim;
