/** The host direct map: leaves, splits, collapses, PTE presence and the DirectMap counters (R4-R9). */
package org.splitscope.core.directmap;
