package org.splitscope.ui.service;

import org.splitscope.core.event.EventKind;

/**
 * The app's names for event kinds, where they differ from the core's short labels: both fault kinds
 * end in page_fault_oops() and the app says so and which (DOMAIN.md R16), the RMP #PF being what the
 * thread calls the host crash. Immutable.
 */
public final class EventWords {
    /** An RMP #PF, as the app names it (step outcome, event log, legend). */
    public static final String RMP_FAULT = org.splitscope.render.StepOutcome.RMP_FAULT;
    /** A not-present #PF, as the app names it. */
    public static final String NP_FAULT = org.splitscope.render.StepOutcome.NP_FAULT;

    private EventWords() {
    }

    /** The name the app shows for events of kind {@code k}. */
    public static String label(EventKind k) {
        return org.splitscope.render.StepOutcome.label(k);
    }
}
