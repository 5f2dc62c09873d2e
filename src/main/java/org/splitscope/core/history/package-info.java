/** The timeline over a run: undo journal, checkpoints, seek, micro-event positions, events, per-step figures, bookmarks and breakpoints. */
package org.splitscope.core.history;
