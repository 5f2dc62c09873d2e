/**
 * Host recordings (TRACE.md, format 1): reading a recording directory into a replayable scenario
 * with each step's trace line and observed work ({@link org.splitscope.scenario.trace.RecordingLoader}),
 * replaying it against the simulation and comparing what the host did with what the model
 * predicts ({@link org.splitscope.scenario.trace.Replay}), and writing any run as a recording
 * ({@link org.splitscope.scenario.trace.RecordingWriter}). No JavaFX; nothing here prints.
 */
package org.splitscope.scenario.trace;
