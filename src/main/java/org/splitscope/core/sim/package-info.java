/** The Simulation facade: one machine, one scenario, one policy, advanced a step at a time. */
package org.splitscope.core.sim;
