/**
 * The timeline over a run: free movement by step and micro-event ({@link org.splitscope.core.history.Timeline}),
 * with its parts each in its own class: the undo journal's step marks, checkpoints, the event log and
 * its replay, the fault index, per-step figures, bookmarks and breakpoint searches. No toolkit; confined
 * to the thread that drives the timeline.
 */
package org.splitscope.core.history;
