/** Steps and workloads (lazy acceptance, conversions, host activity), expanded deterministically from the seed (R20-R24). */
package org.splitscope.core.workload;
