package org.splitscope.core.workload;

/**
 * A step list given explicitly rather than generated, held compactly by whoever read it (a host
 * recording replayed step by step holds hundreds of millions of them in packed arrays): steps and
 * captions are built on demand, never stored as one object per step.
 *
 * <p>Implementations are immutable once handed to a simulation and answer from any thread.
 */
public interface RecordedSteps {
    /** Number of steps. */
    long size();

    /** Step {@code k} (0-based), built on demand; its {@link Step#caption()} may be null. */
    Step step(long k);

    /** The caption to show at step {@code k}, or null; may cost I/O, so the simulation never asks. */
    String caption(long k);
}
