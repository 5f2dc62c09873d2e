/** The RMP table: entries, named states, RMPUPDATE, PSMASH, PVALIDATE (R10-R14). */
package org.splitscope.core.rmp;
