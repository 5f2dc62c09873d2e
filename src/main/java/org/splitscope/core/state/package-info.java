/** Journaled primitive arrays: every write can be undone, checkpointed and hashed; no object per frame (R3). */
package org.splitscope.core.state;
