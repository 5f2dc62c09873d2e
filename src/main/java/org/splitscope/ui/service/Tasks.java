package org.splitscope.ui.service;

/**
 * What a command tells the service while it runs: that it is busy (and how far along), whether the
 * user asked to cancel, and errors for the user. Implemented by {@link SimService}.
 *
 * <p>Threading: called on the simulation thread; the state it sets is read by the FX thread.
 */
interface Tasks {
    /** A long operation started ({@code text}) or ended ({@code null}); progress 0..1, or -1 when unknown. */
    void busy(String text, double progress);

    /** How far the long operation is, 0..1. */
    void progress(double p);

    /** Whether the user asked to cancel the long operation. */
    boolean cancelled();

    /** An error for the user (a dialog). */
    void error(String text);

    /** A question for the user: may scenarios read boot files in this folder? */
    void ask(FolderQuestion q);
}
