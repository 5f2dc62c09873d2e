package org.splitscope.scenario.trace;

/**
 * How a long load or replay reports where it is and learns that it should stop: a background
 * thread (the app's executor) passes one in; the command line passes {@link #NONE}. Both methods are
 * called on the working thread, about every megabyte read or every few thousand steps run, so an
 * implementation must be cheap and thread-safe towards whoever sets the cancel flag.
 */
public interface Progress {
    /** Reports nothing and never cancels. */
    Progress NONE = new Progress() {
    };

    /** {@code done} of {@code total} units (bytes of trace.txt while loading, steps while replaying). */
    default void update(long done, long total) {
    }

    /** True stops the work: it ends with a {@link java.util.concurrent.CancellationException}. */
    default boolean cancelled() {
        return false;
    }
}
